// The LiveKit video room on LiveKit's own React components (@livekit/components-react). This
// module — with livekit-client and the components — loads only after getLiveKitToken granted a
// token (video-stage.tsx imports it lazily), so it stays out of every other route's bundle.
import {
  LiveKitRoom,
  RoomAudioRenderer,
  TrackRefContext,
  type TrackReferenceOrPlaceholder,
  useConnectionQualityIndicator,
  useConnectionState,
  useIsMuted,
  useIsSpeaking,
  useLocalParticipant,
  useLocalParticipantPermissions,
  useMediaDeviceSelect,
  usePagination,
  useRoomContext,
  useStartAudio,
  useTracks,
  VideoTrack,
} from '@livekit/components-react';
import type { LiveKitTokenResponse } from '@skillverse/domain/live';
import { isTrackReference } from '@livekit/components-react';
import { Track } from 'livekit-client';
import { useCallback, useEffect, useRef, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button, buttonClasses } from '@/components/ui/button';
import { Select } from '@/components/ui/select';
import { Spinner } from '@/components/ui/spinner';
import { cn } from '@/lib/cn';
import { friendlyError } from '@/lib/errors';
import { moderateParticipant } from '../api/session-actions';
import { videoConnectionNotice, videoTilesPerPage } from '../utils/room';

const QUALITY_LABELS: Record<string, { label: string; bars: number; tone: string }> = {
  excellent: { label: 'Excellent connection', bars: 3, tone: 'bg-emerald-400' },
  good: { label: 'Good connection', bars: 2, tone: 'bg-emerald-400' },
  poor: { label: 'Poor connection', bars: 1, tone: 'bg-amber-400' },
  lost: { label: 'Connection lost', bars: 0, tone: 'bg-red-500' },
};

/** LiveKit's per-participant connection quality as three bars, with its name for screen readers. */
function ConnectionQualityBadge({ trackRef }: { trackRef: TrackReferenceOrPlaceholder }) {
  const { quality } = useConnectionQualityIndicator({ participant: trackRef.participant });
  const q = QUALITY_LABELS[String(quality)];
  if (!q) return null;
  return (
    <span
      role="img"
      aria-label={q.label}
      title={q.label}
      className="absolute bottom-2 right-2 flex h-4 items-end gap-0.5 rounded bg-black/60 px-1 py-0.5"
    >
      {[1, 2, 3].map((bar) => (
        <span
          key={bar}
          className={cn('w-1 rounded-sm', bar <= q.bars ? q.tone : 'bg-white/30')}
          style={{ height: `${bar * 4}px` }}
        />
      ))}
    </span>
  );
}

function Tile({
  trackRef,
  sessionId,
  isHost,
  onError,
}: {
  trackRef: TrackReferenceOrPlaceholder;
  sessionId: string;
  isHost: boolean;
  onError: (message: string) => void;
}) {
  const { participant } = trackRef;
  const speaking = useIsSpeaking(participant);
  const micMuted = useIsMuted({ participant, source: Track.Source.Microphone });
  const local = participant.isLocal;
  const name = participant.name || participant.identity;
  const showVideo = isTrackReference(trackRef) && !trackRef.publication.isMuted;
  const moderate = (action: 'mute' | 'remove') =>
    void moderateParticipant({ sessionId, uid: participant.identity, action }).catch((e: unknown) =>
      onError(friendlyError(e)),
    );
  return (
    <li
      className={cn(
        'relative flex aspect-video items-center justify-center overflow-hidden rounded-lg bg-stone-800',
        speaking && 'ring-4 ring-emerald-400',
      )}
      aria-label={`${local ? `${name} (you)` : name}${micMuted ? ', muted' : ''}${speaking ? ', speaking' : ''}`}
    >
      <TrackRefContext.Provider value={trackRef}>
        {showVideo ? (
          <VideoTrack trackRef={trackRef} className="size-full object-cover" />
        ) : (
          <span aria-hidden="true" className="text-2xl font-semibold text-stone-200">
            {name.slice(0, 1).toUpperCase()}
          </span>
        )}
        <span className="absolute bottom-2 left-2 rounded bg-black/60 px-2 py-0.5 text-xs text-white">
          {local ? `${name} (you)` : name}
          {micMuted ? ' · muted' : ''}
        </span>
        <ConnectionQualityBadge trackRef={trackRef} />
        {isHost && !local ? (
          <span className="absolute top-2 right-2 flex gap-1">
            <Button size="sm" variant="secondary" onClick={() => moderate('mute')}>
              Mute {name}
            </Button>
            <Button size="sm" variant="danger" onClick={() => moderate('remove')}>
              Remove {name}
            </Button>
          </span>
        ) : null}
      </TrackRefContext.Provider>
    </li>
  );
}

