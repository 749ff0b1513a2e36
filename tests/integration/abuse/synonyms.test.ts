// Matching that understands synonyms (issue 16 item 8): skill neighbours widen who meets whom, so
// the directory's neighbour lists and the match cards' reasons are server-owned. An attacker cannot
// plant neighbours to reach everyone, write their own match or its explanation, or stuff the
// indexed skill keys; and a match (honest or not) mints nothing — it is a suggestion.
import { doc, setDoc, updateDoc } from 'firebase/firestore';
import { normaliseSkill } from '@skillverse/domain/skills';
import { afterAll, describe, expect, it } from 'vitest';
import {
  closeAttackers,
  emulatorsRunning,
  expectNothingMinted,
  newAttacker,
  rewardsOf,
  testDb,
  uniqueId,
  waitFor,
} from './support';

afterAll(closeAttackers);

async function refused(write: Promise<unknown>): Promise<void> {
  await expect(write).rejects.toMatchObject({ code: 'permission-denied' });
}

describe.skipIf(!emulatorsRunning)('abuse: skill neighbours and match explanations', () => {
  it('cannot plant neighbours, write a match or its reasons, or stuff the skill keys', async () => {
    const mallory = await newAttacker('syn-mallory');
    const victim = await newAttacker('syn-victim');
    const before = await rewardsOf(mallory.uid);
    const tag = uniqueId('syn')
      .replace(/[^a-z0-9]/gi, '')
      .toLowerCase();

    // Make every popular skill a "neighbour" of one Mallory offers, so every seeker's query finds her.
    const planted = [{ key: `mallory ${tag}`, similarity: 1, source: 'related' }];
    await refused(setDoc(doc(mallory.db, 'skills', 'javascript'), { neighbours: planted }, { merge: true }));
    await refused(
      setDoc(doc(mallory.db, 'skills', `mallory ${tag}`), { key: `mallory ${tag}`, neighbours: [] }),
    );
    // Write herself into the victim's matches, or a flattering explanation into her own.
    const reasons = [{ side: 'theyOffer', wanted: 'JavaScript', offered: 'JS', kind: 'alias' }];
    await refused(
      setDoc(doc(mallory.db, `users/${victim.uid}/matches/${mallory.uid}`), { score: 100, reasons }),
    );
    await refused(
      setDoc(doc(mallory.db, `users/${mallory.uid}/matches/${victim.uid}`), { score: 100, reasons }),
    );
    // Stuff the indexed keys the candidate queries read with 30 popular skills.
    const keys = Array.from({ length: 30 }, (_, i) => `skill ${i}`);
    await refused(updateDoc(doc(mallory.db, 'users', mallory.uid), { offeredSkillKeys: keys }));

    expect((await testDb().doc('skills/javascript').get()).get('neighbours') ?? []).not.toContainEqual(
      planted[0],
    );
    expectNothingMinted(before, await rewardsOf(mallory.uid), 'planting neighbours and matches');
  });

  it('honest path: a close skill matches through the triggers, says why, and mints nothing', async () => {
    const teacher = await newAttacker('syn-teacher');
    const learner = await newAttacker('syn-learner');
    const tag = uniqueId('syn')
      .replace(/[^a-z0-9]/gi, '')
      .toLowerCase();
    const offered = `Modern JavaScript ${tag}`;
    const wanted = `JavaScript ${tag}`;
    const before = await Promise.all([rewardsOf(teacher.uid), rewardsOf(learner.uid)]);

    await updateDoc(doc(teacher.db, 'users', teacher.uid), {
      offeredSkills: [{ name: offered, level: 'expert' }],
    });
    await waitFor(
      async () =>
        (
          await testDb()
            .doc(`skills/${normaliseSkill(offered)}`)
            .get()
        ).get('userCount') === 1,
      { what: 'the directory entry of the offered skill' },
    );
    await updateDoc(doc(learner.db, 'users', learner.uid), {
      desiredSkills: [{ name: wanted, level: 'beginner' }],
    });
    const card = testDb().doc(`users/${learner.uid}/matches/${teacher.uid}`);
    await waitFor(async () => (await card.get()).exists, { what: 'the synonym match' });
    expect((await card.get()).get('reasons')).toEqual([
      { side: 'theyOffer', wanted, offered, kind: 'similar' },
    ]);
    // A close skill earns its similarity's share of the skills score (SPEC §5.3): 0.85 × 20.
    expect((await card.get()).get('breakdown.skills')).toBe(17);

    const after = await Promise.all([rewardsOf(teacher.uid), rewardsOf(learner.uid)]);
    expectNothingMinted(before[0], after[0], 'being matched');
    expectNothingMinted(before[1], after[1], 'being matched');
    await testDb()
      .doc(`skills/${normaliseSkill(offered)}`)
      .delete();
    await testDb()
      .doc(`skills/${normaliseSkill(wanted)}`)
      .delete();
  });
});
