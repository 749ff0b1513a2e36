import { useMutation } from '@tanstack/react-query';
import { downloadText } from '@/lib/download';
import { callFunction } from '@/lib/firebase';
import { exportFileName } from '../utils/account';
import { reauthenticate } from './account-security';

/** Asks the server for everything it holds about me and downloads it as a JSON file. */
export async function downloadMyData(): Promise<string> {
  const { exportMyData } = await import('@skillverse/domain/contracts/accounts');
  const data = await callFunction(exportMyData, {});
  const name = exportFileName(new Date(data.exportedAt));
  downloadText(name, JSON.stringify(data, null, 2), 'application/json');
  return name;
}

/** Re-authenticates (password or Google), then asks the server to delete the account. */
export async function deleteMyAccount(input: {
  password: string | null;
  confirmEmail: string;
}): Promise<void> {
  const user = await reauthenticate(input.password);
  // A fresh ID token carries the new auth_time the server checks.
  await user.getIdToken(true);
  const contracts = await import('@skillverse/domain/contracts/accounts');
  await callFunction(contracts.deleteMyAccount, { confirmEmail: input.confirmEmail });
}

export function useDownloadMyData() {
  return useMutation({ mutationFn: downloadMyData });
}

export function useDeleteMyAccount() {
  return useMutation({ mutationFn: deleteMyAccount });
}
