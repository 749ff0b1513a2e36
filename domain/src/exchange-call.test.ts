import { describe, expect, it } from 'vitest';
import {
  addHeartbeat,
  applyRoomEvent,
  callOpen,
  callWindow,
  EMPTY_PRESENCE,
  exchangeRoomName,
  HEARTBEAT_GAP_SEC,
  heldByObservation,
  type Interval,
  MAX_INTERVALS,
  observedMinutes,
  overlapMs,
  parseExchangeRoomName,
  presenceIntervals,
  presentNow,
  unionOf,
} from './exchange-call';

const T0 = Date.parse('2026-05-01T10:00:00Z');
const at = (min: number) => new Date(T0 + min * 60_000);
const iv = (from: number, to: number): Interval => ({ from: at(from), to: at(to) });
const window = callWindow(at(0), 60);

describe('callWindow / callOpen', () => {
  it('opens 5 minutes early and closes at the end', () => {
    expect(window).toEqual({ opensAt: at(-5), startsAt: at(0), endsAt: at(60) });
    expect(callOpen(window, at(-5.01))).toBe(false);
    expect(callOpen(window, at(-5))).toBe(true);
    expect(callOpen(window, at(59.9))).toBe(true);
    expect(callOpen(window, at(60))).toBe(false);
  });
});

describe('room names', () => {
  it('round-trips and rejects other rooms', () => {
    expect(parseExchangeRoomName(exchangeRoomName('x1', 's1'))).toEqual({
      exchangeId: 'x1',
      sessionId: 's1',
    });
    expect(parseExchangeRoomName('liveSession123')).toBeNull();
    expect(parseExchangeRoomName('exchange/x1')).toBeNull();
    expect(parseExchangeRoomName('exchange/x1/s1/extra')).toBeNull();
    expect(parseExchangeRoomName('other/x1/s1')).toBeNull();
  });
});

describe('addHeartbeat', () => {
  it('extends the latest interval within the gap, else starts a new one', () => {
    let list = addHeartbeat([], at(0));
    expect(list).toEqual([iv(0, 0)]);
    list = addHeartbeat(list, at(0.5));
    list = addHeartbeat(list, at(1));
    expect(list).toEqual([iv(0, 1)]);
    list = addHeartbeat(list, new Date(at(1).getTime() + (HEARTBEAT_GAP_SEC + 1) * 1000));
    expect(list).toHaveLength(2);
  });

  it('is idempotent for a repeat at the same instant', () => {
    const once = addHeartbeat([iv(0, 3)], at(3));
    expect(once).toEqual([iv(0, 3)]);
  });

  it('keeps at most MAX_INTERVALS without losing covered time', () => {
    let list: Interval[] = [];
    for (let k = 0; k < MAX_INTERVALS + 20; k++) list = addHeartbeat(list, at(k * 5));
    expect(list.length).toBeLessThanOrEqual(MAX_INTERVALS);
    expect(list[0]!.from).toEqual(at(0));
    expect(list.at(-1)!.to).toEqual(at((MAX_INTERVALS + 19) * 5));
  });
});

describe('overlap', () => {
  it('counts only time both were present, inside start..end', () => {
    expect(overlapMs([iv(0, 12)], [iv(2, 20)], window)).toBe(10 * 60_000);
    expect(observedMinutes([iv(0, 12)], [iv(2, 20)], window)).toBe(10);
  });

  it('counts nothing for one person alone', () => {
    expect(observedMinutes([iv(0, 60)], [], window)).toBe(0);
  });

  it('counts nothing outside the window (early join clipped to the start, after the end ignored)', () => {
    expect(observedMinutes([iv(-5, 3)], [iv(-5, 3)], window)).toBe(3);
    expect(observedMinutes([iv(60, 90)], [iv(60, 90)], window)).toBe(0);
    expect(observedMinutes([iv(-60, -10)], [iv(-60, -10)], window)).toBe(0);
  });

  it('handles several intervals and overlapping duplicates', () => {
    const a = [iv(0, 5), iv(3, 8), iv(20, 30)];
    const b = [iv(4, 25)];
    // a = [0,8] ∪ [20,30]; with b [4,25]: 4 + 5 minutes.
    expect(observedMinutes(a, b, window)).toBe(9);
    expect(unionOf(a)).toEqual([iv(0, 8), iv(20, 30)]);
  });

  it('holds at 10 minutes', () => {
    expect(heldByObservation(9)).toBe(false);
    expect(heldByObservation(10)).toBe(true);
  });
});

describe('LiveKit join/leave', () => {
  it('opens on join, closes on leave, ignores a repeat join or a stray leave', () => {
    let p = applyRoomEvent(EMPTY_PRESENCE, { type: 'left', at: at(1) });
    expect(p).toEqual(EMPTY_PRESENCE);
    p = applyRoomEvent(p, { type: 'joined', at: at(2) });
    p = applyRoomEvent(p, { type: 'joined', at: at(4) });
    expect(p.openSince).toEqual(at(2));
    expect(presenceIntervals(p, at(7))).toEqual([iv(2, 7)]);
    expect(presentNow(p, at(7))).toBe(true);
    p = applyRoomEvent(p, { type: 'left', at: at(14) });
    expect(p).toEqual({ intervals: [iv(2, 14)], openSince: null });
    expect(presentNow(p, at(30))).toBe(false);
  });
});
