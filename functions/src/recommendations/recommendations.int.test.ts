import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { searchTokens } from '@skillverse/domain/courses-api';
import { courseEmbeddingText, profileEmbeddingText } from '@skillverse/domain/recommendations';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Firestore } from 'firebase-admin/firestore';
import {
  deleteUserData,
  emulatorsRunning,
  isolatedDb,
  seedProfile,
  testDb,
  uniqueId,
  waitForDoc,
} from '../../test/emulator';
import { computeRecommendations } from './compute-recommendations';
import { recommendationsRef } from '../lib/data/users';
import { COURSE_EMBEDDINGS } from '../lib/data/course-embeddings';

// Tests that call the handler directly work in a database no deployed trigger watches, so the
// recommendation triggers can't race them; the trigger test uses the default database.
const users: string[] = [];
const courses: string[] = [];
const enrollments: string[] = [];
afterAll(async () => {
  if (!emulatorsRunning) return;
  for (const db of [testDb(), isolatedDb()]) {
    for (const uid of users) await deleteUserData(db, uid);
    for (const id of courses) {
      await db.recursiveDelete(db.doc(`courses/${id}`));
      await db.doc(`${COURSE_EMBEDDINGS}/${id}`).delete();
    }
    for (const id of enrollments) await db.doc(`enrollments/${id}`).delete();
  }
});

/** A word unique to this run, so only this test's courses match it. */
const word = (prefix: string) =>
  `${prefix}${uniqueId('w')
    .replace(/[^a-z0-9]/gi, '')
    .toLowerCase()}`;
const skill = (name: string) => ({ name, level: 'beginner' });

async function user(db: Firestore, overrides: Record<string, unknown> = {}): Promise<string> {
  const uid = uniqueId('rec');
  users.push(uid);
  await seedProfile(db, uid, { onboarded: true, ...overrides });
  return uid;
}

async function course(
  db: Firestore,
  fields: {
    title: string;
    tags?: string[];
    category?: string;
    status?: string;
    instructorId?: string;
  },
): Promise<string> {
  const id = uniqueId('rcourse');
  courses.push(id);
  const tags = fields.tags ?? [];
  const category = fields.category ?? 'Programming';
  await db.doc(`courses/${id}`).set({
    instructorId: fields.instructorId ?? 'someone-else',
    instructorName: 'Tess Teacher',
    title: fields.title,
    description: 'Made by a recommendations test.',
    category,
    tags,
    level: 'beginner',
    price: 0,
    currency: 'USD',
    thumbnailUrl: null,
    status: fields.status ?? 'published',
    rating: { average: 4.5, count: 2 },
    // Among the most popular, so the popular-courses query always picks them up.
    enrollmentCount: 100_000,
    searchTokens: searchTokens(fields.title, tags, 'Tess Teacher', category),
    createdAt: new Date(),
    updatedAt: new Date(),
  });
  return id;
}

async function enrolment(db: Firestore, uid: string, courseId: string, completed = false): Promise<void> {
  const id = `${courseId}_${uid}`;
  enrollments.push(id);
  await db.doc(`enrollments/${id}`).set({
    uid,
    courseId,
    instructorId: 'someone-else',
    status: 'active',
    source: 'free',
    completedLectureIds: [],
    progress: completed ? 100 : 10,
    completedAt: completed ? new Date() : null,
    createdAt: new Date(),
  });
}

