// courses/{courseId}/lectures/{lectureId}/faq/{faqId}: live-session questions the host published
// as lecture FAQ (issue 8, "Q&A that teaches"). Written only by publishSessionFaq; read-only here.
import type { LectureFaqEntry } from '@skillverse/domain/session-qa';
import { collection } from 'firebase/firestore';
import { db } from '@/lib/firebase';
import { dateOrNow, obj, readOnlyConverter, str } from './converters/parse';

export const faqPaths = {
  lectureFaq: (courseId: string, lectureId: string) => `courses/${courseId}/lectures/${lectureId}/faq`,
} as const;

export const lectureFaqConverter = readOnlyConverter('faq', (id, data): LectureFaqEntry => {
  const d = obj(data);
  return {
    id,
    sessionId: str(d.sessionId),
    questionId: str(d.questionId),
    sessionTitle: str(d.sessionTitle, 'Live session'),
    sessionDate: dateOrNow(d.sessionDate),
    hostId: str(d.hostId),
    hostName: str(d.hostName),
    question: str(d.question),
    answer: str(d.answer),
    publishedAt: dateOrNow(d.publishedAt),
    updatedAt: dateOrNow(d.updatedAt),
  };
});

export const lectureFaqRef = (courseId: string, lectureId: string) =>
  collection(db, faqPaths.lectureFaq(courseId, lectureId)).withConverter(lectureFaqConverter);
