// Lecture video and resource uploads (issue 16 item 5): which files the curriculum editor accepts and
// where they go. storage.rules (isLectureMediaUpTo) lets only the course's instructor write
// courses/{courseId}/media/…, videos and resource files up to 500 MB, never HTML, SVG or script.
import { safeFileName } from '@/lib/uploads';

export const MAX_LECTURE_FILE_BYTES = 500 * 1024 * 1024;

export const LECTURE_VIDEO_TYPES = ['video/mp4', 'video/webm', 'video/ogg', 'video/quicktime'];

export const LECTURE_RESOURCE_TYPES = [
  'application/pdf',
  'application/zip',
  'text/plain',
  'text/markdown',
  'text/csv',
  'image/webp',
  'image/png',
  'image/jpeg',
  'image/gif',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.oasis.opendocument.presentation',
  'application/vnd.oasis.opendocument.text',
];

export const LECTURE_VIDEO_ACCEPT = LECTURE_VIDEO_TYPES.join(',');
export const LECTURE_RESOURCE_ACCEPT = LECTURE_RESOURCE_TYPES.join(',');

/** Why `file` cannot be uploaded as a lecture's `kind`, or null. */
export function lectureFileProblem(
  file: { type: string; size: number },
  kind: 'video' | 'resource',
): string | null {
  const types = kind === 'video' ? LECTURE_VIDEO_TYPES : LECTURE_RESOURCE_TYPES;
  if (!types.includes(file.type)) {
    return kind === 'video'
      ? 'Choose an MP4, WebM, Ogg or QuickTime video.'
      : 'Choose a PDF, slides, a document, a spreadsheet, a ZIP, plain text or an image (not HTML or SVG).';
  }
  if (file.size > MAX_LECTURE_FILE_BYTES) return 'Files can be at most 500 MB.';
  if (file.size === 0) return 'That file is empty.';
  return null;
}

/** The Storage path: under the lecture's folder when it exists (a preview lecture's files open to all), else the course's. */
export function lectureFilePath(
  courseId: string,
  lectureId: string | null,
  name: string,
  now = Date.now(),
): string {
  const file = `${now}-${safeFileName(name)}`;
  return lectureId ? `courses/${courseId}/media/${lectureId}/${file}` : `courses/${courseId}/media/${file}`;
}

export async function lectureUpload(
  courseId: string,
  lectureId: string | null,
  file: File,
  kind: 'video' | 'resource',
) {
  const problem = lectureFileProblem(file, kind);
  if (problem) return problem;
  return { path: lectureFilePath(courseId, lectureId, file.name), blob: file, contentType: file.type };
}
