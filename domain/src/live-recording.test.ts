import { describe, expect, it } from 'vitest';
import {
  egressRecordingUrl,
  egressRunning,
  egressStateOf,
  isRecordingUrl,
  RECORDING_URL_MAX,
  recordingFilePath,
  storedEgressState,
} from './live-recording';

describe('recording links', () => {
  it('accepts only absolute https URLs without credentials, up to the limit', () => {
    expect(isRecordingUrl('https://videos.example.com/r/1.mp4')).toBe(true);
    expect(isRecordingUrl('http://videos.example.com/r/1.mp4')).toBe(false);
    expect(isRecordingUrl('javascript:alert(1)')).toBe(false);
    expect(isRecordingUrl('/relative/path')).toBe(false);
    expect(isRecordingUrl('https://user:pw@example.com/x')).toBe(false);
    expect(isRecordingUrl(`https://example.com/${'a'.repeat(RECORDING_URL_MAX)}`)).toBe(false);
  });

  it('names one file per egress under the session', () => {
    expect(recordingFilePath('s1', new Date('2026-12-07T12:00:00.000Z'))).toBe(
      'live-sessions/s1/2026-12-07T12-00-00-000Z.mp4',
    );
  });

  it('links to LiveKit’s https location, else the object in the bucket', () => {
    expect(egressRecordingUrl({ filename: 'a.mp4', location: 'https://cdn.example.com/a.mp4' }, 'b')).toBe(
      'https://cdn.example.com/a.mp4',
    );
    expect(egressRecordingUrl({ filename: 'live-sessions/s 1/a.mp4', location: 'gs://b/a' }, 'rec')).toBe(
      'https://storage.googleapis.com/rec/live-sessions/s%201/a.mp4',
    );
    expect(egressRecordingUrl({ filename: '', location: '' }, 'rec')).toBeNull();
    expect(egressRecordingUrl({ filename: 'a.mp4', location: '' }, '')).toBeNull();
    expect(egressRecordingUrl(null, 'rec')).toBeNull();
  });

  it('maps LiveKit’s egress status by name or number', () => {
    expect(egressStateOf('EGRESS_COMPLETE')).toBe('complete');
    expect(egressStateOf(3)).toBe('complete');
    expect(egressStateOf('EGRESS_LIMIT_REACHED')).toBe('complete');
    expect(egressStateOf('EGRESS_ABORTED')).toBe('failed');
    expect(egressStateOf(4)).toBe('failed');
    expect(egressStateOf('EGRESS_ENDING')).toBe('stopping');
    expect(egressStateOf(0)).toBe('starting');
    expect(egressRunning({ id: 'e', state: 'active', startedAt: null, endedAt: null, error: '' })).toBe(true);
    expect(egressRunning({ id: 'e', state: 'complete', startedAt: null, endedAt: null, error: '' })).toBe(
      false,
    );
    expect(egressRunning(null)).toBe(false);
    expect(storedEgressState('stopping')).toBe('stopping');
    expect(storedEgressState('complete')).toBe('complete');
    expect(storedEgressState('bogus')).toBe('failed');
  });
});
