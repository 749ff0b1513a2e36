import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { normaliseSkill } from '@skillverse/domain/skills';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteUserData, emulatorsRunning, seedProfile, testDb, uniqueId } from '../../test/emulator';
import { CANDIDATE_LIMIT, candidateQueries, handleProfileWrite, needsRecompute } from './recompute-matches';
import { embeddingSimilarity } from './skill-embeddings';
import { SKILL_EMBEDDINGS, SKILLS } from '../lib/data/skills';
import { refreshSkillDirectory } from './skill-directory';
import { computeNeighbours } from './skill-neighbours';

const cleanup: string[] = [];
const embeddingKeys: string[] = [];
afterAll(async () => {
  if (!emulatorsRunning) return;
  const db = testDb();
  for (const uid of cleanup) await deleteUserData(db, uid);
  for (const key of embeddingKeys) await db.collection(SKILL_EMBEDDINGS).doc(key).delete();
  for (const key of directoryKeys) await db.collection(SKILLS).doc(key).delete();
});
const directoryKeys: string[] = [];

const skill = (name: string) => ({ name, level: 'intermediate' });

/** A profile with skills whose names are unique to this run, so other data never matches. */
async function person(offers: string[], wants: string[], extra: Record<string, unknown> = {}) {
  const db = testDb();
  const uid = uniqueId('match');
  cleanup.push(uid);
  const data = {
    offeredSkills: offers.map(skill),
    desiredSkills: wants.map(skill),
    offeredSkillKeys: offers.map(normaliseSkill),
    desiredSkillKeys: wants.map(normaliseSkill),
    onboarded: true,
    ...extra,
  };
  await seedProfile(db, uid, data);
  return { uid, data: (await db.doc(`users/${uid}`).get()).data() ?? {} };
}

describe.skipIf(!emulatorsRunning)('skill matching', () => {
  it('finds people who offer what I want or want what I offer with two limited queries, reading nobody else', async () => {
    const db = testDb();
    const tag = uniqueId('sk');
    const X = `Teach ${tag}`;
    const Y = `Learn ${tag}`;
    const both = await person([Y], [X], { rating: { average: 5, count: 2 } });
    const offersOnly = await person([Y], [`Other ${tag}`]);
    const wantsOnly = await person([`Else ${tag}`], [X]);
    for (let i = 0; i < 5; i++) await person([`Unrelated ${tag} ${i}`], [`Nothing ${tag} ${i}`]);
    const me = await person([X], [Y]);

    const queries = candidateQueries(db, { offered: [normaliseSkill(X)], desired: [normaliseSkill(Y)] });
    expect(queries).toHaveLength(2);

    const result = await handleProfileWrite(db, me.uid, null, me.data);
    expect(result.action).toBe('recomputed');
    expect(result.queries).toBe(2);
    // `both` comes back from both queries; the five unrelated people are never read.
    expect(result.candidatesRead).toBe(4);
    expect(result.candidatesRead).toBeLessThanOrEqual(2 * CANDIDATE_LIMIT);
    // No matches yet: the candidates are all it read; it set three matches on each side.
    expect(result.documentsRead).toBe(4);
    expect(result.documentsWritten).toBe(6);
    expect(new Set(result.matches)).toEqual(new Set([both.uid, offersOnly.uid, wantsOnly.uid]));
    expect(result.matches[0]).toBe(both.uid);
    expect(result.scores[both.uid]?.breakdown.skills).toBe(40);
    expect(result.scores[offersOnly.uid]?.breakdown.skills).toBe(20);
    expect(result.scores[both.uid]?.breakdown.rating).toBe(20);

    const mine = await db.doc(`users/${me.uid}/matches/${both.uid}`).get();
    expect(mine.data()).toMatchObject({
      score: result.scores[both.uid]?.score,
      theyOffer: [Y],
      theyWant: [X],
      displayName: `Test ${both.uid}`,
    });
    const reciprocal = await db.doc(`users/${both.uid}/matches/${me.uid}`).get();
    expect(reciprocal.get('theyOffer')).toEqual([X]);
    expect(reciprocal.get('displayName')).toBe(`Test ${me.uid}`);

    // Stop wanting Y: the people who only offered Y are no longer matches, on either side.
    const after = { ...me.data, desiredSkills: [skill(`Nobody ${tag}`)] };
    await db.doc(`users/${me.uid}`).update({ desiredSkills: after.desiredSkills });
    const again = await handleProfileWrite(db, me.uid, me.data, after);
    expect(new Set(again.matches)).toEqual(new Set([both.uid, wantsOnly.uid]));
    // The candidates plus its three existing matches; two kept (set) and one removed, both sides.
    expect(again.documentsRead).toBe(again.candidatesRead + 3);
    expect(again.documentsWritten).toBe(6);
    expect((await db.doc(`users/${me.uid}/matches/${offersOnly.uid}`).get()).exists).toBe(false);
    expect((await db.doc(`users/${offersOnly.uid}/matches/${me.uid}`).get()).exists).toBe(false);
    expect((await db.doc(`users/${me.uid}`).get()).get('desiredSkillKeys')).toEqual([
      normaliseSkill(`Nobody ${tag}`),
    ]);
  });

  it('writes the normalised skill keys and does not loop on its own write', async () => {
    const db = testDb();
    const { uid, data } = await person([], []);
    const profile: Record<string, unknown> = {
      ...data,
      offeredSkills: [skill('JS')],
      desiredSkills: [skill('Py')],
    };
    delete profile.offeredSkillKeys;
    delete profile.desiredSkillKeys;
    expect(needsRecompute(data, profile)).toBe(true);
    const first = await handleProfileWrite(db, uid, data, profile);
    expect(first.keysWritten).toBe(true);
    const stored = (await db.doc(`users/${uid}`).get()).data() ?? {};
    expect(stored.offeredSkillKeys).toEqual(['javascript']);
    expect(stored.desiredSkillKeys).toEqual(['python']);
    // The trigger's own write of the keys: nothing matching depends on changed.
    const withKeys = { ...profile, offeredSkillKeys: ['javascript'], desiredSkillKeys: ['python'] };
    expect((await handleProfileWrite(db, uid, profile, withKeys)).action).toBe('skipped');
    // Unrelated profile edits (bio) do not recompute either.
    expect((await handleProfileWrite(db, uid, withKeys, { ...withKeys, bio: 'new bio' })).action).toBe(
      'skipped',
    );
  });
});

