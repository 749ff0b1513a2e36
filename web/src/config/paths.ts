/**
 * Every route of the app (SPEC §6), in one typed table: `path` is the router pattern, `href` builds
 * a link. Pages and components link through this table, never with hand-written strings.
 */
const e = encodeURIComponent;

export const paths = {
  // Public
  home: { path: '/', href: () => '/' },
  courses: { path: '/courses', href: () => '/courses' },
  course: { path: '/courses/:id', href: (id: string) => `/courses/${e(id)}` },
  /**
   * Plus membership (docs/plus.md): pricing and the membership at /plus; in the emulator also
   * /plus/checkout/local and /plus/portal/local (one lazy route: features/plus/pages/plus-routes).
   */
  plus: { path: '/plus/*', href: () => '/plus' },
  liveSessions: { path: '/live-sessions', href: () => '/live-sessions' },
  liveSession: { path: '/live-sessions/:id', href: (id: string) => `/live-sessions/${e(id)}` },
  skillExchange: { path: '/skill-exchange', href: () => '/skill-exchange' },
  /** The skill exchange with a request to `uid` open, prefilled (Q&A that teaches: an unanswered question). */
  skillExchangeRequest: {
    path: '/skill-exchange',
    href: (uid: string, skill: string, message: string) =>
      `/skill-exchange?${new URLSearchParams({ with: uid, skill, message }).toString()}`,
  },
  becomeEducator: { path: '/become-educator', href: () => '/become-educator' },
  signIn: {
    path: '/sign-in',
    href: (redirect?: string | null) => (redirect ? `/sign-in?redirect=${e(redirect)}` : '/sign-in'),
  },
  signUp: {
    path: '/sign-up',
    href: (redirect?: string | null) => (redirect ? `/sign-up?redirect=${e(redirect)}` : '/sign-up'),
  },
  forgotPassword: { path: '/forgot-password', href: () => '/forgot-password' },
  certificateVerify: {
    path: '/certificates/:id/verify',
    href: (id: string) => `/certificates/${e(id)}/verify`,
  },
  publicProfile: { path: '/u/:uid', href: (uid: string) => `/u/${e(uid)}` },

  // Signed in
  onboarding: { path: '/onboarding', href: () => '/onboarding' },
  leaderboard: { path: '/leaderboard', href: () => '/leaderboard' },
  league: { path: '/league', href: () => '/league' },
  exchange: { path: '/skill-exchange/:id', href: (id: string) => `/skill-exchange/${e(id)}` },
  /** A session's one-to-one call room (issue 15, item 4). */
  exchangeCall: {
    path: '/skill-exchange/:id/sessions/:sessionId/call',
    href: (id: string, sessionId: string) => `/skill-exchange/${e(id)}/sessions/${e(sessionId)}/call`,
  },
  /** The group room of a 3-way swap (issue 8, item 3). */
  exchangeCycle: {
    path: '/skill-exchange/cycles/:id',
    href: (id: string) => `/skill-exchange/cycles/${e(id)}`,
  },
  /** A swap cycle group session's call room, for its three people (issue 16, item 7). */
  cycleCall: {
    path: '/skill-exchange/cycles/:id/sessions/:sessionId/call',
    href: (id: string, sessionId: string) => `/skill-exchange/cycles/${e(id)}/sessions/${e(sessionId)}/call`,
  },
  dashboard: { path: '/dashboard', href: () => '/dashboard' },
  profile: { path: '/profile', href: () => '/profile' },
  settings: { path: '/settings', href: () => '/settings' },
  myLearning: { path: '/my-learning', href: () => '/my-learning' },
  lecture: {
    path: '/learn/:courseId/:lectureId',
    href: (courseId: string, lectureId: string) => `/learn/${e(courseId)}/${e(lectureId)}`,
  },
  certificates: { path: '/certificates', href: () => '/certificates' },
  achievements: { path: '/achievements', href: () => '/achievements' },
  notifications: { path: '/notifications', href: () => '/notifications' },
  /**
   * The live room is the only page whose HTTP response allows camera, microphone and screen capture
   * (`Permissions-Policy` for `/live/**` in firebase.json; everywhere else they are denied). A
   * document keeps the policy it was loaded with, so a client-side navigation from another page
   * would leave the room unable to use them: every link into the room is `<Link reloadDocument>`,
   * a full page load that picks up the room's own headers.
   */
  liveRoom: { path: '/live/:sessionId', href: (sessionId: string) => `/live/${e(sessionId)}` },
  checkoutLocal: {
    path: '/checkout/local',
    href: (paymentId: string) => `/checkout/local?payment=${e(paymentId)}`,
  },
  checkoutSuccess: {
    path: '/checkout/success',
    href: (by: { paymentId?: string; courseId?: string }) =>
      by.paymentId
        ? `/checkout/success?payment=${e(by.paymentId)}`
        : `/checkout/success?course=${e(by.courseId ?? '')}`,
  },
  checkoutCancel: {
    path: '/checkout/cancel',
    href: (courseId?: string) => (courseId ? `/checkout/cancel?course=${e(courseId)}` : '/checkout/cancel'),
  },

  // Educator
  educator: { path: '/educator', href: () => '/educator' },
  educatorNewCourse: { path: '/educator/courses/new', href: () => '/educator/courses/new' },
  educatorEditCourse: {
    path: '/educator/courses/:id/edit',
    href: (id: string) => `/educator/courses/${e(id)}/edit`,
  },
  educatorSessions: { path: '/educator/sessions', href: () => '/educator/sessions' },
  educatorCourseStudents: {
    path: '/educator/courses/:id/students',
    href: (id: string) => `/educator/courses/${e(id)}/students`,
  },
  educatorLocalOnboarding: {
    path: '/educator/payouts/local-onboarding',
    href: () => '/educator/payouts/local-onboarding',
  },

  // Admin
  admin: { path: '/admin', href: () => '/admin' },
  adminUsers: { path: '/admin/users', href: () => '/admin/users' },
  adminCourses: { path: '/admin/courses', href: () => '/admin/courses' },
  adminApplications: { path: '/admin/applications', href: () => '/admin/applications' },
} as const;

export type PathName = keyof typeof paths;
