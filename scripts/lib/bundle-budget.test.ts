import { describe, expect, it } from 'vitest';
import { checkBudget, closure, formatTable, parseRoutes } from './bundle-budget.mjs';

const pathsSource = `export const paths = {
  home: { path: '/', href: () => '/' },
  courses: { path: '/courses', href: () => '/courses' },
  admin: { path: '/admin', href: () => '/admin' },
  liveRoom: { path: '/live/:sessionId', href: (id: string) => \`/live/\${id}\` },
};`;
const routerSource = `[
  { index: true, ...lazyPage(() => import('@/features/landing/pages/landing-page'), (m) => m.LandingPage) },
  {
    path: paths.courses.path,
    ...lazyPage(
      () => import('@/features/courses/pages/catalog-page'),
      (m) => m.CatalogPage,
    ),
  },
  { path: paths.admin.path, ...lazyPage(() => import('@/features/admin/pages/admin-page'), (m) => m.AdminPage) },
  { path: paths.liveRoom.path, ...lazyPage(() => import('@/features/live/pages/room-page'), (m) => m.RoomPage) },
  { path: '*', element: <NotFoundPage /> },
]`;

// index.html → react (static), app (dynamic); app → router (static), every page (dynamic).
type Manifest = Record<string, { file: string; imports?: string[]; dynamicImports?: string[] }>;
const manifest: Manifest = {
  'index.html': { file: 'index.js', imports: ['_react.js'], dynamicImports: ['src/app/app.tsx'] },
  '_react.js': { file: 'react.js' },
  'src/app/app.tsx': {
    file: 'app.js',
    imports: ['_router.js'],
    dynamicImports: [
      'src/features/landing/pages/landing-page.tsx',
      'src/features/courses/pages/catalog-page.tsx',
      'src/features/admin/pages/admin-page.tsx',
      'src/features/live/pages/room-page.tsx',
    ],
  },
  '_router.js': { file: 'router.js', imports: ['_react.js'] },
  '_firestore.js': { file: 'firestore.js' },
  '_card.js': { file: 'card.js', imports: ['_firestore.js'] },
  'src/features/landing/pages/landing-page.tsx': { file: 'landing.js', imports: ['_card.js'] },
  'src/features/courses/pages/catalog-page.tsx': {
    file: 'catalog.js',
    imports: ['_card.js'],
    dynamicImports: ['_big.js'],
  },
  '_big.js': { file: 'big.js' },
  'src/features/admin/pages/admin-page.tsx': { file: 'admin.js', imports: ['_firestore.js'] },
  'src/features/live/pages/room-page.tsx': { file: 'room.js', dynamicImports: ['_livekit.js'] },
  '_livekit.js': { file: 'livekit.js' },
};
const gzipBytes: Record<string, number> = {
  'index.js': 1000,
  'react.js': 60_000,
  'app.js': 8000,
  'router.js': 30_000,
  'firestore.js': 90_000,
  'card.js': 2000,
  'landing.js': 3000,
  'catalog.js': 2500,
  'big.js': 500_000,
  'admin.js': 4000,
  'room.js': 5000,
  'livekit.js': 150_000,
};
const sources: Record<string, string[]> = {
  'admin.js': ['web/src/features/admin/pages/admin-page.tsx'],
  'livekit.js': ['node_modules/livekit-client/dist/livekit-client.esm.mjs'],
  'card.js': ['web/src/components/course-card.tsx'],
};
const rules = {
  shell: ['index.html', 'src/app/app.tsx'],
  budget: { paths: ['/', '/courses'], maxBytes: 250_000 },
  ownChunks: [{ name: 'admin', source: /^web\/src\/features\/admin\//, routes: /^\/admin(\/|$)/ }],
  livekit: { source: /node_modules\/livekit-client\//, routes: /^\/live\/:sessionId$/ },
};

describe('parseRoutes', () => {
  it('pairs every lazy page with its path from the paths table, the index route as /', () => {
    expect(parseRoutes(routerSource, pathsSource)).toEqual([
      { path: '/', module: 'features/landing/pages/landing-page' },
      { path: '/courses', module: 'features/courses/pages/catalog-page' },
      { path: '/admin', module: 'features/admin/pages/admin-page' },
      { path: '/live/:sessionId', module: 'features/live/pages/room-page' },
    ]);
  });

  it('fails on a path name the paths table does not define', () => {
    const router = `{ path: paths.missing.path, ...lazyPage(() => import('@/features/x/pages/x'), (m) => m.X) }`;
    expect(() => parseRoutes(router, pathsSource)).toThrow(/paths\.missing/);
  });
});

describe('closure', () => {
  it('follows static imports only, unless asked to follow dynamic ones', () => {
    expect([...closure(manifest, ['index.html'])].sort()).toEqual(['_react.js', 'index.html']);
    const all = closure(manifest, ['src/features/courses/pages/catalog-page.tsx'], { dynamic: true });
    expect(all.has('_big.js')).toBe(true);
    expect(closure(manifest, ['src/features/courses/pages/catalog-page.tsx']).has('_big.js')).toBe(false);
  });

  it('counts a chunk imported by several modules once', () => {
    const keys = closure(manifest, ['src/app/app.tsx', 'index.html']);
    expect([...keys].filter((k) => k === '_react.js')).toHaveLength(1);
  });
});

describe('checkBudget', () => {
  const routes = parseRoutes(routerSource, pathsSource);

  it("sums the entry, the app shell and the route's page with their static imports, not lazy ones", () => {
    const { rows, failures } = checkBudget({ manifest, routes, gzipBytes, sources, ...rules });
    const courses = rows.find((r) => r.path === '/courses');
    expect(courses?.files).toEqual([
      'app.js',
      'card.js',
      'catalog.js',
      'firestore.js',
      'index.js',
      'react.js',
      'router.js',
    ]);
    expect(courses?.bytes).toBe(1000 + 60_000 + 8000 + 30_000 + 2000 + 90_000 + 2500);
    expect(failures).toEqual([]);
  });

  it('fails a budgeted route over the limit and names it', () => {
    const { failures } = checkBudget({
      manifest,
      routes,
      gzipBytes: { ...gzipBytes, 'firestore.js': 160_000 },
      sources,
      ...rules,
    });
    expect(failures).toEqual([
      expect.stringMatching(/^budget: \/ loads 264\.0 kB .* more than 250\.0 kB$/),
      expect.stringMatching(/^budget: \/courses loads 263\.5 kB/),
    ]);
  });

  it('fails when admin code is in a chunk another route loads first', () => {
    const leaky = {
      ...sources,
      'card.js': ['web/src/components/course-card.tsx', 'web/src/features/admin/api/x.ts'],
    };
    const { failures } = checkBudget({ manifest, routes, gzipBytes, sources: leaky, ...rules });
    expect(failures).toHaveLength(2);
    expect(failures[0]).toMatch(/^admin code loads with the first paint of \/: card\.js/);
    expect(failures[1]).toMatch(/^admin code loads with the first paint of \/courses: card\.js/);
  });

  it('fails when livekit-client can be reached from a route other than the live room, even lazily', () => {
    const { failures } = checkBudget({
      manifest,
      routes,
      gzipBytes,
      sources: { ...sources, 'big.js': ['node_modules/livekit-client/dist/x.mjs'] },
      ...rules,
    });
    expect(failures).toEqual([expect.stringMatching(/^livekit-client can be loaded by \/courses .*big\.js/)]);
  });

  it('fails when a routed page is missing from the manifest', () => {
    const extra = [...routes, { path: '/gone', module: 'features/gone/pages/gone-page' }];
    expect(() => checkBudget({ manifest, routes: extra, gzipBytes, sources, ...rules })).toThrow(/gone-page/);
  });
});

describe('formatTable', () => {
  it('lists every route largest first with the verdict on budgeted ones', () => {
    const table = formatTable(
      [
        { path: '/', files: ['a.js'], bytes: 100_000 },
        { path: '/admin', files: ['a.js', 'b.js'], bytes: 300_000 },
      ],
      250_000,
      ['/'],
    );
    expect(table.split('\n').slice(2)).toEqual([
      '| `/admin` | 300.0 kB | 2 |  |',
      '| `/` | 100.0 kB | 1 | ≤ 250.0 kB ok |',
    ]);
  });
});
