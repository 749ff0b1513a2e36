import { normaliseSkill } from '@skillverse/domain/skills';
import { afterAll, describe, expect, it } from 'vitest';
import { deleteUserData, emulatorsRunning, testDb, uniqueId } from '../../test/emulator';
import { refreshSkillDirectory, touchedSkillKeys } from './skill-directory';

describe('touchedSkillKeys', () => {
  it('lists the keys added to or removed from either list, once', () => {
    expect(
      touchedSkillKeys(
        { offeredSkillKeys: ['python', 'guitar'], desiredSkillKeys: ['spanish'] },
        { offeredSkillKeys: ['python', 'rust'], desiredSkillKeys: ['spanish', 'guitar'] },
      ),
    ).toEqual(['guitar', 'rust']);
    expect(touchedSkillKeys(null, { offeredSkillKeys: ['python'] })).toEqual(['python']);
    expect(touchedSkillKeys({ desiredSkillKeys: ['python'] }, null)).toEqual(['python']);
    expect(touchedSkillKeys({ offeredSkillKeys: ['a'] }, { offeredSkillKeys: ['a'], bio: 'x' })).toEqual([]);
  });
});

describe.skipIf(!emulatorsRunning)('skill directory (skills/{key})', () => {
  const uids: string[] = [];
  // A name the matching trigger normalises to the same key, so it leaves the test's keys alone.
  const name = `ZZ Test Skill ${uniqueId('k').replace(/[^A-Za-z0-9]/g, '')}`;
  const key = normaliseSkill(name);
  afterAll(async () => {
    await Promise.all(uids.map((uid) => deleteUserData(testDb(), uid)));
    await testDb().doc(`skills/${key}`).delete();
  });

  it('counts offerers and seekers exactly, however often it runs, and removes an unused skill', async () => {
    const db = testDb();
    const [a, b, c] = [uniqueId('sd-a'), uniqueId('sd-b'), uniqueId('sd-c')];
    uids.push(a, b, c);
    const skill = { name, level: 'expert' };
    await db.doc(`users/${a}`).set({ offeredSkillKeys: [key], offeredSkills: [skill], desiredSkillKeys: [] });
    await db.doc(`users/${b}`).set({ offeredSkillKeys: [key], offeredSkills: [skill], desiredSkillKeys: [] });
    await db.doc(`users/${c}`).set({ desiredSkillKeys: [key], desiredSkills: [skill], offeredSkillKeys: [] });

    const profile = { offeredSkills: [skill] };
    await refreshSkillDirectory(db, [key], profile);
    await refreshSkillDirectory(db, [key], profile); // a repeated delivery changes nothing
    const doc = (await db.doc(`skills/${key}`).get()).data();
    expect(doc).toMatchObject({ key, offeredCount: 2, desiredCount: 1, userCount: 3 });
    expect(doc?.name).toBe(name);

    await Promise.all([a, b, c].map((uid) => db.doc(`users/${uid}`).delete()));
    await refreshSkillDirectory(db, [key], null);
    expect((await db.doc(`skills/${key}`).get()).exists).toBe(false);
  });

  it('skips (logs) a key too long to be a document id instead of failing forever under retry', async () => {
    const long = 'z'.repeat(2000);
    await expect(refreshSkillDirectory(testDb(), [long], null)).resolves.toEqual({});
  });
});