function useViewportWidth(): number {
  const [width, setWidth] = useState(() => window.innerWidth);
  useEffect(() => {
    const onResize = () => setWidth(window.innerWidth);
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  return width;
}

/** Everyone's camera (or screen share), a page at a time (LiveKit's usePagination). */
function ParticipantGrid({
  sessionId,
  isHost,
  onError,
}: {
  sessionId: string;
  isHost: boolean;
  onError: (message: string) => void;
}) {
  const tracks = useTracks(
    [
      { source: Track.Source.Camera, withPlaceholder: true },
      { source: Track.Source.ScreenShare, withPlaceholder: false },
    ],
    { onlySubscribed: false },
  );
  const pages = usePagination(videoTilesPerPage(useViewportWidth()), tracks);
  return (
    <div className="flex flex-col gap-2">
      <ul className="grid grid-cols-2 gap-2 lg:grid-cols-3" aria-label="Video tiles">
        {pages.tracks.map((trackRef) => (
          <Tile
            key={`${trackRef.participant.identity}:${trackRef.source}`}
            trackRef={trackRef}
            sessionId={sessionId}
            isHost={isHost}
            onError={onError}
          />
        ))}
      </ul>
      {pages.totalPageCount > 1 ? (
        <nav
          aria-label="Video pages"
          className="flex items-center justify-center gap-2 text-sm text-stone-200"
        >
          <Button size="sm" variant="secondary" onClick={pages.prevPage} disabled={pages.currentPage <= 1}>
            Previous
          </Button>
          <span aria-live="polite">
            Page {pages.currentPage} of {pages.totalPageCount}
          </span>
          <Button
            size="sm"
            variant="secondary"
            onClick={pages.nextPage}
            disabled={pages.currentPage >= pages.totalPageCount}
          >
            Next
          </Button>
        </nav>
      ) : null}
    </div>
  );
}

/** A labelled native select over LiveKit's device list (useMediaDeviceSelect). */
function DeviceSelect({ kind, label }: { kind: 'audioinput' | 'videoinput' | 'audiooutput'; label: string }) {
  const room = useRoomContext();
  const [error, setError] = useState<string | null>(null);
  const { devices, activeDeviceId, setActiveMediaDevice } = useMediaDeviceSelect({
    kind,
    room,
    onError: (e) => setError(e.message),
  });
  return (
    <div className="flex flex-col gap-1 text-xs text-stone-300">
      <label htmlFor={`device-${kind}`}>{label}</label>
      <Select
        id={`device-${kind}`}
        className="w-48"
        value={activeDeviceId}
        disabled={devices.length === 0}
        aria-describedby={error && devices.length > 0 ? `${kind}-error` : undefined}
        onChange={(e) => {
          setError(null);
          void setActiveMediaDevice(e.target.value).catch((err: unknown) => setError(friendlyError(err)));
        }}
      >
        {devices.length === 0 ? <option value="">No {label.toLowerCase()} found</option> : null}
        {devices.map((d, i) => (
          <option key={d.deviceId || i} value={d.deviceId}>
            {d.label || `${label} ${i + 1}`}
          </option>
        ))}
      </Select>
      {error && devices.length > 0 ? (
        <span id={`${kind}-error`} role="alert" className="text-red-300">
          {error}
        </span>
      ) : null}
    </div>
  );
}

/** Connecting / reconnecting / disconnected, announced to screen readers. */
function ConnectionBanner() {
  const notice = videoConnectionNotice(useConnectionState());
  return (
    <div role="status" aria-live="polite" data-testid="video-connection">
      {notice ? (
        <p className="flex items-center gap-2 rounded-md bg-amber-100 px-3 py-2 text-sm text-amber-900">
          {notice.busy ? <Spinner className="size-4" /> : null}
          {notice.text}
        </p>
      ) : null}
    </div>
  );
}

/** Browsers that block autoplay: LiveKit says so, and one click starts the room's audio. */
function StartAudioPrompt() {
  const { mergedProps, canPlayAudio } = useStartAudio({ props: {} });
  if (canPlayAudio) return null;
  return (
    <div
      className="flex flex-wrap items-center gap-2 rounded-md bg-sky-100 px-3 py-2 text-sm text-sky-900"
      role="status"
    >
      <span>Your browser paused the room’s sound.</span>
      <button type="button" {...mergedProps} style={undefined} className={buttonClasses({ size: 'sm' })}>
        Start audio
      </button>
    </div>
  );
}

function Controls({ onError }: { onError: (message: string) => void }) {
  const { localParticipant, isMicrophoneEnabled, isCameraEnabled, isScreenShareEnabled } =
    useLocalParticipant();
  const room = useRoomContext();
  // Follows the host's promote/demote live (LiveKit updateParticipant): no reconnect.
  const canPublish = useLocalParticipantPermissions()?.canPublish ?? false;
  const toggle = (p: Promise<unknown>) => void p.catch((e: unknown) => onError(friendlyError(e)));
  return (
    <div className="flex flex-wrap items-end gap-2">
      {canPublish ? (
        <>
          <Button
            size="sm"
            variant="secondary"
            aria-pressed={!isMicrophoneEnabled}
            onClick={() => toggle(localParticipant.setMicrophoneEnabled(!isMicrophoneEnabled))}
          >
            {isMicrophoneEnabled ? 'Mute' : 'Unmute'}
          </Button>
          <Button
            size="sm"
            variant="secondary"
            onClick={() => toggle(localParticipant.setCameraEnabled(!isCameraEnabled))}
          >
            {isCameraEnabled ? 'Stop camera' : 'Start camera'}
          </Button>
          <Button
            size="sm"
            variant="secondary"
            onClick={() => toggle(localParticipant.setScreenShareEnabled(!isScreenShareEnabled))}
          >
            {isScreenShareEnabled ? 'Stop sharing' : 'Share screen'}
          </Button>
          <DeviceSelect kind="audioinput" label="Microphone" />
          <DeviceSelect kind="videoinput" label="Camera" />
        </>
      ) : (
        <p className="text-sm text-stone-300">You’re listening. Raise your hand to ask to speak.</p>
      )}
      <DeviceSelect kind="audiooutput" label="Speaker" />
      <Button size="sm" variant="danger" className="ml-auto" onClick={() => void room.disconnect()}>
        Leave
      </Button>
    </div>
  );
}

const ROOM_OPTIONS = { adaptiveStream: true, dynacast: true };

export function VideoRoom({
  sessionId,
  connection,
  onLeave,
}: {
  sessionId: string;
  connection: LiveKitTokenResponse;
  onLeave: () => void;
}) {
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [actionError, setActionError] = useState<string | null>(null);
  const connected = useRef(false);
  // Stable callbacks: LiveKitRoom reconnects when onError (a dependency of its connect effect)
  // changes, and this component re-renders with every update of the room page.
  const onError = useCallback((e: Error) => setError(e.message || 'The video server did not answer.'), []);
  const onConnected = useCallback(() => {
    connected.current = true;
  }, []);
  // Leaving, being removed or the room ending goes back to the session page; a first connection
  // that failed reports through onError instead.
  const onDisconnected = useCallback(() => {
    if (connected.current) onLeave();
  }, [onLeave]);

  if (error)
    return (
      <section aria-label="Video" className="flex flex-col gap-3 rounded-xl bg-stone-900 p-4">
        <Alert tone="error" title="Couldn’t connect to the video room">
          {error}
        </Alert>
        <div>
          <Button
            size="sm"
            variant="secondary"
            onClick={() => {
              setError(null);
              setAttempt((n) => n + 1);
            }}
          >
            Try again
          </Button>
        </div>
      </section>
    );

  return (
    <LiveKitRoom
      key={attempt}
      serverUrl={connection.url}
      token={connection.token}
      connect
      audio={false}
      video={false}
      options={ROOM_OPTIONS}
      onError={onError}
      onConnected={onConnected}
      onDisconnected={onDisconnected}
      role="region"
      aria-label="Video"
      className="flex flex-col gap-3 rounded-xl bg-stone-900 p-4"
      data-testid="video-room"
    >
      <ConnectionBanner />
      <StartAudioPrompt />
      <RoomAudioRenderer />
      <ParticipantGrid sessionId={sessionId} isHost={connection.isHost} onError={setActionError} />
      {actionError ? (
        <p role="alert" className="text-sm text-red-300">
          {actionError}
        </p>
      ) : null}
      <Controls onError={setActionError} />
    </LiveKitRoom>
  );
}
