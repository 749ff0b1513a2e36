// Demo logins created by the seed in the Auth emulator. Printed by `npm start`, used by e2e and
// integration tests. Emulator only: these passwords never exist in a real project.
import type { Role } from '@skillverse/domain/models';

export interface DemoAccount {
  uid: string;
  role: 'learner' | 'educator' | 'admin';
  email: string;
  password: string;
  displayName: string;
  roles: Role[];
  /** Custom claims the account carries. */
  claims: { educator?: true; admin?: true };
}

export const DEMO_LEARNER: DemoAccount = {
  uid: 'demo-learner',
  role: 'learner',
  email: 'learner@skillverse.dev',
  password: 'learner-pass-123',
  displayName: 'Lena Learner',
  roles: ['learner'],
  claims: {},
};

export const DEMO_EDUCATOR: DemoAccount = {
  uid: 'demo-educator',
  role: 'educator',
  email: 'educator@skillverse.dev',
  password: 'educator-pass-123',
  displayName: 'Eddie Educator',
  roles: ['learner', 'educator'],
  claims: { educator: true },
};

export const DEMO_ADMIN: DemoAccount = {
  uid: 'demo-admin',
  role: 'admin',
  email: 'admin@skillverse.dev',
  password: 'admin-pass-123',
  displayName: 'Ada Admin',
  roles: ['learner', 'educator', 'admin'],
  claims: { educator: true, admin: true },
};

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [DEMO_LEARNER, DEMO_EDUCATOR, DEMO_ADMIN];

/** Password of every other seeded account (e.g. ana.lopez@skillverse.dev). */
export const SEED_USER_PASSWORD = 'skillverse-demo';
