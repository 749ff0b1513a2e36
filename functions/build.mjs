// Bundles the functions (and the shared @skillverse/domain code they import) into lib/index.js.
// npm `dependencies` stay external: they are installed from package.json on deploy.
// @skillverse/domain is a devDependency on purpose: it is not published, so it is bundled here and
// the deploy (which installs `dependencies` only) never looks for it in the registry.
// The target follows `engines.node` (the runtime the functions deploy to), e.g. "22" → node22.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const pkg = JSON.parse(readFileSync(join(here, 'package.json'), 'utf8'));
const nodeMajor = /\d+/.exec(String(pkg.engines?.node ?? ''))?.[0];
if (!nodeMajor) throw new Error('functions/package.json needs engines.node (the deployed runtime)');

/** Test doubles (functions/test/, *.test.ts) never reach the deployed bundle: importing one from src fails the build. */
const noTestCode = {
  name: 'no-test-code',
  setup(b) {
    const testDirs = [join(here, 'test') + sep];
    b.onLoad({ filter: /\.[cm]?[jt]s$/ }, (args) => {
      if (testDirs.some((dir) => args.path.startsWith(dir)) || /\.test\.[cm]?[jt]s$/.test(args.path)) {
        return { errors: [{ text: `test code imported by the functions bundle: ${args.path}` }] };
      }
      return undefined;
    });
  },
};

/** @type {import('esbuild').BuildOptions} */
export const buildOptions = {
  entryPoints: [join(here, 'src/index.ts')],
  outfile: join(here, 'lib/index.js'),
  bundle: true,
  platform: 'node',
  target: `node${nodeMajor}`,
  format: 'cjs',
  sourcemap: true,
  external: Object.keys(pkg.dependencies ?? {}),
  logLevel: 'warning',
  plugins: [noTestCode],
};

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await build(buildOptions);
}
