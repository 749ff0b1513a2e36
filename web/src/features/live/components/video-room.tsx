// The LiveKit video room. This module (and livekit-client, imported dynamically below) loads only
// after getLiveKitToken granted a token.
import type { LiveKitTokenResponse } from '@skillverse/domain/live';
import type { Participant, Room, Track } from 'livekit-client';
import { useCallback, useEffect, useRef, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Select } from '@/components/ui/select';
import { LoadingState } from '@/components/ui/spinner';
import { cn } from '@/lib/cn';
import { friendlyError } from '@/lib/errors';
import { moderateParticipant } from '../api/session-actions';

type LiveKit = typeof import('livekit-client');

function TrackView({ track, kind }: { track: Track; kind: 'video' | 'audio' }) {
  const ref = useRef<HTMLVideoElement & HTMLAudioElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    track.attach(el);
    return () => {
      track.detach(el);
    };
  }, [track]);
  return kind === 'video' ? (
    <video ref={ref} className="size-full object-cover" autoPlay playsInline muted>
      <track kind="captions" />
    </video>
  ) : (
    <audio ref={ref} autoPlay>
      <track kind="captions" />
    </audio>
  );
}

const QUALITY_LABELS: Record<string, { label: string; bars: number; tone: string }> = {
  excellent: { label: 'Excellent connection', bars: 3, tone: 'bg-emerald-400' },
  good: { label: 'Good connection', bars: 2, tone: 'bg-emerald-400' },
  poor: { label: 'Poor connection', bars: 1, tone: 'bg-amber-400' },
  lost: { label: 'Connection lost', bars: 0, tone: 'bg-red-500' },
};

/** LiveKit's per-participant connection quality as three bars, with its name for screen readers. */
function ConnectionQualityBadge({ quality }: { quality: string }) {
  const q = QUALITY_LABELS[quality];
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
  lk,
  participant,
  local,
  onModerate,
}: {
  lk: LiveKit;
  participant: Participant;
  local: boolean;
  onModerate: ((action: 'mute' | 'remove') => void) | null;
}) {
  const screen = participant.getTrackPublication(lk.Track.Source.ScreenShare)?.track;
  const camera = participant.getTrackPublication(lk.Track.Source.Camera)?.track;
  const mic = participant.getTrackPublication(lk.Track.Source.Microphone)?.track;
  const video = screen ?? camera;
  const name = participant.name || participant.identity;
  return (
    <div
      className={cn(
        'relative flex aspect-video items-center justify-center overflow-hidden rounded-lg bg-stone-800',
        participant.isSpeaking && 'ring-4 ring-emerald-400',
      )}
    >
      {video && !video.isMuted ? (
        <TrackView track={video} kind="video" />
      ) : (
        <span className="text-2xl font-semibold text-stone-200">{name.slice(0, 1).toUpperCase()}</span>
      )}
      {mic && !local ? <TrackView track={mic} kind="audio" /> : null}
      <span className="absolute bottom-2 left-2 rounded bg-black/60 px-2 py-0.5 text-xs text-white">
        {local ? `${name} (you)` : name}
        {participant.isMicrophoneEnabled ? '' : ' · muted'}
      </span>
      <ConnectionQualityBadge quality={participant.connectionQuality} />
      {onModerate && !local ? (
        <span className="absolute top-2 right-2 flex gap-1">
          <Button size="sm" variant="secondary" onClick={() => onModerate('mute')}>
            Mute {name}
          </Button>
          <Button size="sm" variant="danger" onClick={() => onModerate('remove')}>
            Remove {name}
          </Button>
        </span>
      ) : null}
    </div>
  );
}

