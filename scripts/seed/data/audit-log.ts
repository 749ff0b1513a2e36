// Seeded admin actions for the audit log, besides the decisions on seeded educator applications
// (derived from ../data/applications.ts): the suspension of Jake and the roles of the educators.
export interface SeedAuditEntry {
  id: string;
  actorId: string;
  action: string;
  targetUid: string;
  details: Record<string, unknown>;
  daysAgo: number;
}

export const AUDIT_ENTRIES: readonly SeedAuditEntry[] = [
  {
    id: 'seed-status-u-jake-turner',
    actorId: 'demo-admin',
    action: 'user.setStatus',
    targetUid: 'u-jake-turner',
    details: {
      from: 'active',
      to: 'suspended',
      reason: 'Repeated unsolicited trading-signal messages in exchange chats.',
      authUpdated: true,
    },
    daysAgo: 27,
  },
  {
    id: 'seed-role-u-kenji-tanaka',
    actorId: 'demo-admin',
    action: 'user.setRole',
    targetUid: 'u-kenji-tanaka',
    details: { role: 'educator', grant: true, roles: ['learner', 'educator'] },
    daysAgo: 240,
  },
];
