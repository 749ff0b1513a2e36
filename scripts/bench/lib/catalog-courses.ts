// The 1,000 extra published courses of the catalog benchmark: deterministic (same ids and values
// on every run), varied like a real catalogue, each with a short outline of real lecture documents.
import { searchTokens } from '@skillverse/domain/courses-api';
import {
  CATEGORIES,
  COURSE_LEVELS,
  type Course,
  type CourseSection,
  type Lecture,
} from '@skillverse/domain/models';
import type { Firestore } from 'firebase-admin/firestore';
import { mapLimit, thumbnailDataUrl } from '../../seed/lib/util';

export interface BenchInstructor {
  uid: string;
  displayName: string;
}

export interface BenchCourse {
  id: string;
  course: Omit<Course, 'id'>;
  lectures: (Omit<Lecture, 'id'> & { id: string })[];
}

const TOPICS: Record<(typeof CATEGORIES)[number], string[]> = {
  Programming: ['TypeScript', 'Rust', 'Python', 'React', 'SQL', 'Go', 'Testing', 'Algorithms'],
  Design: ['Figma', 'Typography', 'Colour', 'Accessibility', 'Logo design', 'Design systems'],
  'Data Science': ['pandas', 'Statistics', 'Machine learning', 'Visualisation', 'Forecasting'],
  Business: ['Negotiation', 'Bookkeeping', 'Product management', 'Pitching', 'Hiring'],
  Music: ['Guitar', 'Piano', 'Music theory', 'Home recording', 'Songwriting'],
  Languages: ['Spanish', 'Japanese', 'German', 'French', 'Portuguese', 'Korean'],
  Photography: ['Portraits', 'Street photography', 'Lightroom', 'Film cameras', 'Lighting'],
  Marketing: ['SEO', 'Newsletters', 'Copywriting', 'Analytics', 'Brand strategy'],
  'Personal Development': ['Public speaking', 'Focus', 'Writing', 'Time management', 'Memory'],
};
const FORMATS = [
  '{t} from scratch',
  'Practical {t}',
  '{t} in 30 days',
  '{t}: the essentials',
  'Advanced {t}',
  '{t} workshop',
];
const PRICES = [0, 0, 0, 999, 1499, 1999, 2499, 2999, 4999, 7999];
const SAMPLE_VIDEO = 'https://storage.googleapis.com/gtv-videos-bucket/sample/ForBiggerJoyrides.mp4';

/** A small deterministic PRNG (mulberry32), so every run writes the same catalogue. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function benchCourseId(index: number): string {
  return `bench-course-${String(index).padStart(4, '0')}`;
}

/** `count` published courses by the given instructors, published over the two years before `now`. */
export function buildBenchCourses(
  count: number,
  instructors: readonly BenchInstructor[],
  now: Date,
): BenchCourse[] {
  if (instructors.length === 0)
    throw new Error('bench: no educators to teach the courses (run the seed first)');
  const rnd = random(20261125);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)] as T;
  return Array.from({ length: count }, (_, i) => {
    const id = benchCourseId(i);
    const category = pick(CATEGORIES);
    const topic = pick(TOPICS[category]);
    const title = `${pick(FORMATS).replace('{t}', topic)} (${i + 1})`;
    const tags = [
      topic.toLowerCase(),
      category.toLowerCase(),
      pick(['projects', 'fundamentals', 'career', 'hobby']),
    ];
    const instructor = instructors[i % instructors.length] as BenchInstructor;
    const publishedAt = new Date(now.getTime() - Math.floor(rnd() * 730 * 86_400_000) - 86_400_000);
    const createdAt = new Date(publishedAt.getTime() - 7 * 86_400_000);
    const ratingCount = rnd() < 0.15 ? 0 : Math.floor(rnd() * 400);
    const ratingAverage = ratingCount ? Math.round((3 + rnd() * 2) * 100) / 100 : 0;

    const lectureCount = 3 + Math.floor(rnd() * 4); // 3–6, like the seeded courses
    const lectures: BenchCourse['lectures'] = Array.from({ length: lectureCount }, (_, l) => ({
      id: `l${String(l + 1).padStart(2, '0')}`,
      title: `${topic}, part ${l + 1}`,
      order: l + 1,
      sectionId: l < Math.ceil(lectureCount / 2) ? 's1' : 's2',
      videoUrl: SAMPLE_VIDEO,
      videoPath: null,
      durationSec: 180 + Math.floor(rnd() * 900),
      preview: l < (lectureCount >= 5 ? 2 : 1),
      body: `Notes for part ${l + 1} of ${title}.`,
      resources: [],
      quizId: null,
      createdAt,
      updatedAt: publishedAt,
    }));
    const sections: CourseSection[] = ['s1', 's2'].map((sid, s) => ({
      id: sid,
      title: s === 0 ? 'Getting started' : 'Going further',
      order: s + 1,
      lectureIds: lectures.filter((l) => l.sectionId === sid).map((l) => l.id),
    }));
    const course: Omit<Course, 'id'> = {
      instructorId: instructor.uid,
      title,
      description: `${title}: a self-paced ${category.toLowerCase()} course with ${lectureCount} lectures.`,
      category,
      tags,
      level: pick(COURSE_LEVELS),
      price: pick(PRICES),
      currency: 'USD',
      thumbnailUrl: thumbnailDataUrl(category),
      status: 'published',
      rejectionReason: null,
      sections,
      totalLectures: lectureCount,
      rating: { average: ratingAverage, count: ratingCount },
      enrollmentCount: ratingCount * 3 + Math.floor(rnd() * 50),
      certificate: { enabled: true, passingScore: 70 },
      instructorName: instructor.displayName,
      instructorPhotoURL: null,
      totalDurationSec: lectures.reduce((sum, l) => sum + l.durationSec, 0),
      featured: false,
      searchTokens: searchTokens(title, tags, instructor.displayName, category),
      publishedAt,
      createdAt,
      updatedAt: publishedAt,
    };
    return { id, course, lectures };
  });
}

/** Writes the courses and their lectures in batches of up to 450 writes, a few batches at a time. */
export async function writeBenchCourses(db: Firestore, courses: readonly BenchCourse[]): Promise<number> {
  const writes = courses.flatMap(({ id, course, lectures }) => [
    { path: `courses/${id}`, data: course as object },
    ...lectures.map(({ id: lectureId, ...lecture }) => ({
      path: `courses/${id}/lectures/${lectureId}`,
      data: lecture as object,
    })),
  ]);
  const batches: (typeof writes)[] = [];
  for (let i = 0; i < writes.length; i += 450) batches.push(writes.slice(i, i + 450));
  await mapLimit(batches, 2, async (chunk) => {
    const batch = db.batch();
    for (const w of chunk) batch.set(db.doc(w.path), w.data);
    await batch.commit();
  });
  return writes.length;
}
