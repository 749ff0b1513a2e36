// The session's call room: presence heartbeats (server time) and the LiveKit token.
import {
  type ExchangeCallHeartbeatResponse,
  exchangeCallHeartbeat,
  getExchangeCallToken,
} from '@skillverse/domain/contracts/exchange';
import { HEARTBEAT_INTERVAL_SEC } from '@skillverse/domain/exchange-call';
import { useEffect, useRef, useState } from 'react';
import { callFunction } from '@/lib/firebase';

export function getCallToken(input: { exchangeId: string; sessionId: string }) {
  return callFunction(getExchangeCallToken, input);
}

export type HeartbeatState<T = ExchangeCallHeartbeatResponse> =
  | { kind: 'connecting' }
  | { kind: 'present'; seen: T }
  | { kind: 'refused'; error: unknown };

/**
 * While the call page is open (and the tab visible), tells the server every
 * HEARTBEAT_INTERVAL_SEC that this person is here; answers what the platform has seen so far.
 * A refusal (the call closed, not a participant) stops the heartbeats.
 */
export function useCallHeartbeat(exchangeId: string, sessionId: string, enabled: boolean): HeartbeatState {
  return usePresenceHeartbeat(
    () => callFunction(exchangeCallHeartbeat, { exchangeId, sessionId }),
    `${exchangeId}/${sessionId}`,
    enabled,
  );
}

/**
 * The heartbeat loop of any call room (an exchange's, a swap cycle's group call): `send` reports
 * presence; `key` names the room (a new key restarts the loop).
 */
export function usePresenceHeartbeat<T>(
  send: () => Promise<T>,
  key: string,
  enabled: boolean,
): HeartbeatState<T> {
  const [state, setState] = useState<HeartbeatState<T>>({ kind: 'connecting' });
  const stopped = useRef(false);
  const sendRef = useRef(send);
  sendRef.current = send;
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` names the room; a new room restarts the loop
  useEffect(() => {
    if (!enabled) return;
    stopped.current = false;
    let cancelled = false;
    const beat = async () => {
      if (cancelled || stopped.current || document.visibilityState === 'hidden') return;
      try {
        const seen = await sendRef.current();
        if (!cancelled) setState({ kind: 'present', seen });
      } catch (error) {
        if (cancelled) return;
        stopped.current = true;
        setState({ kind: 'refused', error });
      }
    };
    void beat();
    const timer = window.setInterval(beat, HEARTBEAT_INTERVAL_SEC * 1000);
    const onVisible = () => {
      if (document.visibilityState === 'visible') void beat();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      cancelled = true;
      window.clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [key, enabled]);
  return state;
}
