// Seeded follows (issue 16 §3): who follows which educator. The demo learner follows the demo
// educator, so scheduling a session as the educator on `npm start` notifies her (Settings →
// "Educators you follow"). Each educator's public followerCount is derived from this list.
import { DEMO_EDUCATOR, DEMO_LEARNER } from '../demo-accounts';

/** [followerId, educatorId, days ago]. */
export const FOLLOWS: readonly (readonly [string, string, number])[] = [
  [DEMO_LEARNER.uid, DEMO_EDUCATOR.uid, 20],
  ['u-sofia-rossi', DEMO_EDUCATOR.uid, 41],
  ['u-liam-oconnor', DEMO_EDUCATOR.uid, 33],
  ['u-mateo-silva', DEMO_EDUCATOR.uid, 12],
  ['u-yuki-sato', DEMO_EDUCATOR.uid, 5],
  [DEMO_LEARNER.uid, 'u-priya-sharma', 18],
  ['u-kenji-tanaka', 'u-priya-sharma', 30],
  ['u-hannah-schmidt', 'u-kenji-tanaka', 9],
];
