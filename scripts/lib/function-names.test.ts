// No callable or HTTP function name spelled as a bare string outside domain/src/contracts (issue 13):
// code takes the name from the contract (`contract.name`, `callFunction(contract, …)`) or from
// HTTP_FUNCTIONS, so renaming a function is one edit and a typo is a type error. Flags string
// literals (quotes or a template without substitutions) equal to a name, and function URLs spelled
// out (`…/us-central1/<name>`); comments are not looked at.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { HTTP_FUNCTIONS } from '@skillverse/domain/contracts/http';
import { ALL_CALLABLES } from '@skillverse/domain/contracts/registry';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
// Source only: the functions build (functions/lib) is outside these; web/dist* and node_modules are skipped.
const SCANNED = ['functions/src', 'functions/test', 'web/src', 'e2e', 'scripts', 'tests'];
const EXTENSIONS = /\.(ts|tsx|mts|cts|js|mjs|cjs)$/;

const NAMES = new Set([...ALL_CALLABLES.map((c) => c.name), ...Object.values(HTTP_FUNCTIONS)]);
const URL_OF_NAME = new RegExp(`us-central1/(${[...NAMES].join('|')})(?![A-Za-z0-9])`);
/** Cheap first pass: only files that mention a name at all are parsed. */
const ANY_NAME = new RegExp(`(${[...NAMES].join('|')})`);

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (entry.name === 'node_modules' || entry.name.startsWith('dist')) continue;
      out.push(...sourceFiles(join(dir, entry.name)));
    } else if (EXTENSIONS.test(entry.name)) out.push(join(dir, entry.name));
  }
  return out;
}

/** `file:line  literal` for every bare function name in `text`. */
function bareNames(file: string, text: string): string[] {
  const kind = /\.(tsx|jsx)$/.test(file) ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (
      ts.isStringLiteral(node) ||
      ts.isNoSubstitutionTemplateLiteral(node) ||
      ts.isTemplateHead(node) ||
      ts.isTemplateMiddle(node) ||
      ts.isTemplateTail(node)
    ) {
      const whole = ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node);
      if ((whole && NAMES.has(node.text)) || URL_OF_NAME.test(node.text)) {
        const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
        found.push(`${file}:${line + 1}  ${node.getText(source)}`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('callable and HTTP function names', () => {
  it('knows the names it looks for', () => {
    expect(NAMES.has('enrollInFreeCourse')).toBe(true);
    expect(NAMES.has('stripeWebhook')).toBe(true);
  });

  it('flags quoted names and spelled-out URLs, not comments or longer strings', () => {
    const text = [
      "callFunction('enrollInFreeCourse', {});",
      'const a = "submitQuiz";',
      'const b = `certificatePdf`;',
      ['const url = `http://h/$', '{p}/us-central1/stripeWebhook`;'].join(''),
      '// the `ensureProfile` callable',
      "const ok = 'enrollInFreeCourses and more';",
      'callFunction(courses.enrollInFreeCourse, {});',
    ].join('\n');
    expect(bareNames('x.ts', text).map((f) => f.split('  ')[0])).toEqual([
      'x.ts:1',
      'x.ts:2',
      'x.ts:3',
      'x.ts:4',
    ]);
  });

  it('none is spelled as a string outside domain/src/contracts', () => {
    const self = relative(ROOT, import.meta.filename);
    const found = SCANNED.flatMap((dir) => sourceFiles(join(ROOT, dir)))
      .map((file) => relative(ROOT, file))
      .filter((file) => file !== self)
      .flatMap((file) => {
        const text = readFileSync(join(ROOT, file), 'utf8');
        return ANY_NAME.test(text) ? bareNames(file, text) : [];
      });
    expect(
      found,
      'use the contract from @skillverse/domain/contracts/<area> (callFunction(contract, …), contract.name) or HTTP_FUNCTIONS',
    ).toEqual([]);
  }, 60_000);
});