describe.skipIf(!emulatorsRunning)('recommendations without OpenAI (tag and category overlap)', () => {
  it('recommends matching published courses with reasons, excluding mine, my enrolments and drafts; a repeat run writes nothing', async () => {
    const db = isolatedDb();
    const want = word('want');
    const like = word('like');
    const me = await user(db, { interests: [like], desiredSkills: [skill(want)] });
    const wanted = await course(db, { title: `Intro to ${want}`, tags: [want] });
    const liked = await course(db, { title: 'Something else', tags: [like] });
    const draft = await course(db, { title: `Draft ${want}`, tags: [want], status: 'draft' });
    const mine = await course(db, { title: `My ${want}`, tags: [want], instructorId: me });
    const taken = await course(db, { title: `Taken ${want}`, tags: [want] });
    await enrolment(db, me, taken);

    const now = new Date('2026-11-25T10:00:00Z');
    const first = await computeRecommendations({ db, now }, me);
    expect(first.action).toBe('written');
    expect(first.method).toBe('overlap');
    const ids = first.items.map((r) => r.courseId);
    expect(ids.slice(0, 2)).toEqual([wanted, liked]);
    for (const excluded of [draft, mine, taken]) expect(ids).not.toContain(excluded);
    expect(first.items[0]).toMatchObject({
      title: `Intro to ${want}`,
      score: 45,
      reasons: [`Teaches ${want}, which you want to learn`],
    });
    expect(first.items[1]?.reasons).toEqual([`Matches your interest in ${like}`]);
    // Bounded: a handful of limited queries.
    expect(first.documentsRead).toBeLessThanOrEqual(1 + 100 + 100 + 100 + 100 + 300 + 1);

    const stored = await recommendationsRef(db, me).get();
    expect(stored.get('method')).toBe('overlap');
    expect(stored.get('items')).toEqual(first.items);
    expect(stored.get('computedAt').toDate()).toEqual(now);

    const again = await computeRecommendations({ db, now: new Date('2026-11-26T10:00:00Z') }, me);
    expect(again.action).toBe('unchanged');
    expect(again.items).toEqual(first.items);
    expect((await recommendationsRef(db, me).get()).get('computedAt').toDate()).toEqual(now);
  });

  it('recommends what similar learners completed', async () => {
    const db = isolatedDb();
    const shared = await course(db, { title: `Shared ${word('s')}` });
    const next = await course(db, { title: `Next step ${word('n')}` });
    const me = await user(db);
    const peer = await user(db);
    await enrolment(db, me, shared);
    await enrolment(db, peer, shared, true);
    await enrolment(db, peer, next, true);

    const result = await computeRecommendations({ db, now: new Date() }, me);
    const rec = result.items.find((r) => r.courseId === next);
    expect(rec).toMatchObject({ score: 10, reasons: ['Learners like you completed this'] });
    expect(result.items.map((r) => r.courseId)).not.toContain(shared);
  });

  it('recomputes through the deployed triggers when interests change and when the learner enrols', {
    timeout: 120_000,
  }, async () => {
    const db = testDb();
    const topic = word('topic');
    const first = await course(db, { title: `All about ${topic}`, tags: [topic] });
    const second = await course(db, { title: `More ${topic}`, tags: [topic] });
    const me = await user(db);
    await db.doc(`users/${me}`).update({ interests: [topic] });
    // Trigger deliveries can lag on a busy machine: wait generously.
    const written = await waitForDoc(
      recommendationsRef(db, me),
      (s) => ((s.get('items') as { courseId: string }[] | undefined) ?? []).some((r) => r.courseId === first),
      45_000,
    );
    expect((written.get('items') as { courseId: string }[]).map((r) => r.courseId)).toContain(second);

    await enrolment(db, me, first);
    await waitForDoc(
      recommendationsRef(db, me),
      (s) => !((s.get('items') as { courseId: string }[]) ?? []).some((r) => r.courseId === first),
      45_000,
    );
  });
});

