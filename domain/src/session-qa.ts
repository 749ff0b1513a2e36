// Q&A that teaches (issue 8, item 4): what happens to a live session's questions after it ends.
//
// - Answered questions: the host writes an answer (on the question document: `answer`,
//   `answeredAt`) and may publish it as an FAQ entry on a lecture of the session's linked course,
//   through the `publishSessionFaq` callable (the host is also the course's instructor; FAQ entries
//   are server-written so the published copy is always the host's own answer, never a client's).
// - Unanswered questions: the author (and the people who upvoted it) see a short list of people who
//   offer the session's skill, and a prefilled skill-exchange request.
//
// Pure: no Firebase imports. Used by web and functions.
import { normaliseSkill, type SkillLike, skillName } from './skills';

/** Longest answer the host may write (rules and callable agree). */
export const ANSWER_MAX_LENGTH = 2000;

/** How many people "Ask someone who teaches …" lists. */
export const SUGGESTED_TEACHERS_MAX = 5;

/**
 * How many profiles the suggestion query reads: enough to survive dropping the host, the asker
 * and inactive accounts and still show SUGGESTED_TEACHERS_MAX people.
 */
export const SUGGESTED_TEACHERS_QUERY_LIMIT = 12;

/** Firestore's `array-contains-any` takes at most 30 values; a session's skills are a handful. */
export const SESSION_SKILL_KEYS_MAX = 10;

/**
 * courses/{courseId}/lectures/{lectureId}/faq/{faqId}: deterministic from the session and the
 * question, so publishing the same question twice writes one entry (and moving it to another
 * lecture removes the first).
 */
export function faqEntryId(sessionId: string, questionId: string): string {
  return `${sessionId}_${questionId}`;
}

/** Where a question has been published (server-written on the question as `faq`). */
export interface PublishedFaqRef {
  courseId: string;
  lectureId: string;
  faqId: string;
  publishedAt: Date;
}

/** courses/{courseId}/lectures/{lectureId}/faq/{faqId}: written only by publishSessionFaq. */
export interface LectureFaqEntry {
  id: string;
  sessionId: string;
  questionId: string;
  sessionTitle: string;
  /** When the session took place (its start). */
  sessionDate: Date;
  hostId: string;
  hostName: string;
  question: string;
  answer: string;
  publishedAt: Date;
  updatedAt: Date;
}

export interface PublishSessionFaqRequest {
  sessionId: string;
  questionId: string;
  lectureId: string;
}

export interface PublishSessionFaqResponse {
  faqId: string;
  courseId: string;
  lectureId: string;
  /** 'created' the first time, 'updated' when republished (same or another lecture). */
  result: 'created' | 'updated';
}

export interface UnpublishSessionFaqRequest {
  sessionId: string;
  questionId: string;
}

export interface UnpublishSessionFaqResponse {
  /** False when it was not published (nothing to do). */
  removed: boolean;
}

/** The notification id telling an author, once per session, that questions went unanswered. */
export function unansweredNotificationId(sessionId: string): string {
  return `qa_unanswered_${sessionId}`;
}

// ---------------------------------------------------------------------------------------------
// Which skill a session is about

export interface SessionTopic {
  /** The linked course's tags and category, in that order (tags are the more specific). */
  tags?: readonly string[] | null;
  category?: string | null;
}

/**
 * Normalised skill keys a session teaches: the linked course's tags, then its category.
 * Sessions have no skill field of their own; a session without a course gives [] (the UI then
 * points to the skill-exchange search instead of guessing from the title).
 */
export function sessionSkillKeys(topic: SessionTopic | null | undefined): string[] {
  const keys: string[] = [];
  for (const name of [...(topic?.tags ?? []), topic?.category ?? '']) {
    const key = normaliseSkill(typeof name === 'string' ? name : '');
    if (key && !keys.includes(key)) keys.push(key);
    if (keys.length >= SESSION_SKILL_KEYS_MAX) break;
  }
  return keys;
}

// ---------------------------------------------------------------------------------------------
// Suggested teachers

/** The fields of a public profile the suggestion reads (all on users/{uid}: one query). */
export interface TeacherCandidate {
  uid: string;
  displayName: string;
  photoURL?: string | null;
  headline?: string;
  status?: string;
  offeredSkills: readonly SkillLike[];
  rating?: { average: number; count: number } | null;
}