describe.skipIf(!emulatorsRunning)('matching that understands synonyms (skill neighbours)', () => {
  it('matches "JavaScript" with "Modern JavaScript", which exact keys never met, and says why', async () => {
    const db = testDb();
    const tag = uniqueId('syn')
      .replace(/[^a-z0-9]/gi, '')
      .toLowerCase();
    const offered = `Modern JavaScript ${tag}`;
    const wanted = `JavaScript ${tag}`;
    directoryKeys.push(normaliseSkill(offered), normaliseSkill(wanted));
    const teacher = await person([offered], [`Pottery ${tag}`]);
    const learner = await person([`Weaving ${tag}`], [wanted]);
    // The directory trigger's work, done here so the test does not wait for it.
    await refreshSkillDirectory(db, [normaliseSkill(offered)], teacher.data);
    await refreshSkillDirectory(db, [normaliseSkill(wanted)], learner.data);
    const stored = await db.collection(SKILLS).doc(normaliseSkill(offered)).get();
    expect(stored.get('neighbours')).toEqual([
      { key: normaliseSkill(wanted), similarity: 0.85, source: 'contains' },
    ]);

    // Today's behaviour (exact keys only, no neighbours): the teacher is never a candidate.
    const exactOnly = await handleProfileWrite(db, learner.uid, null, learner.data, {
      neighboursFor: async () => new Map(),
    });
    expect(exactOnly.matches).not.toContain(teacher.uid);

    const result = await handleProfileWrite(db, learner.uid, null, learner.data);
    const score = result.scores[teacher.uid];
    // SPEC §5.3 unchanged: the close skill earns its similarity's share of the 20.
    expect(score?.breakdown.skills).toBe(Math.round(20 * 0.85));
    expect(score?.breakdown.semantic).toBe(true);
    expect(score?.theyOffer).toEqual([offered]);
    const card = await db.doc(`users/${learner.uid}/matches/${teacher.uid}`).get();
    expect(card.get('reasons')).toEqual([{ side: 'theyOffer', wanted, offered, kind: 'similar' }]);
    // And the other way round, on the teacher's side.
    const theirs = await db.doc(`users/${teacher.uid}/matches/${learner.uid}`).get();
    expect(theirs.get('reasons')).toContainEqual({ side: 'theyWant', wanted, offered, kind: 'similar' });

    // Idempotent: running it again writes the same cards.
    const again = await handleProfileWrite(db, learner.uid, null, learner.data);
    expect(again.scores[teacher.uid]?.score).toBe(score?.score);
  });
});

