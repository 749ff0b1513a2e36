// The migration for certificates issued before verifiable credentials: issue exchange credentials
// that completed exchanges earned, then sign every certificate that has no credential. Both steps
// skip what is done, so the callable (and the seed, which calls this too) can run any number of
// times.
import type { NotifyDeps } from '../notifications/notify';
import { issueAllExchangeCredentials } from './issue-exchange-credentials';
import { type SignDeps, signUnsignedCertificates } from './sign-certificate';

export interface BackfillCredentialsResult {
  exchangeCredentialsIssued: number;
  scanned: number;
  signed: number;
}

export async function backfillCredentials(deps: SignDeps & NotifyDeps): Promise<BackfillCredentialsResult> {
  const exchangeCredentialsIssued = (await issueAllExchangeCredentials(deps)).length;
  const { scanned, signed } = await signUnsignedCertificates(deps);
  return { exchangeCredentialsIssued, scanned, signed };
}
