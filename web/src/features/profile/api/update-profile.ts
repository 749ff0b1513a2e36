import { useMutation } from '@tanstack/react-query';
import { serverTimestamp, updateDoc } from 'firebase/firestore';
import { userRef } from '@/lib/data/users';
import type { ProfileUpdate } from '../utils/profile-schema';

/** Writes profile fields (only PROFILE_FIELDS; updatedAt is the server's time, as the rules require). */
export async function updateProfile(uid: string, update: Partial<ProfileUpdate>): Promise<void> {
  await updateDoc(userRef(uid), { ...update, updatedAt: serverTimestamp() });
}

/** The live users/{uid} listener picks the change up; nothing to invalidate. */
export function useUpdateProfile(uid: string) {
  return useMutation({ mutationFn: (update: Partial<ProfileUpdate>) => updateProfile(uid, update) });
}
