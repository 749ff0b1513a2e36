import { useEffect } from 'react';
import { roomActions } from '../../api/room';

const HEARTBEAT_MS = 60_000;

/**
 * Announces me in the room (presence doc) and refreshes it every minute while the page is open and
 * the session is live (the rules refuse presence at any other time). `displayName` and `photoURL`
 * must be the profile's own: the rules compare them with users/{uid}. When a heartbeat is refused
 * (first visit, back after leaving or after a gap of more than 3 minutes) a new stay begins.
 */
export function usePresenceHeartbeat(
  sessionId: string,
  uid: string,
  displayName: string,
  photoURL: string | null,
  on: boolean,
) {
  useEffect(() => {
    if (!on) return;
    let stopped = false;
    const who = { displayName, photoURL };
    const beat = () =>
      roomActions
        .heartbeat(sessionId, uid, true, who)
        .catch(() =>
          stopped ? undefined : roomActions.enterRoom(sessionId, uid, who).catch(() => undefined),
        );
    void beat();
    const timer = window.setInterval(beat, HEARTBEAT_MS);
    return () => {
      stopped = true;
      window.clearInterval(timer);
      void roomActions.heartbeat(sessionId, uid, false, who).catch(() => undefined);
    };
  }, [sessionId, uid, displayName, photoURL, on]);
}
