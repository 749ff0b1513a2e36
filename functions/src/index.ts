// The deployed functions at a glance: initializeApp() and re-exports only.
import { initializeApp } from 'firebase-admin/app';

initializeApp();

export { ensureProfile } from './accounts/ensure-profile.function';
export { onUserCreated } from './accounts/on-user-created.function';
export { setUserStatus } from './admin/set-user-status.function';
export { onPointEventCreated } from './gamification/on-point-event-created.function';
export { onProfileUpdatedSyncLeaderboard } from './gamification/on-profile-updated.function';
