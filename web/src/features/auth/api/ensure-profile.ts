import type { EnsureProfileResponse } from '@skillverse/domain/contracts/accounts';
import { callFunction } from '@/lib/firebase';

/**
 * Asks the server to create users/{uid} and the private account document if the Auth trigger has
 * not done it yet (callable `ensureProfile`, no input). Safe to call more than once. The contract
 * loads on demand: the auth provider runs on every page's first paint.
 */
export async function ensureProfile(): Promise<EnsureProfileResponse> {
  const contracts = await import('@skillverse/domain/contracts/accounts');
  return callFunction(contracts.ensureProfile, {});
}
