// "Recommended for you" (issue 6): pure scoring and explanations. The function gathers a bounded
// set of candidate courses, what similar learners completed and — with OPENAI_API_KEY — an
// embedding similarity per course; this module ranks them and says why in a few words.
// Without embeddings the score is a transparent overlap of the profile's interests, skills and
// desired skills with the course's tags, category and title, plus completions by similar learners.
import { CATEGORIES } from './models';
import { normaliseSkill, type SkillLike, skillName } from './skills';

/** How many recommendations are stored per user. */
export const RECOMMENDATION_LIMIT = 6;

/** Points per kind of match in the overlap score (each kind counted once per course). */
export const RECOMMENDATION_WEIGHTS = {
  desired: 45,
  interest: 35,
  category: 25,
  skill: 15,
  /** Per similar learner who completed the course, up to `peersMax`. */
  peer: 10,
  peersMax: 30,
  /** Embedding similarity (0..1) × this, when embeddings are available. */
  semantic: 60,
} as const;

/** Below this cosine similarity a course is not "similar" to the profile. */
export const SEMANTIC_MIN_SIMILARITY = 0.3;

export interface RecommendationProfile {
  interests?: readonly string[] | null;
  skills?: readonly SkillLike[] | null;
  offeredSkills?: readonly SkillLike[] | null;
  desiredSkills?: readonly SkillLike[] | null;
}

/** The course fields scoring reads, and the display fields a recommendation carries. */
export interface CandidateCourse {
  id: string;
  title: string;
  category: string;
  tags: readonly string[];
  level: string;
  instructorId: string;
  instructorName: string;
  thumbnailUrl: string | null;
  price: number;
  currency: string;
  status: string;
  rating: { average: number; count: number };
  enrollmentCount: number;
}

/** One stored recommendation: display fields (so the dashboard needs one read), score, reasons. */
export interface Recommendation {
  courseId: string;
  title: string;
  category: string;
  level: string;
  instructorName: string;
  thumbnailUrl: string | null;
  price: number;
  currency: string;
  rating: { average: number; count: number };
  enrollmentCount: number;
  /** 0–100. */
  score: number;
  /** Short explanations, strongest first, e.g. "Matches your interest in Design". */
  reasons: string[];
}

export type RecommendationMethod = 'embeddings' | 'overlap';

/** users/{uid}/private/recommendations (server-written, owner-readable). */
export interface RecommendationsDoc {
  items: Recommendation[];
  method: RecommendationMethod;
  computedAt: Date;
}

export interface Term {
  /** Normalised comparison key. */
  key: string;
  /** As the user wrote it, for explanations. */
  label: string;
}

export interface ProfileTerms {
  interests: Term[];
  skills: Term[];
  desired: Term[];
}

function terms(names: readonly string[]): Term[] {
  const out: Term[] = [];
  for (const raw of names) {
    const label = raw.trim();
    const key = normaliseSkill(label);
    if (key && !out.some((t) => t.key === key)) out.push({ key, label });
  }
  return out;
}

/** The profile's interests, skills (had or offered) and desired skills as normalised terms. */
export function profileTerms(profile: RecommendationProfile | null | undefined): ProfileTerms {
  const p = profile ?? {};
  const names = (list: readonly SkillLike[] | null | undefined) => (list ?? []).map(skillName);
  return {
    interests: terms([...(p.interests ?? [])].filter((x): x is string => typeof x === 'string')),
    skills: terms([...names(p.skills), ...names(p.offeredSkills)]),
    desired: terms(names(p.desiredSkills)),
  };
}

/** True when the profile says nothing to match on. */
export function hasNoTerms(t: ProfileTerms): boolean {
  return t.interests.length + t.skills.length + t.desired.length === 0;
}

/** Normalised keys of a course's tags and category, and its normalised title padded for phrase search. */
export function courseKeys(course: Pick<CandidateCourse, 'title' | 'tags' | 'category'>): {
  tags: Set<string>;
  category: string;
  title: string;
} {
  return {
    tags: new Set(course.tags.map(normaliseSkill).filter(Boolean)),
    category: normaliseSkill(course.category),
    title: ` ${normaliseSkill(course.title)} `,
  };
}

