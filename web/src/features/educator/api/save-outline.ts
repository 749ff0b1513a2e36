import { revisionId, splitEdit } from '@skillverse/domain/course-revisions';
import type { Lecture } from '@skillverse/domain/models';
import { useMutation } from '@tanstack/react-query';
import { serverTimestamp, type WriteBatch, writeBatch } from 'firebase/firestore';
import { db } from '@/lib/firebase';
import { courseRef } from '@/lib/data/courses';
import { lectureRef } from '@/lib/data/lectures';
import { revisionRef } from '@/lib/data/revisions';
import type { LectureData } from '../utils/course-schema';

/** A section as the editor holds it: its lectures in order. */
export interface EditorSection {
  id: string;
  title: string;
  lectureIds: string[];
}

/** A change to one lecture document, applied in the same batch as the outline. */
export type LectureChange =
  | {
      kind: 'upsert';
      id: string;
      sectionId: string;
      data: LectureData;
      isNew: boolean;
      /** Live course: write only the in-place fields (title, resources, order, section). */
      inPlaceOnly?: boolean;
    }
  | { kind: 'delete'; id: string };

export interface SaveOutlineInput {
  courseId: string;
  sections: EditorSection[];
  /** The lectures as they are now (for titles, durations and current order in the summaries). */
  lectures: Pick<Lecture, 'id' | 'title' | 'durationSec' | 'preview' | 'order' | 'sectionId'>[];
  changes?: LectureChange[];
  /**
   * The course is live (published or archived): new lectures, removals and changes to what is
   * watched or read become revisions for an admin (issue 15); only the rest is written in place.
   * Needs the instructor's uid.
   */
  live?: { instructorId: string };
}

/** What a pending revision document holds, as the instructor (re)submits it. */
export function pendingRevision(
  instructorId: string,
  kind: 'lecture' | 'quiz',
  op: 'add' | 'change' | 'remove',
  itemId: string,
  title: string,
  changes: Record<string, unknown>,
  answerKey?: Record<string, number[]>,
) {
  return {
    kind,
    op,
    itemId,
    title,
    changes,
    ...(answerKey ? { answerKey } : {}),
    instructorId,
    status: 'pending',
    createdAt: serverTimestamp(),
  };
}

/**
 * A live course: each lecture change becomes what may be written in place (title, links, order) and
 * a revision for the rest. Returns the changes left to apply directly (in-place edits only).
 */
function routeLiveChanges(
  batch: WriteBatch,
  courseId: string,
  instructorId: string,
  lectures: SaveOutlineInput['lectures'],
  changes: LectureChange[],
): LectureChange[] {
  const byId = new Map(lectures.map((l) => [l.id, l as Record<string, unknown> & { title: string }]));
  const direct: LectureChange[] = [];
  const maxOrder = lectures.reduce((m, l) => Math.max(m, l.order), 0);
  for (const change of changes) {
    const ref = revisionRef(courseId, revisionId('lecture', change.id)).withConverter(null);
    if (change.kind === 'delete') {
      const title = byId.get(change.id)?.title ?? 'Lecture';
      batch.set(ref, pendingRevision(instructorId, 'lecture', 'remove', change.id, title, {}));
      continue;
    }
    const data = { ...change.data, videoUrl: change.data.videoUrl || null };
    if (change.isNew) {
      batch.set(
        ref,
        pendingRevision(instructorId, 'lecture', 'add', change.id, data.title, {
          ...data,
          sectionId: change.sectionId,
          order: maxOrder + 1,
        }),
      );
      continue;
    }
    const before = byId.get(change.id) ?? {};
    const { inPlace, reviewed } = splitEdit('lecture', before, data);
    if (Object.keys(reviewed).length > 0) {
      batch.set(ref, pendingRevision(instructorId, 'lecture', 'change', change.id, data.title, reviewed));
    }
    if (Object.keys(inPlace).length > 0) {
      // Only the in-place fields; what needs review keeps its approved value until then.
      const prev = before as Partial<LectureData>;
      direct.push({
        ...change,
        data: {
          title: data.title,
          videoUrl: prev.videoUrl ?? '',
          durationSec: prev.durationSec ?? 0,
          preview: prev.preview ?? false,
          body: prev.body ?? '',
          resources: change.data.resources,
        },
        inPlaceOnly: true,
      });
    }
  }
  return direct;
}

/**
 * Writes the outline in one batch: courses/{id}.sections (ids, titles, order and lecture summaries
 * so the course page can list every lecture), totalLectures, and the lectures' `order` and
 * `sectionId`, together with any lecture created, edited or deleted by the same action.
 */
export async function saveOutline({
  courseId,
  sections,
  lectures,
  changes: requested = [],
  live,
}: SaveOutlineInput): Promise<void> {
  const batch = writeBatch(db);
  const changes = live
    ? routeLiveChanges(batch, courseId, live.instructorId, lectures, requested)
    : requested;
  const byId = new Map(lectures.map((l) => [l.id, { ...l }]));
  for (const change of changes) {
    if (change.kind === 'delete') {
      byId.delete(change.id);
      batch.delete(lectureRef(courseId, change.id));
    } else {
      const prev = byId.get(change.id);
      byId.set(change.id, {
        id: change.id,
        title: change.data.title,
        durationSec: change.data.durationSec,
        preview: change.data.preview,
        order: prev?.order ?? 0,
        sectionId: change.sectionId,
      });
    }
  }

  let order = 0;
  const placed = new Map<string, { order: number; sectionId: string }>();
  const outline = sections.map((section, index) => {
    const ids = section.lectureIds.filter((id) => byId.has(id));
    for (const id of ids) {
      order += 1;
      placed.set(id, { order, sectionId: section.id });
    }
    return {
      id: section.id,
      title: section.title,
      order: index + 1,
      lectureIds: ids,
      lectures: ids.map((id) => {
        const l = byId.get(id)!;
        return { id, title: l.title, durationSec: l.durationSec, preview: l.preview };
      }),
    };
  });

  for (const change of changes) {
    if (change.kind !== 'upsert') continue;
    const where = placed.get(change.id);
    const data = change.inPlaceOnly
      ? {
          title: change.data.title,
          resources: change.data.resources,
          sectionId: where?.sectionId ?? change.sectionId,
          order: where?.order ?? order + 1,
          updatedAt: serverTimestamp(),
        }
      : {
          ...change.data,
          videoUrl: change.data.videoUrl || null,
          sectionId: where?.sectionId ?? change.sectionId,
          order: where?.order ?? order + 1,
          updatedAt: serverTimestamp(),
        };
    if (change.isNew) {
      batch.set(lectureRef(courseId, change.id).withConverter(null), {
        ...data,
        createdAt: serverTimestamp(),
      });
    } else {
      batch.update(lectureRef(courseId, change.id).withConverter(null), data);
    }
  }
  const changed = new Set(changes.map((c) => c.id));
  for (const [id, where] of placed) {
    const l = byId.get(id);
    if (!l || changed.has(id)) continue;
    if (l.order !== where.order || l.sectionId !== where.sectionId) {
      batch.update(lectureRef(courseId, id).withConverter(null), {
        order: where.order,
        sectionId: where.sectionId,
        updatedAt: serverTimestamp(),
      });
    }
  }

  batch.update(courseRef(courseId).withConverter(null), {
    sections: outline,
    totalLectures: placed.size,
    updatedAt: serverTimestamp(),
  });
  await batch.commit();
}

/** The live course and lecture listeners pick up the result. */
export function useSaveOutline() {
  return useMutation({ mutationFn: saveOutline });
}
