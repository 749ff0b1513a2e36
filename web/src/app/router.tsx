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
          comingSoon(
            paths.courses.path,
            'Courses',
            'Browse video courses by topic, level and price, with ratings from the people who took them.',
          ),
          comingSoon(
            paths.course.path,
            'Course details',
            'A course’s outline, instructor, reviews and free preview lectures, and the way to enrol.',
          ),
          comingSoon(
            paths.liveSessions.path,
            'Live sessions',
            'Live classes hosted by educators: register, get reminders, and join with video, chat, Q&A and polls.',
          ),
          comingSoon(
            paths.liveSession.path,
            'Live session',
            'When the session is, who hosts it, and how many places are left.',
          ),
          comingSoon(
            paths.skillExchange.path,
            'Skill exchange',
            'Swap skills one-to-one: teach what you know in return for learning what you want. Matches use the skills and availability on your profile.',
          ),
          comingSoon(
            paths.becomeEducator.path,
            'Become an educator',
            'Apply to teach on SkillVerse: tell us what you know, and an admin reviews your application.',
          ),
          comingSoon(
            paths.certificateVerify.path,
            'Verify a certificate',
            'Check that a SkillVerse certificate is genuine: who holds it, for which course, and when it was issued.',
          ),
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
            comingSoon(
              paths.exchange.path,
              'Skill exchange',
              'One exchange: terms, sessions, chat and completion, shared by both people.',
            ),
            comingSoon(
              paths.lecture.path,
              'Course player',
              'Watch lectures, resume where you left off, and take quizzes.',
            ),
            comingSoon(
              paths.liveRoom.path,
              'Live room',
              'The live class itself: video, chat, Q&A, polls and raised hands.',
            ),
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
            comingSoon(
              paths.myLearning.path,
              'My learning',
              'The courses you’re enrolled in, your progress in each, and where to pick up.',
            ),
            comingSoon(
              paths.certificates.path,
              'Certificates',
              'The certificates you’ve earned, ready to share.',
            ),
            comingSoon(
              paths.achievements.path,
              'Achievements',
              'Every badge, what it takes to earn it, and how close you are.',
            ),
            {
              element: <RequireRole requires="educator" />,
              children: [
                comingSoon(
                  paths.educator.path,
                  'Educator dashboard',
                  'Your courses, students, earnings and upcoming sessions.',
                ),
                comingSoon(
                  paths.educatorNewCourse.path,
                  'New course',
                  'Create a course: details, price, sections, lectures, quizzes and the certificate rule.',
                ),
                comingSoon(
                  paths.educatorEditCourse.path,
                  'Edit course',
                  'Change a course’s content and submit it for review.',
                ),
                comingSoon(
                  paths.educatorSessions.path,
                  'Your live sessions',
                  'Schedule live sessions and see who registered.',
                ),
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
                comingSoon(
                  paths.adminCourses.path,
                  'Course moderation',
                  'Review submitted courses: publish or reject with a reason.',
                ),
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
