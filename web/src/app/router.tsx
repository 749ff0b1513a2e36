import type { ComponentType } from 'react';
import { createBrowserRouter, type LoaderFunctionArgs, type RouteObject } from 'react-router';
import { LoadingState } from '@/components/ui/spinner';
import { paths } from '@/config/paths';
import { type PrefetchableQuery, prefetchLiveQuery } from '@/lib/firestore/use-live-query';
import { RequireAuth } from './guards/require-auth';
import { RequireOnboarded } from './guards/require-onboarded';
import { RequireRole } from './guards/require-role';
import { AuthLayout } from './layouts/auth-layout';
import { DashboardLayout } from './layouts/dashboard-layout';
import { MainLayout } from './layouts/main-layout';
import { RootShell } from './layouts/root-shell';
import { queryClient } from './query-client';
import { RouteError } from './routes/route-error';

/** A route whose page is code-split: its module loads when the route is first visited. */
function lazyPage<M>(load: () => Promise<M>, pick: (module: M) => ComponentType) {
  return {
    lazy: async () => ({ Component: pick(await load()) }),
    errorElement: <RouteError />,
  } satisfies Partial<RouteObject>;
}

/** The longest a navigation waits for a page's first document before the page renders its skeleton. */
const LOADER_WAIT_MS = 1500;
/** The same over a page the server already rendered (below main.tsx's 8 s cap). */
const PRERENDERED_WAIT_MS = 6000;

/**
 * A route loader for a page that needs one public document before it can paint (STYLE.md "Data on
 * the client"): it reads the document into the query cache through the page's own query factory
 * while the page's code downloads (the two in parallel), so the page renders with it; the page's
 * listener then keeps it live under the same key. The factory's module loads with a dynamic import,
 * so nothing of it joins every route's first paint. Only documents anyone may read: data that
 * depends on the signed-in user is left to the page (Auth starts after the first paint).
 */
function prefetch(
  load: (params: LoaderFunctionArgs['params'], url: URL) => Promise<PrefetchableQuery | null>,
) {
  return async ({ params, request }: LoaderFunctionArgs) => {
    const options = await load(params, new URL(request.url)).catch(() => null);
    // Over a server-rendered page (main.tsx keeps it painted until the router is ready) waiting
    // longer costs nothing visible, and rendering without the document would flash a skeleton.
    const prerendered = document.getElementById('root')?.hasAttribute('data-prerendered');
    if (options)
      await prefetchLiveQuery(queryClient, options, prerendered ? PRERENDERED_WAIT_MS : LOADER_WAIT_MS);
    return null;
  };
}

/** Signed in and onboarded (SPEC §6 "Signed in"). */
function signedIn(children: RouteObject[]): RouteObject {
  return { element: <RequireAuth />, children: [{ element: <RequireOnboarded />, children }] };
}

