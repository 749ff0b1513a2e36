import { paths } from '@/config/paths';

export interface NavItem {
  to: string;
  label: string;
  /** Who sees it: everyone (default), visitors not signed in, signed-in people, educators or admins. */
  show?: 'signedOut' | 'signedIn' | 'educator' | 'admin';
}

/**
 * The account area (the dashboard layout's sidebar and the mobile drawer).
 */
export const accountNav: readonly NavItem[] = [
  { to: paths.dashboard.href(), label: 'Dashboard' },
  { to: paths.myLearning.href(), label: 'My learning' },
  { to: paths.achievements.href(), label: 'Achievements' },
  { to: paths.certificates.href(), label: 'Certificates' },
  { to: paths.plus.href(), label: 'Plus membership' },
  { to: paths.profile.href(), label: 'Profile' },
  { to: paths.settings.href(), label: 'Settings' },
];

/** The main navigation in the header (and the drawer on small screens). */
export const mainNav: readonly NavItem[] = [
  { to: paths.courses.href(), label: 'Courses' },
  { to: paths.skillExchange.href(), label: 'Skill exchange' },
  { to: paths.liveSessions.href(), label: 'Live sessions' },
  // Signed in, Plus is in the account area (above): the header stays short enough for every role.
  { to: paths.plus.href(), label: 'Plus', show: 'signedOut' },
  { to: paths.dashboard.href(), label: 'Dashboard', show: 'signedIn' },
  { to: paths.myLearning.href(), label: 'My learning', show: 'signedIn' },
  { to: paths.leaderboard.href(), label: 'Leaderboard', show: 'signedIn' },
  { to: paths.league.href(), label: 'League', show: 'signedIn' },
  { to: paths.educator.href(), label: 'Educator', show: 'educator' },
  { to: paths.adminCourses.href(), label: 'Admin', show: 'admin' },
];

/** The items this person may see. */
export function visibleNav(
  items: readonly NavItem[],
  who: { signedIn: boolean; educator: boolean; admin: boolean },
): NavItem[] {
  return items.filter((item) => {
    if (!item.show) return true;
    if (item.show === 'signedOut') return !who.signedIn;
    if (item.show === 'signedIn') return who.signedIn;
    return who.signedIn && who[item.show];
  });
}
