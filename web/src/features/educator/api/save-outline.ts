import type { Lecture } from '@skillverse/domain/models';
import { useMutation } from '@tanstack/react-query';
import { serverTimestamp, writeBatch } from 'firebase/firestore';
import { db } from '@/lib/firebase';
import { courseRef } from '@/lib/data/courses';
import { lectureRef } from '@/lib/data/lectures';
import type { LectureData } from '../utils/course-schema';

/** A section as the editor holds it: its lectures in order. */
export interface EditorSection {
  id: string;
  title: string;
  lectureIds: string[];
}

/** A change to one lecture document, applied in the same batch as the outline. */
export type LectureChange =
  | { kind: 'upsert'; id: string; sectionId: string; data: LectureData; isNew: boolean }
  | { kind: 'delete'; id: string };

export interface SaveOutlineInput {
  courseId: string;
  sections: EditorSection[];
  /** The lectures as they are now (for titles, durations and current order in the summaries). */
  lectures: Pick<Lecture, 'id' | 'title' | 'durationSec' | 'preview' | 'order' | 'sectionId'>[];
  changes?: LectureChange[];
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
  changes = [],
}: SaveOutlineInput): Promise<void> {
  const batch = writeBatch(db);
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
    const data = {
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