export interface SuggestedTeacher {
  uid: string;
  displayName: string;
  photoURL: string | null;
  headline: string;
  /** The skill they offer that matched, as they spell it (e.g. "React"). */
  skill: string;
  /** Every offered skill, matched one first: the request form's "I want to learn" options. */
  offeredSkills: string[];
  rating: { average: number; count: number };
}

/**
 * Picks up to `max` people to ask: active accounts other than the excluded (the host and the
 * asker) who offer one of `skillKeys`. People offering an earlier (more specific) key come first,
 * then higher rating (average, then count), then name, so the list is stable.
 */
export function pickSuggestedTeachers(
  candidates: readonly TeacherCandidate[],
  skillKeys: readonly string[],
  options: { exclude?: readonly (string | null | undefined)[]; max?: number } = {},
): SuggestedTeacher[] {
  const exclude = new Set(options.exclude?.filter((u): u is string => Boolean(u)) ?? []);
  const max = options.max ?? SUGGESTED_TEACHERS_MAX;
  const seen = new Set<string>();
  const ranked: { teacher: SuggestedTeacher; keyIndex: number }[] = [];
  for (const c of candidates) {
    if (!c.uid || exclude.has(c.uid) || seen.has(c.uid)) continue;
    if (c.status !== undefined && c.status !== 'active') continue;
    seen.add(c.uid);
    const offered = c.offeredSkills.map((s) => skillName(s).trim()).filter(Boolean);
    let keyIndex = -1;
    let matched = '';
    for (const name of offered) {
      const i = skillKeys.indexOf(normaliseSkill(name));
      if (i !== -1 && (keyIndex === -1 || i < keyIndex)) {
        keyIndex = i;
        matched = name;
      }
    }
    if (keyIndex === -1) continue;
    ranked.push({
      keyIndex,
      teacher: {
        uid: c.uid,
        displayName: c.displayName || 'SkillVerse member',
        photoURL: c.photoURL ?? null,
        headline: c.headline ?? '',
        skill: matched,
        offeredSkills: [matched, ...offered.filter((s) => s !== matched)],
        rating: { average: c.rating?.average ?? 0, count: c.rating?.count ?? 0 },
      },
    });
  }
  ranked.sort(
    (a, b) =>
      a.keyIndex - b.keyIndex ||
      b.teacher.rating.average - a.teacher.rating.average ||
      b.teacher.rating.count - a.teacher.rating.count ||
      a.teacher.displayName.localeCompare(b.teacher.displayName) ||
      a.teacher.uid.localeCompare(b.teacher.uid),
  );
  return ranked.slice(0, Math.max(0, max)).map((r) => r.teacher);
}

/** The first line of the request message: quotes the question so the teacher has context. */
export function exchangeMessageForQuestion(question: string, sessionTitle: string): string {
  const quoted = question.trim().replace(/\s+/g, ' ');
  const clipped = quoted.length > 600 ? `${quoted.slice(0, 599)}…` : quoted;
  return `Hi! In the live session "${sessionTitle}" I asked: "${clipped}" It didn't get answered — could you help me with it? I'm happy to teach you something in return.`;
}

// ---------------------------------------------------------------------------------------------
// Which questions a person follows up

export interface QuestionLike {
  id: string;
  authorId: string;
  upvoterIds: readonly string[];
  answered: boolean;
  createdAt?: Date;
}

/**
 * The unanswered questions `uid` asked or upvoted, their own first, then most upvoted.
 * Everyone else's unanswered questions are not theirs to follow up.
 */
export function myUnansweredQuestions<Q extends QuestionLike>(questions: readonly Q[], uid: string): Q[] {
  return questions
    .filter((q) => !q.answered && (q.authorId === uid || q.upvoterIds.includes(uid)))
    .sort(
      (a, b) =>
        Number(b.authorId === uid) - Number(a.authorId === uid) ||
        b.upvoterIds.length - a.upvoterIds.length ||
        (a.createdAt?.getTime() ?? 0) - (b.createdAt?.getTime() ?? 0),
    );
}
