import { paths } from '@/config/paths';

/**
 * The app's own navigation: only areas that exist today. (Courses, live sessions, exchanges and
 * the rest are registered routes with a "being built" page, linked from the dashboard instead.)
 */
export const accountNav = [
  { to: paths.dashboard.href(), label: 'Dashboard' },
  { to: paths.profile.href(), label: 'Profile' },
  { to: paths.settings.href(), label: 'Settings' },
] as const;