function matchesCourse(term: Term, keys: ReturnType<typeof courseKeys>): boolean {
  return keys.tags.has(term.key) || keys.category === term.key || keys.title.includes(` ${term.key} `);
}

/** The canonical category name when a term names one ("design" → "Design"), else null. */
function categoryOf(term: Term): string | null {
  return CATEGORIES.find((c) => normaliseSkill(c) === term.key) ?? null;
}

export interface ScoreInputs {
  /** Similar learners (who share an enrolment with the user) who completed this course. */
  peerCompletions?: number;
  /** Cosine similarity of the course and profile embeddings, when available. */
  similarity?: number | null;
}

export interface CourseScore {
  score: number;
  reasons: string[];
}

/**
 * The score (0–100) and reasons for one course. Overlap: desired skill 45, interest 35, interest
 * naming the course's category 25, own skill 15, 10 per similar learner who completed it (≤ 30).
 * With a similarity, the semantic part (similarity × 60) replaces the overlap part when larger.
 */
export function scoreCourse(t: ProfileTerms, course: CandidateCourse, inputs: ScoreInputs = {}): CourseScore {
  const keys = courseKeys(course);
  const W = RECOMMENDATION_WEIGHTS;
  const reasons: string[] = [];
  let overlap = 0;

  const desired = t.desired.find((x) => matchesCourse(x, keys));
  if (desired) {
    overlap += W.desired;
    reasons.push(`Teaches ${desired.label}, which you want to learn`);
  }
  const interest = t.interests.find((x) => matchesCourse(x, keys) && keys.category !== x.key);
  const categoryInterest = t.interests.find((x) => keys.category === x.key);
  if (interest) {
    overlap += W.interest;
    reasons.push(`Matches your interest in ${interest.label}`);
  }
  if (categoryInterest) {
    overlap += W.category;
    if (!interest)
      reasons.push(`Matches your interest in ${categoryOf(categoryInterest) ?? categoryInterest.label}`);
  }
  const skill = t.skills.find((x) => matchesCourse(x, keys));
  if (skill) {
    overlap += W.skill;
    reasons.push(`Builds on your ${skill.label} skills`);
  }

  let base = overlap;
  const similarity = inputs.similarity;
  if (
    typeof similarity === 'number' &&
    Number.isFinite(similarity) &&
    similarity >= SEMANTIC_MIN_SIMILARITY
  ) {
    const semantic = Math.round(similarity * W.semantic);
    if (semantic > base) base = semantic;
    if (reasons.length === 0) {
      const about = [...t.desired, ...t.interests].slice(0, 2).map((x) => x.label);
      reasons.push(
        about.length > 0 ? `Close to what you’re into: ${about.join(', ')}` : 'Close to your profile',
      );
    }
  }

  const peers = Math.max(0, Math.floor(inputs.peerCompletions ?? 0));
  const peerPoints = Math.min(W.peersMax, peers * W.peer);
  if (peers > 0) reasons.push('Learners like you completed this');

  return { score: Math.min(100, base + peerPoints), reasons };
}

export interface RankInputs {
  profile: RecommendationProfile | null | undefined;
  /** Candidate courses (duplicates by id are ignored). */
  courses: readonly CandidateCourse[];
  /** Courses the user is enrolled in (any status) or has completed: never recommended. */
  enrolledCourseIds: ReadonlySet<string> | readonly string[];
  /** The user, so their own courses are never recommended. */
  uid: string;
  /** Course id → similar learners who completed it. */
  peerCompletions?: ReadonlyMap<string, number> | Readonly<Record<string, number>>;
  /** Course id → embedding similarity with the profile; absent without OPENAI_API_KEY. */
  similarity?: ReadonlyMap<string, number> | null;
  limit?: number;
}