describe.skipIf(!emulatorsRunning)('semantic matching with OpenAI embeddings (fake server)', () => {
  let server: Server;
  let baseURL = '';
  const requests: { input: string[]; auth: string | undefined }[] = [];
  const tag = uniqueId('emb').replace(/-/g, '').toLowerCase();
  const vectors: Record<string, number[]> = {
    [`spanish ${tag}`]: [1, 0, 0],
    [`castilian ${tag}`]: [0.85, 0.5, 0],
    [`python ${tag}`]: [0, 1, 0],
    [`pottery ${tag}`]: [0, 0, 1],
  };
  embeddingKeys.push(...Object.keys(vectors));

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
        requests.push({ input: parsed.input, auth: req.headers.authorization });
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({
            object: 'list',
            model: parsed.model,
            data: parsed.input.map((text, index) => ({
              object: 'embedding',
              index,
              embedding: vectors[text] ?? [0.1, 0.1, 0.1],
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
  afterAll(async () => {
    server?.close();
  });

  it('embeds each skill once, caches it in skillEmbeddings and compares by cosine similarity', async () => {
    const db = testDb();
    const keys = Object.keys(vectors);
    const similarity = await embeddingSimilarity(db, keys, { apiKey: 'sk-test', baseURL });
    expect(similarity).not.toBeNull();
    expect(requests).toHaveLength(1);
    expect(requests[0]?.auth).toBe('Bearer sk-test');
    expect(new Set(requests[0]?.input)).toEqual(new Set(keys));
    expect(similarity?.(`spanish ${tag}`, `castilian ${tag}`)).toBeCloseTo(0.862, 2);
    expect(similarity?.(`spanish ${tag}`, `pottery ${tag}`)).toBe(0);
    const cached = await db.collection(SKILL_EMBEDDINGS).doc(`python ${tag}`).get();
    expect(cached.get('vector')).toEqual([0, 1, 0]);

    await embeddingSimilarity(db, keys, { apiKey: 'sk-test', baseURL });
    expect(requests).toHaveLength(1);
  });

  it('gives partial credit for a semantic near-match on the side without an exact one', async () => {
    const db = testDb();
    const them = await person([`Python ${tag}`], [`Castilian ${tag}`]);
    const me = await person([`Spanish ${tag}`], [`Python ${tag}`]);
    const deps = {
      similarityFor: (keys: string[]) => embeddingSimilarity(db, keys, { apiKey: 'sk-test', baseURL }),
    };
    const result = await handleProfileWrite(db, me.uid, null, me.data, deps);
    const score = result.scores[them.uid];
    expect(score?.breakdown.semantic).toBe(true);
    expect(score?.breakdown.skills).toBeGreaterThan(20);
    expect(score?.breakdown.skills).toBeLessThan(40);
    expect(score?.theyWant).toEqual([`Castilian ${tag}`]);

    // Without a key (no similarity), the same pair gets the one-sided 20.
    const plain = await handleProfileWrite(db, me.uid, null, me.data);
    expect(plain.scores[them.uid]?.breakdown.skills).toBe(20);
  });

  it('keeps embedding neighbours for a skill in the directory', async () => {
    const neighbours = await computeNeighbours(`spanish ${tag}`, [`castilian ${tag}`, `pottery ${tag}`], {
      similarityFor: (keys) => embeddingSimilarity(testDb(), keys, { apiKey: 'sk-test', baseURL }),
    });
    expect(neighbours).toHaveLength(1);
    expect(neighbours[0]).toMatchObject({ key: `castilian ${tag}`, source: 'embedding' });
    expect(neighbours[0]?.similarity).toBeCloseTo(0.862, 2);
  });

  it('falls back to normalised comparison when the embeddings API fails', async () => {
    const db = testDb();
    const similarity = await embeddingSimilarity(db, [`unknown ${tag}`], {
      apiKey: 'sk-test',
      baseURL: `${baseURL}/broken`,
    });
    expect(similarity).toBeNull();
  });
});
