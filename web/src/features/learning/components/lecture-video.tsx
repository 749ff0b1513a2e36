import { videoSource } from '@skillverse/domain/video';
import { REPORT_EVERY_MS } from '@skillverse/domain/watch-time';
import { useEffect, useRef } from 'react';
import { resumeFrom, SAVE_POSITION_EVERY_MS } from '../utils/player';

/**
 * The lecture video. A file plays in the native player, which resumes from the saved position,
 * saves the position every ~10 s while playing, on pause and when leaving, and reports the end of
 * the video. A YouTube or Vimeo link plays in the provider's embedded player (the provider keeps
 * its own position; the learner marks the lecture complete by hand).
 * While a file plays it reports watching to the server (`onWatch`: start on play, a tick every 10 s,
 * pause on pause/end/leave) — the server credits the real time between reports.
 */
export function LectureVideo(props: {
  src: string;
  title: string;
  startAt: number;
  onSavePosition: (positionSec: number) => void;
  onEnded: () => void;
  onWatch?: (event: 'start' | 'tick' | 'pause', durationSec?: number) => void;
}) {
  const source = videoSource(props.src);
  if (source.kind === 'embed') {
    return (
      <iframe
        key={source.src}
        src={source.src}
        title={`Video: ${props.title}`}
        allow="encrypted-media; picture-in-picture; fullscreen"
        allowFullScreen
        referrerPolicy="strict-origin-when-cross-origin"
        className="aspect-video w-full rounded-xl bg-black"
      />
    );
  }
  if (source.kind === 'invalid') {
    return (
      <div className="flex aspect-video w-full items-center justify-center rounded-xl bg-stone-900 p-6 text-center text-stone-100">
        This lecture’s video link is not valid. The lecture notes are below.
      </div>
    );
  }
  return <FileVideo {...props} src={source.src} />;
}

function FileVideo({
  src,
  title,
  startAt,
  onSavePosition,
  onEnded,
  onWatch,
}: {
  src: string;
  title: string;
  /** Saved position (seconds) to resume from; 0 to start at the beginning. */
  startAt: number;
  onSavePosition: (positionSec: number) => void;
  onEnded: () => void;
  onWatch?: (event: 'start' | 'tick' | 'pause', durationSec?: number) => void;
}) {
  const watch = useRef(onWatch);
  watch.current = onWatch;
  const video = useRef<HTMLVideoElement>(null);
  const lastSaved = useRef(0);
  const save = useRef(onSavePosition);
  save.current = onSavePosition;
  const start = useRef(startAt);
  start.current = startAt;

  // Re-run for each video: the <video> element is keyed by src, so a new lecture gets fresh listeners.
  // biome-ignore lint/correctness/useExhaustiveDependencies: src is the trigger, read through the ref
  useEffect(() => {
    const el = video.current;
    if (!el) return;
    lastSaved.current = Date.now();
    const saveNow = () => {
      if (el.currentTime > 0) {
        lastSaved.current = Date.now();
        save.current(el.currentTime);
      }
    };
    const onTime = () => {
      if (!el.paused && Date.now() - lastSaved.current >= SAVE_POSITION_EVERY_MS) saveNow();
    };
    const onMeta = () => {
      const from = resumeFrom(start.current, el.duration);
      if (from !== null) el.currentTime = from;
    };
    const onHide = () => {
      if (document.visibilityState === 'hidden') saveNow();
    };
    // Watching reports: a clock that runs only while the video plays.
    let playing: number | null = null;
    const duration = () => (Number.isFinite(el.duration) && el.duration > 0 ? el.duration : undefined);
    const onPlay = () => {
      if (playing !== null) return;
      watch.current?.('start', duration());
      playing = window.setInterval(() => watch.current?.('tick', duration()), REPORT_EVERY_MS);
    };
    const onStop = () => {
      if (playing === null) return;
      window.clearInterval(playing);
      playing = null;
      watch.current?.('pause', duration());
    };
    el.addEventListener('playing', onPlay);
    el.addEventListener('pause', onStop);
    el.addEventListener('ended', onStop);
    window.addEventListener('pagehide', onStop);
    el.addEventListener('timeupdate', onTime);
    el.addEventListener('pause', saveNow);
    el.addEventListener('loadedmetadata', onMeta);
    document.addEventListener('visibilitychange', onHide);
    window.addEventListener('pagehide', saveNow);
    return () => {
      saveNow();
      onStop();
      el.removeEventListener('playing', onPlay);
      el.removeEventListener('pause', onStop);
      el.removeEventListener('ended', onStop);
      window.removeEventListener('pagehide', onStop);
      el.removeEventListener('timeupdate', onTime);
      el.removeEventListener('pause', saveNow);
      el.removeEventListener('loadedmetadata', onMeta);
      document.removeEventListener('visibilitychange', onHide);
      window.removeEventListener('pagehide', saveNow);
    };
  }, [src]);

  return (
    // biome-ignore lint/a11y/useMediaCaption: educators' videos come without caption tracks; the lecture text is below
    <video
      ref={video}
      key={src}
      src={src}
      controls
      preload="metadata"
      aria-label={`Video: ${title}`}
      onEnded={onEnded}
      className="aspect-video w-full rounded-xl bg-black"
    />
  );
}
