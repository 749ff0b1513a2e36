import { recordLectureProgress as contract } from '@skillverse/domain/contracts/courses';
import type {
  ProgressEvent,
  RecordLectureProgressRequest,
  RecordLectureProgressResponse,
} from '@skillverse/domain/courses-api';
import { REPORT_EVERY_MS } from '@skillverse/domain/watch-time';
import { useCallback, useEffect, useRef } from 'react';
import { callFunction } from '@/lib/firebase';

/** One progress report; the server credits the real time since the previous one (its own clock). */
export function recordLectureProgress(
  input: RecordLectureProgressRequest,
): Promise<RecordLectureProgressResponse> {
  return callFunction(contract, input);
}

export type ReportProgress = (
  event: ProgressEvent,
  measuredDurationSec?: number,
) => Promise<RecordLectureProgressResponse | null>;

/**
 * The player's reporter for one lecture. Reports are best effort (a failed one only means less
 * observed time); the observed seconds come back through the live enrolment (`watch`).
 */
export function useLectureProgressReporter(
  courseId: string,
  lectureId: string,
  enabled: boolean,
): ReportProgress {
  const target = useRef({ courseId, lectureId, enabled });
  target.current = { courseId, lectureId, enabled };
  return useCallback<ReportProgress>(async (event, measuredDurationSec) => {
    const t = target.current;
    if (!t.enabled) return null;
    const measured =
      measuredDurationSec !== undefined && Number.isFinite(measuredDurationSec) && measuredDurationSec > 0
        ? Math.min(24 * 3600, measuredDurationSec)
        : undefined;
    try {
      return await recordLectureProgress({
        courseId: t.courseId,
        lectureId: t.lectureId,
        event,
        ...(measured !== undefined ? { measuredDurationSec: measured } : {}),
      });
    } catch {
      return null;
    }
  }, []);
}

/**
 * The reading clock for a lecture without a playable file (text, or an embedded YouTube/Vimeo
 * player whose state the page cannot see): reports while the page is visible, pauses when hidden
 * or left.
 */
export function useReadingClock(report: ReportProgress, lectureId: string, enabled: boolean) {
  // biome-ignore lint/correctness/useExhaustiveDependencies: lectureId restarts the clock for each lecture
  useEffect(() => {
    if (!enabled) return;
    let running = false;
    const start = () => {
      if (document.visibilityState !== 'visible' || running) return;
      running = true;
      void report('start');
    };
    const stop = () => {
      if (!running) return;
      running = false;
      void report('pause');
    };
    start();
    const timer = window.setInterval(() => {
      if (running) void report('tick');
    }, REPORT_EVERY_MS);
    const onVisibility = () => (document.visibilityState === 'visible' ? start() : stop());
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('pagehide', stop);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('pagehide', stop);
      stop();
    };
  }, [report, lectureId, enabled]);
}
