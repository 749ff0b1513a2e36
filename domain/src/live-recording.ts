// Session recordings (issue 16, item 1): the link attendees and registered no-shows see after a
// session, set by its host or filled in by LiveKit Egress (cloud recording) when the egress ends.
// The link lives in liveSessions/{id}/private/recording, readable only by the people the session
// was for (docs/live.md, "Recordings").

/** The longest recording link accepted. */
export const RECORDING_URL_MAX = 2000;

/** Where the link came from: the host typed it, or a cloud recording (LiveKit Egress) produced it. */
export type RecordingSource = 'host' | 'egress';

/** A cloud recording's state as the platform saw it (LiveKit Egress). */
export type EgressState = 'starting' | 'active' | 'stopping' | 'complete' | 'failed';

export interface SessionEgress {
  id: string;
  state: EgressState;
  startedAt: Date | null;
  endedAt: Date | null;
  /** LiveKit's error for a failed or aborted egress ('' otherwise). */
  error: string;
}

/** liveSessions/{id}/private/recording */
export interface SessionRecording {
  url: string | null;
  source: RecordingSource | null;
  updatedAt: Date | null;
  /** The current (or last) cloud recording, null when none was started. */
  egress: SessionEgress | null;
}

/** True for an absolute https URL with a host, at most RECORDING_URL_MAX characters. */
export function isRecordingUrl(value: string): boolean {
  if (value.length > RECORDING_URL_MAX) return false;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && url.hostname.length > 0 && !url.username && !url.password;
  } catch {
    return false;
  }
}

export const RECORDING_URL_MESSAGE =
  'The recording link must be an https:// address (up to 2000 characters).';

/** Why cloud recording cannot run here (SPEC §7): shown by the room's recording controls. */
export const CLOUD_RECORDING_NEEDS_LIVEKIT =
  'Cloud recording needs a LiveKit server (LIVEKIT_URL, LIVEKIT_API_KEY, LIVEKIT_API_SECRET), which this environment does not have. You can add a recording link on the session page after it ends.';
export const CLOUD_RECORDING_NEEDS_BUCKET =
  'Cloud recording needs a bucket (LIVEKIT_RECORDINGS_BUCKET), which this environment does not have. You can add a recording link on the session page after it ends.';

/** The object path of a session's cloud recording: one file per egress. */
export function recordingFilePath(sessionId: string, startedAt: Date): string {
  const stamp = startedAt.toISOString().replace(/[:.]/g, '-');
  return `live-sessions/${sessionId}/${stamp}.mp4`;
}

/**
 * The link to a finished egress's file: LiveKit's `location` when it is an https URL, else the
 * public URL of the object in the configured bucket (`filename` is the object path).
 */
export function egressRecordingUrl(
  file: { filename: string; location: string } | null,
  bucket: string,
): string | null {
  if (!file) return null;
  if (isRecordingUrl(file.location)) return file.location;
  const path = file.filename.replace(/^\/+/, '');
  if (!bucket || !path) return null;
  const url = `https://storage.googleapis.com/${bucket}/${path.split('/').map(encodeURIComponent).join('/')}`;
  return isRecordingUrl(url) ? url : null;
}

/** LiveKit's EgressStatus (protobuf enum, by name or number) → the platform's state. */
export function egressStateOf(status: unknown): EgressState {
  const names = ['starting', 'active', 'stopping', 'complete', 'failed', 'failed', 'complete'] as const;
  if (typeof status === 'number') return names[status] ?? 'failed';
  const s = String(status)
    .replace(/^EGRESS_/, '')
    .toLowerCase();
  if (s === 'starting' || s === 'active') return s;
  if (s === 'ending') return 'stopping';
  // LIMIT_REACHED still produced a file (cut at the limit).
  if (s === 'complete' || s === 'limit_reached') return 'complete';
  return 'failed';
}

export const EGRESS_STATES: readonly EgressState[] = ['starting', 'active', 'stopping', 'complete', 'failed'];

/** A stored state (as the functions write it) → the state; anything else reads as failed. */
export function storedEgressState(value: unknown): EgressState {
  return (EGRESS_STATES as readonly unknown[]).includes(value) ? (value as EgressState) : 'failed';
}

/** A cloud recording is running (or being started/stopped): the controls offer Stop. */
export function egressRunning(egress: SessionEgress | null): boolean {
  return egress !== null && (egress.state === 'starting' || egress.state === 'active');
}
