// A one-to-one LiveKit call for an exchange session (loaded only once getExchangeCallToken granted
// a token). Both people publish camera and microphone; each sees the other. The LiveKit webhook
// (participant_joined/left for this room) is how the server observes the call.
import type { ExchangeCallTokenResponse } from '@skillverse/domain/contracts/exchange';
import type { Room, Track } from 'livekit-client';
import { useEffect, useRef, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { LoadingState } from '@/components/ui/spinner';
import { friendlyError } from '@/lib/errors';

function TrackView({ track }: { track: Track }) {
  const ref = useRef<HTMLVideoElement & HTMLAudioElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    track.attach(el);
    return () => {
      track.detach(el);
    };
  }, [track]);
  return track.kind === 'video' ? (
    <video ref={ref} className="size-full rounded-lg object-cover" autoPlay playsInline muted>
      <track kind="captions" />
    </video>
  ) : (
    <audio ref={ref} autoPlay>
      <track kind="captions" />
    </audio>
  );
}

export function CallVideo({
  connection,
}: {
  connection: Extract<ExchangeCallTokenResponse, { video: true }>;
}) {
  const [room, setRoom] = useState<Room | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [, setVersion] = useState(0);

  useEffect(() => {
    let cancelled = false;
    let current: Room | null = null;
    (async () => {
      const lk = await import('livekit-client');
      if (cancelled) return;
      const r = new lk.Room({ adaptiveStream: true, dynacast: true });
      current = r;
      const refresh = () => setVersion((v) => v + 1);
      r.on(lk.RoomEvent.TrackSubscribed, refresh)
        .on(lk.RoomEvent.TrackUnsubscribed, refresh)
        .on(lk.RoomEvent.ParticipantConnected, refresh)
        .on(lk.RoomEvent.ParticipantDisconnected, refresh)
        .on(lk.RoomEvent.LocalTrackPublished, refresh);
      await r.connect(connection.url, connection.token);
      if (cancelled) return;
      setRoom(r);
      await r.localParticipant.enableCameraAndMicrophone().catch(() => undefined);
      refresh();
    })().catch((e: unknown) => !cancelled && setError(friendlyError(e)));
    return () => {
      cancelled = true;
      void current?.disconnect();
    };
  }, [connection.url, connection.token]);

  if (error)
    return (
      <Alert tone="error" title="Couldn’t connect the video">
        {error}
      </Alert>
    );
  if (!room) return <LoadingState label="Connecting to video…" />;
  const people = [room.localParticipant, ...room.remoteParticipants.values()];
  return (
    <section aria-label="Video" className="grid gap-3 rounded-xl bg-stone-900 p-3 sm:grid-cols-2">
      {people.map((p) => {
        const tracks: Track[] = [];
        for (const pub of p.trackPublications.values()) if (pub.track) tracks.push(pub.track);
        const video = tracks.find((t) => t.kind === 'video');
        const audio = p === room.localParticipant ? [] : tracks.filter((t) => t.kind === 'audio');
        return (
          <figure key={p.identity} className="relative aspect-video overflow-hidden rounded-lg bg-stone-800">
            {video ? <TrackView track={video} /> : null}
            {audio.map((t) => (
              <TrackView key={t.sid} track={t} />
            ))}
            <figcaption className="absolute bottom-2 left-2 rounded bg-black/60 px-2 py-0.5 text-sm text-white">
              {p === room.localParticipant ? 'You' : p.name || 'Your partner'}
            </figcaption>
          </figure>
        );
      })}
    </section>
  );
}
