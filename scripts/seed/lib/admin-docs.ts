// Admin: educator applications and the audit log that records their decisions and other actions.
import type { EducatorApplication } from '@skillverse/domain/models';
import { APPLICATIONS } from '../data/applications';
import { AUDIT_ENTRIES } from '../data/audit-log';
import type { SeedContext } from './seed-context';

export function addAdminDocs(ctx: SeedContext): void {
  const { c, put, user } = ctx;
  for (const a of APPLICATIONS) {
    user(a.uid, 'educator applications');
    const decided = a.decidedDaysAgo === undefined ? null : c.daysAgo(a.decidedDaysAgo);
    put<EducatorApplication>(`educatorApplications/${a.uid}`, {
      uid: a.uid,
      expertise: a.expertise,
      motivation: a.motivation,
      ...(a.sampleUrl ? { sampleUrl: a.sampleUrl } : {}),
      status: a.status,
      decidedBy: decided ? 'demo-admin' : null,
      decidedAt: decided,
      decisionReason: a.decisionReason ?? null,
      createdAt: c.daysAgo(a.createdDaysAgo),
    });
  }

  // ------------------------------------------------------------------------------ audit log
  // The decisions above and a few other admin actions, as the admin functions record them.
  for (const a of APPLICATIONS) {
    if (a.decidedDaysAgo === undefined || a.status === 'pending') continue;
    const decision = a.status === 'approved' ? 'approve' : 'reject';
    put(`auditLog/seed-application-${a.uid}`, {
      actorId: 'demo-admin',
      actorName: user('demo-admin', 'audit log').displayName,
      action: `educatorApplication.${decision}`,
      targetUid: a.uid,
      targetName: user(a.uid, 'audit log').displayName,
      target: `educatorApplications/${a.uid}`,
      details: { from: 'pending', to: a.status, reason: a.decisionReason ?? null },
      createdAt: c.daysAgo(a.decidedDaysAgo),
    });
  }
  for (const entry of AUDIT_ENTRIES) {
    user(entry.targetUid, 'audit log');
    put(`auditLog/${entry.id}`, {
      actorId: entry.actorId,
      actorName: user(entry.actorId, 'audit log').displayName,
      action: entry.action,
      targetUid: entry.targetUid,
      targetName: user(entry.targetUid, 'audit log').displayName,
      target: `users/${entry.targetUid}`,
      details: entry.details,
      createdAt: c.daysAgo(entry.daysAgo),
    });
  }
}