export function VideoRoom({
  sessionId,
  connection,
  onLeave,
}: {
  sessionId: string;
  connection: LiveKitTokenResponse;
  onLeave: () => void;
}) {
  const [lk, setLk] = useState<LiveKit | null>(null);
  const [room, setRoom] = useState<Room | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [, setVersion] = useState(0);
  const [devices, setDevices] = useState<{ audio: MediaDeviceInfo[]; video: MediaDeviceInfo[] }>({
    audio: [],
    video: [],
  });
  const refresh = useCallback(() => setVersion((v) => v + 1), []);

  useEffect(() => {
    let cancelled = false;
    let current: Room | null = null;
    (async () => {
      const module = await import('livekit-client');
      if (cancelled) return;
      const r = new module.Room({ adaptiveStream: true, dynacast: true });
      current = r;
      for (const event of [
        module.RoomEvent.ParticipantConnected,
        module.RoomEvent.ParticipantDisconnected,
        module.RoomEvent.TrackSubscribed,
        module.RoomEvent.TrackUnsubscribed,
        module.RoomEvent.TrackMuted,
        module.RoomEvent.TrackUnmuted,
        module.RoomEvent.LocalTrackPublished,
        module.RoomEvent.LocalTrackUnpublished,
        module.RoomEvent.ActiveSpeakersChanged,
        module.RoomEvent.ConnectionQualityChanged,
      ]) {
        r.on(event, refresh);
      }
      r.on(module.RoomEvent.Disconnected, () => !cancelled && onLeave());
      await r.connect(connection.url, connection.token);
      if (cancelled) {
        await r.disconnect();
        return;
      }
      setLk(module);
      setRoom(r);
      const [audio, video] = await Promise.all([
        module.Room.getLocalDevices('audioinput').catch(() => []),
        module.Room.getLocalDevices('videoinput').catch(() => []),
      ]);
      if (!cancelled) setDevices({ audio, video });
    })().catch((e: unknown) => !cancelled && setError(e instanceof Error ? e.message : String(e)));
    return () => {
      cancelled = true;
      void current?.disconnect();
    };
  }, [connection, onLeave, refresh]);

  if (error)
    return (
      <Alert tone="error" title="Couldn’t connect to the video room">
        {error}
      </Alert>
    );
  if (!room || !lk) return <LoadingState label="Connecting to video…" />;

  const local = room.localParticipant;
  const participants: Participant[] = [local, ...room.remoteParticipants.values()];
  const active = room.activeSpeakers[0];
  const toggle = (p: Promise<unknown>) => p.then(refresh).catch((e: unknown) => setError(String(e)));

  return (
    <section aria-label="Video" className="flex flex-col gap-3">
      <div className="grid gap-2 sm:grid-cols-2 lg:grid-cols-3">
        {participants.map((p) => (
          <Tile
            key={p.identity}
            lk={lk}
            participant={p}
            local={p === local}
            onModerate={
              connection.isHost
                ? (action) =>
                    void moderateParticipant({ sessionId, uid: p.identity, action })
                      .then(refresh)
                      .catch((e: unknown) => setError(friendlyError(e)))
                : null
            }
          />
        ))}
      </div>
      <p className="text-sm text-stone-600" aria-live="polite">
        {active ? `Speaking: ${active.name || active.identity}` : 'Nobody is speaking'}
      </p>
      <div className="flex flex-wrap items-center gap-2">
        {connection.canPublish ? (
          <>
            <Button
              size="sm"
              variant="secondary"
              onClick={() => toggle(local.setMicrophoneEnabled(!local.isMicrophoneEnabled))}
            >
              {local.isMicrophoneEnabled ? 'Mute' : 'Unmute'}
            </Button>
            <Button
              size="sm"
              variant="secondary"
              onClick={() => toggle(local.setCameraEnabled(!local.isCameraEnabled))}
            >
              {local.isCameraEnabled ? 'Stop camera' : 'Start camera'}
            </Button>
            <Button
              size="sm"
              variant="secondary"
              onClick={() => toggle(local.setScreenShareEnabled(!local.isScreenShareEnabled))}
            >
              {local.isScreenShareEnabled ? 'Stop sharing' : 'Share screen'}
            </Button>
            <Select
              aria-label="Microphone"
              className="w-44"
              onChange={(e) => toggle(room.switchActiveDevice('audioinput', e.target.value))}
            >
              {devices.audio.map((d) => (
                <option key={d.deviceId} value={d.deviceId}>
                  {d.label || 'Microphone'}
                </option>
              ))}
            </Select>
            <Select
              aria-label="Camera"
              className="w-44"
              onChange={(e) => toggle(room.switchActiveDevice('videoinput', e.target.value))}
            >
              {devices.video.map((d) => (
                <option key={d.deviceId} value={d.deviceId}>
                  {d.label || 'Camera'}
                </option>
              ))}
            </Select>
          </>
        ) : (
          <p className="text-sm text-stone-600">You’re listening. Raise your hand to ask to speak.</p>
        )}
        <Button size="sm" variant="danger" className="ml-auto" onClick={() => void room.disconnect()}>
          Leave
        </Button>
      </div>
    </section>
  );
}
