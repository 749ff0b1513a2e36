import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_APP_URL } from '../../functions/src/config/params';
import { webPort } from './web-env.mjs';

const root = new URL('../../', import.meta.url);

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('the emulator stack’s APP_URL', () => {
  it('is the origin the dev server binds (127.0.0.1, not localhost: another origin, signed out)', () => {
    // The base stack's ports, whatever SV_PORT_OFFSET this test run has (a developer's lane).
    vi.stubEnv('SV_PORT_OFFSET', '');
    const env = readFileSync(new URL('functions/.env.demo-skillverse', root), 'utf8');
    const appUrl = /^APP_URL=(.*)$/m.exec(env)?.[1];
    const devServer = `http://127.0.0.1:${webPort('dev')}`;
    expect(appUrl).toBe(devServer);
    expect(DEFAULT_APP_URL).toBe(devServer);
    expect(readFileSync(new URL('scripts/dev-stack.ts', root), 'utf8')).toContain("'--host', '127.0.0.1'");
  });
});

describe('package.json', () => {
  it('typechecks what npm test typechecks, and seeds without a usage error', () => {
    const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8'));
    const test = readFileSync(new URL('scripts/test.mjs', root), 'utf8');
    for (const config of ['tsconfig.json', 'functions/tsconfig.json', 'web/tsconfig.json']) {
      expect(test).toContain(`'${config}'`);
      expect(pkg.scripts.typecheck).toContain(`tsc -p ${config}`);
    }
    expect(pkg.scripts.seed).toMatch(/with-emulators\.mjs --attach -- .*scripts\/seed\/index\.ts/);
  });
});

describe('the functions bundle', () => {
  it('targets the Node version the functions deploy to, and bundles the unpublished domain package', async () => {
    const { buildOptions } = await import('../../functions/build.mjs');
    const pkg = JSON.parse(readFileSync(new URL('functions/package.json', root), 'utf8'));
    expect(buildOptions.target).toBe(`node${pkg.engines.node}`);
    expect(buildOptions.external).not.toContain('@skillverse/domain');
    expect(pkg.devDependencies['@skillverse/domain']).toBeDefined();
    expect(pkg.dependencies['@skillverse/domain']).toBeUndefined();
  });
});
