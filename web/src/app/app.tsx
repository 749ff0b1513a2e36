import { RouterProvider } from 'react-router';
import { AppProvider } from './provider';
import { getRouter } from './router';

/**
 * Resolves once the router has loaded the first route's page and run its loader (main.tsx waits for
 * it over server-rendered HTML). Never later than a few seconds: a stalled loader must not keep the
 * app from starting.
 */
export function routerReady(timeoutMs = 8000): Promise<void> {
  const router = getRouter();
  if (router.state.initialized) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(done, timeoutMs);
    const unsubscribe = router.subscribe((state) => {
      if (state.initialized) done();
    });
    function done() {
      clearTimeout(timer);
      unsubscribe();
      resolve();
    }
  });
}

export function App() {
  return (
    <AppProvider>
      <RouterProvider router={getRouter()} />
    </AppProvider>
  );
}