function lookup(source: RankInputs['peerCompletions'], id: string): number {
  if (!source) return 0;
  if (source instanceof Map) return source.get(id) ?? 0;
  return (source as Readonly<Record<string, number>>)[id] ?? 0;
}

/**
 * The user's recommendations, best first: published courses they neither take nor teach, by
 * score, then rating, then enrolments, then title (a stable order, so the same inputs always give
 * the same list). When too few courses match, popular ones fill the list ("Popular with learners").
 */
export function rankRecommendations(input: RankInputs): Recommendation[] {
  const limit = input.limit ?? RECOMMENDATION_LIMIT;
  const t = profileTerms(input.profile);
  const enrolled = new Set(input.enrolledCourseIds);
  const seen = new Set<string>();
  const scored: { course: CandidateCourse; score: CourseScore }[] = [];
  for (const course of input.courses) {
    if (seen.has(course.id)) continue;
    seen.add(course.id);
    if (course.status !== 'published' || enrolled.has(course.id) || course.instructorId === input.uid)
      continue;
    const score = scoreCourse(t, course, {
      peerCompletions: lookup(input.peerCompletions, course.id),
      similarity: input.similarity?.get(course.id) ?? null,
    });
    scored.push({ course, score });
  }
  const order = (a: (typeof scored)[number], b: (typeof scored)[number]) =>
    b.score.score - a.score.score ||
    b.course.rating.average - a.course.rating.average ||
    b.course.enrollmentCount - a.course.enrollmentCount ||
    a.course.title.localeCompare(b.course.title) ||
    a.course.id.localeCompare(b.course.id);

  const matched = scored
    .filter((s) => s.score.score > 0)
    .sort(order)
    .slice(0, limit);
  if (matched.length < limit) {
    const popular = scored
      .filter((s) => s.score.score === 0)
      .sort(
        (a, b) =>
          b.course.enrollmentCount - a.course.enrollmentCount ||
          b.course.rating.average - a.course.rating.average ||
          a.course.title.localeCompare(b.course.title) ||
          a.course.id.localeCompare(b.course.id),
      )
      .slice(0, limit - matched.length)
      .map((s) => ({ ...s, score: { score: 0, reasons: ['Popular with learners'] } }));
    matched.push(...popular);
  }
  return matched.map(({ course, score }) => ({
    courseId: course.id,
    title: course.title,
    category: course.category,
    level: course.level,
    instructorName: course.instructorName,
    thumbnailUrl: course.thumbnailUrl,
    price: course.price,
    currency: course.currency,
    rating: { average: course.rating.average, count: course.rating.count },
    enrollmentCount: course.enrollmentCount,
    score: score.score,
    reasons: score.reasons.slice(0, 2),
  }));
}

/** The text a profile embedding is computed from (a change to it means a new embedding). */
export function profileEmbeddingText(profile: RecommendationProfile | null | undefined): string {
  const t = profileTerms(profile);
  const list = (xs: Term[]) => xs.map((x) => x.label).join(', ');
  return [
    t.desired.length ? `Wants to learn: ${list(t.desired)}.` : '',
    t.interests.length ? `Interested in: ${list(t.interests)}.` : '',
    t.skills.length ? `Knows: ${list(t.skills)}.` : '',
  ]
    .filter(Boolean)
    .join(' ');
}

/** The text a course embedding is computed from: title, category, tags and the description's start. */
export function courseEmbeddingText(course: {
  title: string;
  category: string;
  tags: readonly string[];
  description?: string;
}): string {
  return [
    course.title,
    `Category: ${course.category}.`,
    course.tags.length ? `Topics: ${course.tags.join(', ')}.` : '',
    (course.description ?? '').slice(0, 1000),
  ]
    .filter(Boolean)
    .join(' ');
}

/** Whether a profile write changes what recommendations are computed from. */
export function recommendationInputsChanged(
  before: RecommendationProfile | null | undefined,
  after: RecommendationProfile | null | undefined,
): boolean {
  if (!after) return false;
  return profileEmbeddingText(before) !== profileEmbeddingText(after);
}
