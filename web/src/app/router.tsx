import type { ComponentType } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router-dom';
import { LoadingState } from '@/components/ui/spinner';
import { paths } from '@/config/paths';
import { RequireAuth } from './guards/require-auth';
import { RequireOnboarded } from './guards/require-onboarded';
import { RequireRole } from './guards/require-role';
import { AuthLayout } from './layouts/auth-layout';
import { DashboardLayout } from './layouts/dashboard-layout';
import { MainLayout } from './layouts/main-layout';
import { RootShell } from './layouts/root-shell';
import type { ComingSoonHandle } from './routes/coming-soon-page';
import { NotFoundPage } from './routes/not-found-page';
import { RouteError } from './routes/route-error';

/** A route whose page is code-split: its module loads when the route is first visited. */
function lazyPage<M>(load: () => Promise<M>, pick: (module: M) => ComponentType) {
  return {
    lazy: async () => ({ Component: pick(await load()) }),
    errorElement: <RouteError />,
  } satisfies Partial<RouteObject>;
}

/** A registered route for an area that is still being built (one shared, lazy page). */
function comingSoon(path: string, title: string, description: string): RouteObject {
  const handle: ComingSoonHandle = { comingSoon: { title, description } };
  return {
    path,
    handle,
    ...lazyPage(
      () => import('./routes/coming-soon-page'),
      (m) => m.ComingSoonPage,
    ),
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
          },
          {
            path: paths.course.path,
            ...lazyPage(
              () => import('@/features/courses/pages/course-detail-page'),
              (m) => m.CourseDetailPage,
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
          },
          {
            path: paths.skillExchange.path,
            ...lazyPage(
              () => import('@/features/exchange/pages/skill-exchange-page'),
              (m) => m.SkillExchangePage,
            ),
          },
          comingSoon(
            paths.becomeEducator.path,
            'Become an educator',
            'Apply to teach on SkillVerse: tell us what you know, and an admin reviews your application.',
          ),
          {
            path: paths.certificateVerify.path,
            ...lazyPage(
              () => import('@/features/certificates/pages/certificate-verify-page'),
              (m) => m.CertificateVerifyPage,
            ),
          },
          {
            path: paths.publicProfile.path,
            ...lazyPage(
              () => import('@/features/profile/pages/public-profile-page'),
              (m) => m.PublicProfilePage,
            ),
          },
          signedIn([
            comingSoon(
              paths.leaderboard.path,
              'Leaderboard',
              'This week’s and all-time top learners, by points earned.',
            ),
            {
              path: paths.exchange.path,
              ...lazyPage(
                () => import('@/features/exchange/pages/exchange-room-page'),
                (m) => m.ExchangeRoomPage,
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
          { path: '*', element: <NotFoundPage /> },
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
            comingSoon(
              paths.achievements.path,
              'Achievements',
              'Every badge, what it takes to earn it, and how close you are.',
            ),
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
                comingSoon(
                  paths.admin.path,
                  'Admin dashboard',
                  'Users, courses, enrolments, revenue, exchanges and sessions at a glance.',
                ),
                comingSoon(
                  paths.adminUsers.path,
                  'Users',
                  'Search people, suspend or ban accounts, and grant roles.',
                ),
                {
                  path: paths.adminCourses.path,
                  ...lazyPage(
                    () => import('@/features/admin/pages/admin-courses-page'),
                    (m) => m.AdminCoursesPage,
                  ),
                },
                comingSoon(
                  paths.adminApplications.path,
                  'Educator applications',
                  'Read applications to teach and approve or reject them.',
                ),
              ],
            },
          ]),
        ],
      },
    ],
  },
];

export const router = createBrowserRouter(routes);
