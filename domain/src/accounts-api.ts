// Accounts and admin user management: educator applications, roles, account status and the audit
// log — request/response types of the admin callables (SPEC §4, §5.8) and the pure helpers both
// sides need. Plain TypeScript; the callables' names and zod schemas are in contracts/.
import type { AccountStatus, EducatorApplicationStatus, Role } from './models';

// ---------------------------------------------------------------------------------------------
// Educator applications

export const EXPERTISE_MAX = 15;
export const EXPERTISE_ITEM_MAX = 60;
export const MOTIVATION_MIN = 20;
export const MOTIVATION_MAX = 4000;
export const SAMPLE_URL_MAX = 2048;
export const DECISION_REASON_MAX = 1000;
export const DECISION_REASON_MIN = 10;

export const APPLICATION_DECISIONS = ['approve', 'reject'] as const;
export type ApplicationDecision = (typeof APPLICATION_DECISIONS)[number];

/** The status an application ends in after a decision. */
export function statusForDecision(decision: ApplicationDecision): EducatorApplicationStatus {
  return decision === 'approve' ? 'approved' : 'rejected';
}

export interface DecideEducatorApplicationRequest {
  uid: string;
  decision: ApplicationDecision;
  /** Required when rejecting: the applicant reads it. */
  reason?: string;
}

export interface DecideEducatorApplicationResponse {
  uid: string;
  status: EducatorApplicationStatus;
  /** True when the application already had this decision (a retry): nothing was changed. */
  alreadyDecided: boolean;
}

// ---------------------------------------------------------------------------------------------
// Roles

export const GRANTABLE_ROLES = ['educator', 'admin'] as const;
export type GrantableRole = (typeof GRANTABLE_ROLES)[number];

export interface SetUserRolesRequest {
  uid: string;
  role: GrantableRole;
  /** true grants the role, false revokes it. */
  grant: boolean;
}

export interface SetUserRolesResponse {
  uid: string;
  roles: Role[];
  /** False when the user already had (or already lacked) the role: nothing was changed. */
  changed: boolean;
}

// ---------------------------------------------------------------------------------------------
// Account status

export interface SetUserStatusRequest {
  uid: string;
  status: AccountStatus;
  reason?: string;
}

export interface SetUserStatusResponse {
  uid: string;
  status: AccountStatus;
  previousStatus: AccountStatus | null;
}

// ---------------------------------------------------------------------------------------------
// Audit log: auditLog/{entryId}, written only by functions, read by admins.

export const AUDIT_ACTIONS = [
  'user.setStatus',
  'user.setRole',
  'educatorApplication.approve',
  'educatorApplication.reject',
  'course.publish',
  'course.reject',
  'course.feature',
  'course.unfeature',
  'credential.revoke',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** What admins see of an entry: who did what to whom, when, and the details. */
export interface AuditLogEntry {
  id: string;
  actorId: string;
  /** The admin's display name when the entry was written (null in entries older than the field). */
  actorName: string | null;
  action: string;
  /** The affected user (user and application actions). */
  targetUid: string | null;
  /** The affected document for other actions, e.g. `courses/abc`. */
  target: string | null;
  /** The target's display name (a user's name, a course's title) when the entry was written, or null. */
  targetName: string | null;
  details: Record<string, unknown>;
  createdAt: Date;
}

/** A short sentence for an audit entry, e.g. "suspended the account (Spam in chat)". */
export function describeAuditAction(entry: Pick<AuditLogEntry, 'action' | 'details'>): string {
  const d = entry.details;
  const reason = typeof d.reason === 'string' && d.reason ? ` (${d.reason})` : '';
  switch (entry.action) {
    case 'user.setStatus': {
      const to = String(d.to ?? '');
      const verb =
        to === 'active'
          ? 'restored'
          : to === 'suspended'
            ? 'suspended'
            : to === 'banned'
              ? 'banned'
              : 'changed';
      return `${verb} the account${reason}`;
    }
    case 'user.setRole':
      return `${d.grant === true ? 'granted' : 'revoked'} the ${String(d.role ?? '')} role`;
    case 'educatorApplication.approve':
      return 'approved the educator application';
    case 'educatorApplication.reject':
      return `rejected the educator application${reason}`;
    case 'course.publish':
      return `published the course${typeof d.title === 'string' ? ` “${d.title}”` : ''}`;
    case 'course.reject':
      return `rejected the course${typeof d.title === 'string' ? ` “${d.title}”` : ''}${reason}`;
    case 'course.feature':
      return `featured the course${typeof d.title === 'string' ? ` “${d.title}”` : ''} on the home page`;
    case 'course.unfeature':
      return `took the course${typeof d.title === 'string' ? ` “${d.title}”` : ''} off the home page`;
    case 'credential.revoke':
      return `revoked the credential${typeof d.certificateId === 'string' ? ` ${d.certificateId}` : ''}${reason}`;
    default:
      return entry.action;
  }
}

// ---------------------------------------------------------------------------------------------
// Name search: users/{uid}.nameLower, written by the server, queried by prefix.

/** The search key for a display name: trimmed, single-spaced, lower-cased. */
export function nameSearchKey(displayName: unknown): string {
  if (typeof displayName !== 'string') return '';
  return displayName.trim().replace(/\s+/g, ' ').toLowerCase().slice(0, 80);
}

/** The exclusive upper bound of a prefix range query: every string starting with `prefix` is below it. */
export function prefixUpperBound(prefix: string): string {
  return `${prefix}\uf8ff`;
}

export const ADMIN_USERS_PAGE_SIZE = 20;
