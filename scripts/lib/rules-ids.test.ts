// Issue 14: every document a client may create gets an id of NEW_DOCUMENT_ID_PATTERN (firestore.rules
// `isNewId`), unless the id is the caller's own uid (`isOwner`). A static walk of the rules, so a new
// client-created collection cannot forget it; the rules tests play the denials.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NEW_DOCUMENT_ID_PATTERN } from '@skillverse/domain/contracts/ids';
import { describe, expect, it } from 'vitest';
import { ROOT } from './emulators.mjs';

const rules = readFileSync(join(ROOT, 'firestore.rules'), 'utf8');

interface Allow {
  /** The innermost match's id wildcard, e.g. `lectureId`. */
  wildcard: string;
  path: string;
  methods: string[];
  condition: string;
}

/** The `allow` statements with the match they sit in (brace depth tracks nested matches). */
function allowStatements(source: string): Allow[] {
  const out: Allow[] = [];
  const stack: { path: string; depth: number }[] = [];
  let depth = 0;
  const tokens = source.replace(/\/\/.*$/gm, '');
  const re = /match\s+(\/\S*)\s*\{|allow\s+([a-z, ]+):\s*if\s+([^;]*);|\{|\}/g;
  for (let m = re.exec(tokens); m; m = re.exec(tokens)) {
    if (m[1] !== undefined) {
      depth++;
      stack.push({ path: m[1], depth });
    } else if (m[2] !== undefined) {
      const path = stack.map((s) => s.path).join('');
      const last = stack.at(-1)?.path ?? '';
      const wildcard = /\{([A-Za-z]+)\}$/.exec(last)?.[1] ?? '';
      out.push({ wildcard, path, methods: m[2].split(',').map((s) => s.trim()), condition: m[3] ?? '' });
    } else if (m[0] === '{') {
      depth++;
    } else {
      if (stack.at(-1)?.depth === depth) stack.pop();
      depth--;
    }
  }
  return out;
}

describe('client-created ids in firestore.rules', () => {
  it('isNewId uses the pattern of domain/src/contracts/ids.ts', () => {
    const fn = /function isNewId\(value\) \{\s*return ([^;]*);/.exec(rules)?.[1] ?? '';
    expect(fn).toContain(`value.matches('${NEW_DOCUMENT_ID_PATTERN}')`);
    expect(fn).toContain("!value.matches('^__.*__$')");
  });

  it('every client create is constrained to isNewId(id), or to the caller’s own uid', () => {
    const creates = allowStatements(rules).filter(
      (a) => a.methods.some((m) => m === 'create' || m === 'write') && a.condition.trim() !== 'false',
    );
    expect(creates.length).toBeGreaterThan(15);
    const unconstrained = creates
      .filter(
        (a) =>
          !a.condition.includes(`isNewId(${a.wildcard})`) && !a.condition.includes(`isOwner(${a.wildcard})`),
      )
      .map((a) => a.path);
    expect(unconstrained).toEqual([]);
  });
});
