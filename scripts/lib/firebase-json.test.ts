// firebase.json as `firebase deploy` reads it: valid against firebase-tools' own schema, and deploying
// everything the app needs (hosting from the production build, functions built on predeploy,
// Firestore rules + indexes + TTL policy, Storage rules). A real deploy cannot run offline.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { HTTP_FUNCTIONS } from '@skillverse/domain/contracts/http';
import { describe, expect, it } from 'vitest';
import { ROOT } from './emulators.mjs';

const require = createRequire(import.meta.url);
const { getValidator, getErrorMessage } = require('firebase-tools/lib/firebaseConfigValidate.js') as {
  getValidator: () => ((config: unknown) => boolean) & { errors?: unknown[] | null };
  getErrorMessage: (e: unknown) => string;
};

const config = JSON.parse(readFileSync(join(ROOT, 'firebase.json'), 'utf8'));

describe('firebase.json', () => {
  it('is valid for firebase-tools', () => {
    const validate = getValidator();
    const ok = validate(config);
    expect(ok ? [] : (validate.errors ?? []).map(getErrorMessage)).toEqual([]);
  });

  it('deploys hosting, functions, Firestore rules and indexes, and Storage rules', () => {
    expect(config.hosting.public).toBe('web/dist');
    const [functions] = config.functions;
    expect(functions.source).toBe('functions');
    expect(functions.predeploy.join(' ')).toMatch(/run build/);
    expect(JSON.parse(readFileSync(join(ROOT, 'functions/package.json'), 'utf8')).main).toBe('lib/index.js');
    for (const file of [config.firestore.rules, config.firestore.indexes, config.storage.rules]) {
      expect(existsSync(join(ROOT, file)), file).toBe(true);
    }
    const indexes = JSON.parse(readFileSync(join(ROOT, config.firestore.indexes), 'utf8'));
    expect(indexes.fieldOverrides).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ collectionGroup: 'appliedEvents', fieldPath: 'expireAt', ttl: true }),
      ]),
    );
  });

  it('never deploys source maps: the build keeps them (hidden) for check-bundle, hosting ignores them', () => {
    expect(config.hosting.ignore).toContain('**/*.map');
    // 'hidden': maps are written but the served JS carries no sourceMappingURL comment.
    expect(readFileSync(join(ROOT, 'web/vite.config.ts'), 'utf8')).toMatch(/sourcemap:\s*'hidden'/);
  });

  const pdfPath = `/${HTTP_FUNCTIONS.certificatePdf}`;

  it('orders header rules so the specific ones win (Hosting applies every match, last one last)', () => {
    const sources = config.hosting.headers.map((r: { source: string }) => r.source);
    expect(sources[0]).toBe('**');
    expect(sources).toEqual(expect.arrayContaining(['/assets/**', '/live/**', pdfPath]));
    const pdf = config.hosting.headers.find((r: { source: string }) => r.source === pdfPath);
    const pdfCsp = pdf.headers.find((h: { key: string }) => h.key === 'Content-Security-Policy').value;
    // A PDF runs no page script: no fetch directives that could stop the browser's PDF viewer.
    expect(pdfCsp).toBe("frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
  });

  it('rewrites everything else to the SPA and /certificatePdf to its function', () => {
    expect(config.hosting.rewrites.at(-1)).toEqual({ source: '**', destination: '/app.html' });
    const pdf = config.hosting.rewrites.find((r: { source: string }) => r.source === pdfPath);
    expect(pdf.function).toEqual({ functionId: HTTP_FUNCTIONS.certificatePdf, region: 'us-central1' });
  });
});