export const routes: RouteObject[] = [
  {
    element: <RootShell />,
    errorElement: <RouteError />,
    hydrateFallbackElement: <LoadingState label="Loading SkillVerse…" className="min-h-dvh items-center" />,
    children: [
      {
        element: <MainLayout />,
        errorElement: <RouteError />,
        children: [
          {
            index: true,
            ...lazyPage(
              () => import('@/features/landing/pages/landing-page'),
              (m) => m.LandingPage,
            ),
          },
          {
            path: paths.courses.path,
            ...lazyPage(
              () => import('@/features/courses/pages/catalog-page'),
              (m) => m.CatalogPage,
            ),
            // The first page of results for the URL's search and filters: the page's own query, so
            // its first render shows the cards (over the server's /courses HTML: the same cards).
            loader: prefetch(async (_params, url) =>
              (await import('@/features/courses/api/get-catalog-page')).firstCatalogPageQueryOptions(url),
            ),
            // A new search or filter on the page is the page's own business (its results show their
            // skeleton, then the listener's first snapshot): no loader, so no second read of it.
            shouldRevalidate: ({ currentUrl, nextUrl }) => currentUrl.pathname !== nextUrl.pathname,
          },
          {
            path: paths.plus.path,
            ...lazyPage(
              () => import('@/features/plus/pages/plus-routes'),
              (m) => m.PlusRoutes,
            ),
          },
          {
            path: paths.course.path,
            ...lazyPage(
              () => import('@/features/courses/pages/course-detail-page'),
              (m) => m.CourseDetailPage,
            ),
            loader: prefetch(async ({ id }) =>
              id ? (await import('@/lib/data/courses')).courseQueryOptions(id) : null,
            ),
          },
          {
            path: paths.liveSessions.path,
            ...lazyPage(
              () => import('@/features/live/pages/live-sessions-page'),
              (m) => m.LiveSessionsPage,
            ),
          },
          {
            path: paths.liveSession.path,
            ...lazyPage(
              () => import('@/features/live/pages/live-session-page'),
              (m) => m.LiveSessionPage,
            ),
            loader: prefetch(async ({ id }) =>
              id ? (await import('@/features/live/api/get-live-sessions')).liveSessionQueryOptions(id) : null,
            ),
          },
          {
            path: paths.skillExchange.path,
            ...lazyPage(
              () => import('@/features/exchange/pages/skill-exchange-page'),
              (m) => m.SkillExchangePage,
            ),
          },
          {
            path: paths.becomeEducator.path,
            ...lazyPage(
              () => import('@/features/educator-applications/pages/become-educator-page'),
              (m) => m.BecomeEducatorPage,
            ),
          },
          {
            path: paths.certificateVerify.path,
            ...lazyPage(
              () => import('@/features/certificates/pages/certificate-verify-page'),
              (m) => m.CertificateVerifyPage,
            ),
            loader: prefetch(async ({ id }) =>
              id
                ? (await import('@/features/certificates/api/get-certificate')).certificateQueryOptions(id)
                : null,
            ),
          },
          {
            path: paths.publicProfile.path,
            ...lazyPage(
              () => import('@/features/profile/pages/public-profile-page'),
              (m) => m.PublicProfilePage,
            ),
            loader: prefetch(async ({ uid }) =>
              uid ? (await import('@/lib/data/users')).userProfileQueryOptions(uid) : null,
            ),
          },
          signedIn([
            {
              path: paths.leaderboard.path,
              ...lazyPage(
                () => import('@/features/gamification/pages/leaderboard-page'),
                (m) => m.LeaderboardPage,
              ),
            },
            {
              path: paths.league.path,
              ...lazyPage(
                () => import('@/features/leagues/pages/league-page'),
                (m) => m.LeaguePage,
              ),
            },
            {
              path: paths.exchange.path,
              ...lazyPage(
                () => import('@/features/exchange/pages/exchange-room-page'),
                (m) => m.ExchangeRoomPage,
              ),
            },
            {
              path: paths.exchangeCall.path,
              ...lazyPage(
                () => import('@/features/exchange/pages/exchange-call-page'),
                (m) => m.ExchangeCallPage,
              ),
            },
            {
              path: paths.exchangeCycle.path,
              ...lazyPage(
                () => import('@/features/exchange/pages/cycle-room-page'),
                (m) => m.CycleRoomPage,
              ),
            },
            {
              path: paths.cycleCall.path,
              ...lazyPage(
                () => import('@/features/exchange/pages/cycle-call-page'),
                (m) => m.CycleCallPage,
              ),
            },
            {
              path: paths.lecture.path,
              ...lazyPage(
                () => import('@/features/learning/pages/player-page'),
                (m) => m.PlayerPage,
              ),
            },
            {
              path: paths.checkoutLocal.path,
              ...lazyPage(
                () => import('@/features/checkout/pages/local-checkout-page'),
                (m) => m.LocalCheckoutPage,
              ),
            },
            {
              path: paths.checkoutSuccess.path,
              ...lazyPage(
                () => import('@/features/checkout/pages/checkout-success-page'),
                (m) => m.CheckoutSuccessPage,
              ),
            },
            {
              path: paths.checkoutCancel.path,
              ...lazyPage(
                () => import('@/features/checkout/pages/checkout-cancel-page'),
                (m) => m.CheckoutCancelPage,
              ),
            },
            {
              path: paths.liveRoom.path,
              ...lazyPage(
                () => import('@/features/live/pages/live-room-page'),
                (m) => m.LiveRoomPage,
              ),
            },
          ]),
          {
            path: '*',
            ...lazyPage(
              () => import('./routes/not-found-page'),
              (m) => m.NotFoundPage,
            ),
          },
        ],
      },
      {
        element: <AuthLayout />,
        errorElement: <RouteError />,
        children: [
          {
            path: paths.signIn.path,
            ...lazyPage(
              () => import('@/features/auth/pages/sign-in-page'),
              (m) => m.SignInPage,
            ),
          },
          {
            path: paths.signUp.path,
            ...lazyPage(
              () => import('@/features/auth/pages/sign-up-page'),
              (m) => m.SignUpPage,
            ),
          },
          {
            path: paths.forgotPassword.path,
            ...lazyPage(
              () => import('@/features/auth/pages/forgot-password-page'),
              (m) => m.ForgotPasswordPage,
            ),
          },
          signedIn([
            {
              path: paths.onboarding.path,
              ...lazyPage(
                () => import('@/features/profile/pages/onboarding-page'),
                (m) => m.OnboardingPage,
              ),
            },
          ]),
        ],
      },
      {
        element: <DashboardLayout />,
        errorElement: <RouteError />,
        children: [
          signedIn([
            {
              path: paths.dashboard.path,
              ...lazyPage(
                () => import('@/features/dashboard/pages/dashboard-page'),
                (m) => m.DashboardPage,
              ),
            },
            {
              path: paths.profile.path,
              ...lazyPage(
                () => import('@/features/profile/pages/profile-page'),
                (m) => m.ProfilePage,
              ),
            },
            {
              path: paths.settings.path,
              ...lazyPage(
                () => import('@/features/settings/pages/settings-page'),
                (m) => m.SettingsPage,
              ),
            },
            {
              path: paths.notifications.path,
              ...lazyPage(
                () => import('@/features/notifications/pages/notifications-page'),
                (m) => m.NotificationsPage,
              ),
            },
            {
              path: paths.myLearning.path,
              ...lazyPage(
                () => import('@/features/learning/pages/my-learning-page'),
                (m) => m.MyLearningPage,
              ),
            },
            {
              path: paths.certificates.path,
              ...lazyPage(
                () => import('@/features/certificates/pages/certificates-page'),
                (m) => m.CertificatesPage,
              ),
            },
            {
              path: paths.achievements.path,
              ...lazyPage(
                () => import('@/features/gamification/pages/achievements-page'),
                (m) => m.AchievementsPage,
              ),
            },
            {
              // The course's instructor or an admin: the rules decide (an admin is not an educator).
              path: paths.educatorCourseStudents.path,
              ...lazyPage(
                () => import('@/features/educator/pages/course-students-page'),
                (m) => m.CourseStudentsPage,
              ),
            },
            {
              element: <RequireRole requires="educator" />,
              children: [
                {
                  path: paths.educator.path,
                  ...lazyPage(
                    () => import('@/features/educator/pages/educator-home-page'),
                    (m) => m.EducatorHomePage,
                  ),
                },
                {
                  path: paths.educatorNewCourse.path,
                  ...lazyPage(
                    () => import('@/features/educator/pages/new-course-page'),
                    (m) => m.NewCoursePage,
                  ),
                },
                {
                  path: paths.educatorEditCourse.path,
                  ...lazyPage(
                    () => import('@/features/educator/pages/edit-course-page'),
                    (m) => m.EditCoursePage,
                  ),
                },
                {
                  path: paths.educatorLocalOnboarding.path,
                  ...lazyPage(
                    () => import('@/features/educator/pages/local-onboarding-page'),
                    (m) => m.LocalOnboardingPage,
                  ),
                },
                {
                  path: paths.educatorSessions.path,
                  ...lazyPage(
                    () => import('@/features/live/pages/educator-sessions-page'),
                    (m) => m.EducatorSessionsPage,
                  ),
                },
              ],
            },
            {
              element: <RequireRole requires="admin" />,
              children: [
                {
                  path: paths.admin.path,
                  ...lazyPage(
                    () => import('@/features/admin/pages/admin-console-page'),
                    (m) => m.AdminConsolePage,
                  ),
                },
                {
                  path: paths.adminUsers.path,
                  ...lazyPage(
                    () => import('@/features/admin/pages/admin-users-page'),
                    (m) => m.AdminUsersPage,
                  ),
                },
                {
                  path: paths.adminCourses.path,
                  ...lazyPage(
                    () => import('@/features/admin/pages/admin-courses-page'),
                    (m) => m.AdminCoursesPage,
                  ),
                },
                {
                  path: paths.adminApplications.path,
                  ...lazyPage(
                    () => import('@/features/admin/pages/admin-applications-page'),
                    (m) => m.AdminApplicationsPage,
                  ),
                },
              ],
            },
          ]),
        ],
      },
    ],
  },
];

let browserRouter: ReturnType<typeof createBrowserRouter> | undefined;

/**
 * The app's router, created on first use rather than when this module loads: creating it matches
 * the URL, reads sessionStorage and starts the route's code and loader, which made module loading
 * one long task on a phone. main.tsx loads the app's modules, yields to the browser, then asks.
 */
export function getRouter(): ReturnType<typeof createBrowserRouter> {
  browserRouter ??= createBrowserRouter(routes);
  return browserRouter;
}
