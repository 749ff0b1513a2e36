// The seed's certificates become verifiable credentials through the same code the functions run:
// completed demo exchanges that earned one get their exchange credential
// (issueAllExchangeCredentials, silently: demo data notifies nobody), then every seeded
// certificate is signed (signCertificates, the signer of the onCertificateCreatedSign trigger and
// the backfillCredentials callable) with the emulator's DEV-ONLY key (signing-key.ts).
//
// A re-seed deletes the seeded certificates (write.ts resets them by holder), so the issuance
// markers of seeded exchanges whose certificate is gone are removed first and re-issued. Each run
// takes fresh status-list indexes; the list has 131,072.
import type { Firestore } from 'firebase-admin/firestore';
import { DEFAULT_APP_URL } from '../../../functions/src/config/params';
import { issueAllExchangeCredentials } from '../../../functions/src/credentials/issue-exchange-credentials';
import { ISSUANCE } from '../../../functions/src/lib/data/credentials';
import { issuerUrls, signCertificates } from '../../../functions/src/credentials/sign-certificate';
import { devSigningKey } from '../../../functions/src/credentials/signing-key';
import type { SeedPlan } from './build';

export interface SeedCredentials {
  signed: number;
  exchangeCredentials: number;
}

export async function issueSeedCredentials(db: Firestore, plan: SeedPlan): Promise<SeedCredentials> {
  const key = devSigningKey(process.env.GCLOUD_PROJECT || 'demo-skillverse');
  const deps = {
    db,
    key,
    urls: issuerUrls(process.env.APP_URL || DEFAULT_APP_URL),
    now: plan.now,
    log: false,
    // Seeded accounts are created verified (write.ts), in a later phase than this one: their emails
    // come from the plan, so every seeded credential carries its holder's hashed email.
    verifiedEmails: async (uids: string[]) =>
      new Map(plan.authUsers.filter((u) => uids.includes(u.uid)).map((u) => [u.uid, u.email] as const)),
  };

  for (let i = 0; i < plan.exchangeIds.length; i += 30) {
    const markers = await db
      .collection(ISSUANCE)
      .where('exchangeId', 'in', plan.exchangeIds.slice(i, i + 30))
      .get();
    const certs = markers.empty
      ? []
      : await db.getAll(...markers.docs.map((m) => db.doc(`certificates/${m.get('certificateId')}`)));
    await Promise.all(markers.docs.filter((_, j) => !certs[j]?.exists).map((m) => m.ref.delete()));
  }

  const issued = await issueAllExchangeCredentials(deps, {
    exchangeIds: plan.exchangeIds,
    notifyHolders: false,
  });
  const ids = [
    ...plan.docs
      .filter((d) => d.path.startsWith('certificates/'))
      .map((d) => d.path.slice('certificates/'.length)),
    ...issued.map((c) => c.certificateId),
  ];
  const outcomes = await signCertificates(deps, ids);
  return { signed: outcomes.filter((o) => o === 'signed').length, exchangeCredentials: issued.length };
}