describe.skipIf(!emulatorsRunning)('recommendations with OpenAI embeddings (fake server)', () => {
  let server: Server;
  let baseURL = '';
  const requests: string[][] = [];
  const vectors = new Map<string, number[]>();

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => {
        body += c;
      });
      req.on('end', () => {
        if (req.method !== 'POST' || req.url !== '/v1/embeddings') {
          res.writeHead(404).end();
          return;
        }
        const parsed = JSON.parse(body) as { input: string[]; model: string };
        requests.push(parsed.input);
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({
            object: 'list',
            model: parsed.model,
            data: parsed.input.map((text, index) => ({
              object: 'embedding',
              index,
              // Anything this test did not plan is unrelated to the profile.
              embedding: vectors.get(text) ?? [0, 0, 1],
            })),
            usage: { prompt_tokens: 1, total_tokens: 1 },
          }),
        );
      });
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  });
  afterAll(() => {
    server?.close();
  });

  it('ranks by cosine similarity of stored course and profile embeddings, computed once per content change', async () => {
    const db = isolatedDb();
    const wish = word('castilian');
    const me = await user(db, { desiredSkills: [skill(wish)] });
    const spanishTitle = `Spanish for travellers ${word('t')}`;
    const spanish = await course(db, { title: spanishTitle, tags: ['languages'], category: 'Languages' });
    const pottery = await course(db, {
      title: `Pottery ${word('p')}`,
      tags: ['clay'],
      category: 'Personal Development',
    });
    const profileText = profileEmbeddingText({ desiredSkills: [skill(wish)] });
    const spanishText = courseEmbeddingText({
      title: spanishTitle,
      category: 'Languages',
      tags: ['languages'],
      description: 'Made by a recommendations test.',
    });
    vectors.set(profileText, [1, 0, 0]);
    vectors.set(spanishText, [0.9, 0.4359, 0]);

    const embeddings = { apiKey: 'sk-test', baseURL };
    const first = await computeRecommendations({ db, now: new Date(), embeddings }, me);
    expect(first.method).toBe('embeddings');
    expect(requests).toHaveLength(1);
    expect(requests[0]).toContain(profileText);
    expect(requests[0]).toContain(spanishText);
    expect(first.items[0]).toMatchObject({
      courseId: spanish,
      score: 54,
      reasons: [`Close to what you’re into: ${wish}`],
    });
    // Pottery is unrelated to the profile: at most it fills the list as a popular course.
    const potteryRec = first.items.find((r) => r.courseId === pottery);
    if (potteryRec) expect(potteryRec.reasons).toEqual(['Popular with learners']);
    expect(first.items.findIndex((r) => r.courseId === pottery)).not.toBe(0);
    const stored = await db.doc(`${COURSE_EMBEDDINGS}/${spanish}`).get();
    expect(stored.get('vector')).toEqual([0.9, 0.4359, 0]);
    expect((await db.doc(`users/${me}/private/embedding`).get()).get('vector')).toEqual([1, 0, 0]);

    // Nothing changed: no API call, the same result, nothing written.
    const again = await computeRecommendations({ db, now: new Date(), embeddings }, me);
    expect(requests).toHaveLength(1);
    expect(again.action).toBe('unchanged');
    expect(again.items).toEqual(first.items);

    // The course's content changes: only that course is embedded again.
    await db.doc(`courses/${pottery}`).update({ tags: ['clay', 'wheel'] });
    await computeRecommendations({ db, now: new Date(), embeddings }, me);
    expect(requests).toHaveLength(2);
    expect(requests[1]).toHaveLength(1);
    expect(requests[1]?.[0]).toContain('Pottery');
  });

  it('falls back to overlap when the embeddings API fails', async () => {
    const db = isolatedDb();
    const want = word('want');
    const me = await user(db, { desiredSkills: [skill(want)] });
    const wanted = await course(db, { title: `Intro to ${want}`, tags: [want] });
    const result = await computeRecommendations(
      { db, now: new Date(), embeddings: { apiKey: 'sk-test', baseURL: `${baseURL}/broken` } },
      me,
    );
    expect(result.method).toBe('overlap');
    expect(result.items[0]).toMatchObject({
      courseId: wanted,
      reasons: [`Teaches ${want}, which you want to learn`],
    });
  });
});
