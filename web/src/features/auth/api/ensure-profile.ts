import { callFunction } from '@/lib/firebase';

export interface EnsureProfileResult {
  created?: boolean;
}

/**
 * Asks the server to create users/{uid} and the private account document if the Auth trigger has
 * not done it yet (callable `ensureProfile`, no input). Safe to call more than once.
 */
export function ensureProfile(): Promise<EnsureProfileResult> {
  return callFunction<Record<string, never>, EnsureProfileResult>('ensureProfile', {});
}
