// Creates users/{uid} and users/{uid}/private/account for a new Auth user — only what is absent,
// in one transaction, so repeated deliveries (and the ensureProfile fallback) change nothing and
// a profile written earlier (e.g. by the seed) is never overwritten.
import { nameSearchKey } from '@skillverse/domain/accounts-api';
import { initialGamification, emptyStats } from '@skillverse/domain/gamification';
import { defaultNotificationPreferences } from '@skillverse/domain/notifications';
import type { Firestore } from 'firebase-admin/firestore';
import { logger } from 'firebase-functions';
import { runCallableTransaction, serverTimestamp } from '../lib/firestore';
import { type NotifyDeps, notify } from '../notifications/notify';
import { rolesFromClaims } from './roles';
import { accountRef, userRef } from '../lib/data/users';

export interface NewAccount {
  uid: string;
  email: string | null;
  displayName: string | null;
  photoURL: string | null;
  customClaims?: Record<string, unknown> | null;
  timezone?: string | null;
}

/** The display name for a new profile: the Auth name, else the email's local part. */
export function initialDisplayName(account: Pick<NewAccount, 'displayName' | 'email'>): string {
  const name = account.displayName?.trim();
  if (name) return name.slice(0, 80);
  const local = account.email?.split('@')[0]?.trim();
  return local ? local.slice(0, 80) : 'New learner';
}

export function newProfileData(account: NewAccount) {
  return {
    uid: account.uid,
    displayName: initialDisplayName(account),
    nameLower: nameSearchKey(initialDisplayName(account)),
    photoURL: account.photoURL ?? null,
    bio: '',
    headline: '',
    interests: [],
    skills: [],
    offeredSkills: [],
    desiredSkills: [],
    availability: [],
    timezone: account.timezone || 'UTC',
    onboarded: false,
    firstGoal: null,
    roles: rolesFromClaims(account.customClaims),
    status: 'active',
    gamification: initialGamification(),
    rating: { average: 0, count: 0 },
    stats: emptyStats(),
    createdAt: serverTimestamp(),
    updatedAt: serverTimestamp(),
  };
}

export function newPrivateAccountData(account: NewAccount) {
  return {
    email: account.email ?? null,
    stripeCustomerId: null,
    notificationPreferences: defaultNotificationPreferences(),
    referredBy: null,
    createdAt: serverTimestamp(),
  };
}

export interface CreateAccountResult {
  profileCreated: boolean;
  accountCreated: boolean;
}

export async function createAccount(
  db: Firestore,
  account: NewAccount,
  deps: NotifyDeps = {},
): Promise<CreateAccountResult> {
  const profileRef = userRef(db, account.uid);
  const accountDocRef = accountRef(db, account.uid);
  const result = await runCallableTransaction(db, async (tx) => {
    const [profile, priv] = await tx.getAll(profileRef, accountDocRef);
    const profileCreated = !profile?.exists;
    const accountCreated = !priv?.exists;
    if (profileCreated) tx.create(profileRef, newProfileData(account));
    if (accountCreated) tx.create(accountDocRef, newPrivateAccountData(account));
    return { profileCreated, accountCreated };
  });
  if (result.profileCreated || result.accountCreated) {
    logger.info('account documents created', { uid: account.uid, ...result });
  }
  if (result.accountCreated) {
    await notify(
      db,
      {
        uid: account.uid,
        type: 'account',
        id: 'welcome',
        title: 'Welcome to SkillVerse!',
        body: 'Set up your profile, pick your skills and start learning, teaching or swapping skills.',
        link: '/profile',
      },
      deps,
    );
  }
  return result;
}
