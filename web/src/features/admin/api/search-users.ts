import { ADMIN_USERS_PAGE_SIZE, nameSearchKey, prefixUpperBound } from '@skillverse/domain/accounts-api';
import type { AccountStatus, UserProfile } from '@skillverse/domain/models';
import { queryOptions, useQuery } from '@tanstack/react-query';
import {
  documentId,
  getDocs,
  limit,
  orderBy,
  type QueryConstraint,
  query,
  startAfter,
  where,
} from 'firebase/firestore';
import { privateAccountsGroupRef, usersRef } from '@/lib/data/users';
import { LiveQueryError, querySource } from '@/lib/firestore/live-source';
import { liveQueryOptions, useLiveQuery } from '@/lib/firestore/use-live-query';

export interface UserFilters {
  /** A name prefix (any case), or an exact email address when it contains "@". */
  term: string;
  status: AccountStatus | 'all';
  role: 'educator' | 'admin' | 'all';
}

/** Where the next page starts: after this (nameLower, uid). */
export interface UserCursor {
  nameLower: string;
  uid: string;
}

export const isEmailSearch = (term: string) => term.includes('@');

export interface UserPage {
  users: UserProfile[];
  /** Set when there is at least one more page. */
  next: UserCursor | null;
}

/**
 * A page of users by name prefix (users/{uid}.nameLower, server-written), status and role,
 * alphabetical; one more than a page is read to know whether another follows.
 */
export function userPageQueryOptions(filters: UserFilters, cursor: UserCursor | null) {
  const prefix = nameSearchKey(filters.term);
  const constraints: QueryConstraint[] = [];
  if (filters.status !== 'all') constraints.push(where('status', '==', filters.status));
  if (filters.role !== 'all') constraints.push(where('roles', 'array-contains', filters.role));
  if (prefix) {
    constraints.push(where('nameLower', '>=', prefix), where('nameLower', '<', prefixUpperBound(prefix)));
  }
  constraints.push(orderBy('nameLower'), orderBy(documentId()));
  if (cursor) constraints.push(startAfter(cursor.nameLower, cursor.uid));
  constraints.push(limit(ADMIN_USERS_PAGE_SIZE + 1));
  return liveQueryOptions(
    ['users', 'admin-search', prefix, filters.status, filters.role, cursor?.uid ?? null] as const,
    querySource(query(usersRef(), ...constraints), (items): UserPage => {
      const users = items.slice(0, ADMIN_USERS_PAGE_SIZE);
      const last = users.at(-1);
      return {
        users,
        // The profile converter drops nameLower; it is the display name's search key.
        next:
          items.length > ADMIN_USERS_PAGE_SIZE && last
            ? { nameLower: nameSearchKey(last.displayName), uid: last.uid }
            : null,
      };
    }),
  );
}

/** A live page of users for the admin list. */
export function useUserPage(filters: UserFilters, cursor: UserCursor | null) {
  return useLiveQuery(userPageQueryOptions(filters, cursor));
}

/** The uids of accounts with exactly this email (admins query every users/{uid}/private/account). */
export async function findUidsByEmail(email: string): Promise<string[]> {
  try {
    const snap = await getDocs(
      query(privateAccountsGroupRef(), where('email', '==', email.trim().toLowerCase()), limit(5)),
    );
    return snap.docs.flatMap((d) =>
      d.id === 'account' && d.ref.parent.parent ? [d.ref.parent.parent.id] : [],
    );
  } catch (error) {
    throw LiveQueryError.from(error);
  }
}

export function usersByEmailQueryOptions(email: string) {
  return queryOptions({
    queryKey: ['users', 'admin-search', 'email', email.trim().toLowerCase()] as const,
    queryFn: () => findUidsByEmail(email),
  });
}

/** Accounts with this exact email (usually one); each row then follows the profile live. */
export function useUsersByEmail(email: string) {
  return useQuery(usersByEmailQueryOptions(email));
}
