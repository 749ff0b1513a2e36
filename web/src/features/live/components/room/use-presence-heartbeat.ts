import { useEffect } from 'react';
import { roomActions } from '../../api/room';

const HEARTBEAT_MS = 60_000;

/** Announces me in the room (presence doc) and refreshes it every minute while the page is open. */
export function usePresenceHeartbeat(
  sessionId: string,
  uid: string,
  name: string,
  photoURL: string | null,
  on: boolean,
) {
  useEffect(() => {
    if (!on) return;
    let stopped = false;
    const beat = () =>
      roomActions
        .heartbeat(sessionId, uid, true)
        .catch(() =>
          stopped ? undefined : roomActions.enterRoom(sessionId, uid, name, photoURL).catch(() => undefined),
        );
    void beat();
    const timer = window.setInterval(beat, HEARTBEAT_MS);
    return () => {
      stopped = true;
      window.clearInterval(timer);
      void roomActions.heartbeat(sessionId, uid, false).catch(() => undefined);
    };
  }, [sessionId, uid, name, photoURL, on]);
}
