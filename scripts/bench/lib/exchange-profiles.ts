// Synthetic skill-exchange profiles for scripts/bench/exchange.ts: deterministic (seeded PRNG),
// varied and skewed the way real skill lists are — a few skills everybody offers or wants
// (English, Python, guitar…), a long tail nobody else has — and spelled the way people type them
// ('JS', 'Node.js', 'Ux design'), so the normalised keys are the ones the matching code derives.
import { emptyStats } from '@skillverse/domain/gamification';
import { type AccountStatus, SKILL_LEVELS, type Skill, WEEKDAYS } from '@skillverse/domain/models';
import { normalisedSkillKeys } from '@skillverse/domain/skills';

/** Display spellings per skill, most popular first (popularity falls off as 1/rank). */
const SKILLS: readonly (readonly string[])[] = [
  ['English', 'Spoken English', 'English conversation'],
  ['Python', 'python3', 'Py'],
  ['Spanish'],
  ['Guitar', 'Acoustic guitar'],
  ['JavaScript', 'JS', 'Javascript'],
  ['Photography', 'Digital photography'],
  ['Excel', 'Microsoft Excel'],
  ['Public speaking'],
  ['UX design', 'User experience', 'UI/UX'],
  ['Machine learning', 'ML'],
  ['French'],
  ['Cooking'],
  ['Piano'],
  ['React', 'React.js', 'ReactJS'],
  ['Data science'],
  ['Yoga'],
  ['German'],
  ['SQL'],
  ['Graphic design'],
  ['Japanese'],
  ['Drawing'],
  ['Video editing'],
  ['Marketing'],
  ['SEO', 'Search engine optimization'],
  ['TypeScript', 'TS'],
  ['Node.js', 'Node', 'NodeJS'],
  ['Mandarin'],
  ['Writing'],
  ['Chess'],
  ['Singing'],
  ['Java'],
  ['Figma'],
  ['Swift'],
  ['Italian'],
  ['Accounting'],
  ['Watercolour'],
  ['Go', 'Golang'],
  ['Kubernetes', 'K8s'],
  ['Docker'],
  ['Portuguese'],
  ['Korean'],
  ['Arabic'],
  ['Statistics'],
  ['Calculus'],
  ['Physics'],
  ['Baking'],
  ['Knitting'],
  ['Gardening'],
  ['Running'],
  ['Meditation'],
  ['Salsa'],
  ['Drums'],
  ['Violin'],
  ['Music production'],
  ['3D modelling'],
  ['Blender'],
  ['Unity'],
  ['C++', 'cpp'],
  ['C#', 'C sharp'],
  ['Rust'],
  ['PostgreSQL', 'Postgres'],
  ['AWS'],
  ['Product management'],
  ['Negotiation'],
  ['Copywriting'],
  ['Sign language'],
  ['Calligraphy'],
  ['Pottery'],
  ['Woodworking'],
  ['Sewing'],
  ['Bookkeeping'],
  ['Personal finance'],
  ['Investing'],
  ['Nutrition'],
  ['Rock climbing'],
  ['Surfing'],
  ['Swimming'],
  ['Tennis'],
  ['Hindi'],
  ['Russian'],
  ['Turkish'],
  ['Dutch'],
  ['Swedish'],
  ['Greek'],
  ['Latin'],
  ['Improv'],
  ['Storytelling'],
  ['Podcasting'],
  ['Film photography'],
  ['Wine tasting'],
  ['Bartending'],
  ['Magic tricks'],
  ['Origami'],
  ['Beekeeping'],
  ['Astronomy'],
  ['Ukulele'],
  ['Saxophone'],
  ['DJing'],
  ['Excel VBA'],
  ['Power BI'],
  ['Tableau'],
  ['R programming'],
  ['Linux'],
  ['Cybersecurity'],
  ['Flutter'],
  ['Kotlin'],
  ['Vue', 'Vue.js'],
  ['Angular'],
  ['Django'],
  ['Natural language processing', 'NLP'],
  ['Resume writing'],
  ['Interview coaching'],
  ['Sketchnoting'],
  ['Embroidery'],
  ['Bread making'],
  ['Fermentation'],
  ['Home repair'],
  ['Car maintenance'],
  ['First aid'],
  ['Bouldering'],
  ['Birdwatching'],
];

const TIME_ZONES = [
  'UTC',
  'Europe/London',
  'Europe/Madrid',
  'Europe/Berlin',
  'Africa/Lagos',
  'Asia/Kolkata',
  'Asia/Tokyo',
  'Asia/Singapore',
  'Australia/Sydney',
  'America/New_York',
  'America/Chicago',
  'America/Los_Angeles',
  'America/Sao_Paulo',
  'America/Mexico_City',
];

/** mulberry32: a small, fast, seedable PRNG, so every run seeds the same people. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CUMULATIVE = (() => {
  const out: number[] = [];
  let sum = 0;
  for (let rank = 1; rank <= SKILLS.length; rank++) {
    sum += 1 / rank;
    out.push(sum);
  }
  return out.map((c) => c / sum);
})();

function pickSkillIndex(rand: () => number): number {
  const r = rand();
  const i = CUMULATIVE.findIndex((c) => r <= c);
  return i === -1 ? SKILLS.length - 1 : i;
}

function pick<T>(rand: () => number, items: readonly T[]): T {
  return items[Math.floor(rand() * items.length)] as T;
}

function distinctSkills(rand: () => number, count: number, exclude: Set<number>): number[] {
  const out: number[] = [];
  for (let tries = 0; out.length < count && tries < 50; tries++) {
    const i = pickSkillIndex(rand);
    if (!exclude.has(i) && !out.includes(i)) out.push(i);
  }
  return out;
}

function skill(rand: () => number, index: number): Skill {
  return { name: pick(rand, SKILLS[index] ?? ['Chess']), level: pick(rand, SKILL_LEVELS) };
}

/** 1–4 weekly slots of one to three hours, in the person's own time zone. */
function availability(rand: () => number) {
  const slots = [];
  const n = 1 + Math.floor(rand() * 4);
  for (let i = 0; i < n; i++) {
    const startMin = (8 + Math.floor(rand() * 13)) * 60;
    slots.push({ day: pick(rand, WEEKDAYS), startMin, endMin: startMin + 60 * (1 + Math.floor(rand() * 3)) });
  }
  return slots;
}

/** Profile i of the synthetic population: users/{uid} as the app stores it, keys included. */
export function syntheticProfile(i: number, uid: string, now: Date): Record<string, unknown> {
  const rand = prng(0x5eed + i * 7919);
  const offered = distinctSkills(rand, 1 + Math.floor(rand() * 3) + (rand() < 0.2 ? 1 : 0), new Set());
  const desired = distinctSkills(rand, 1 + Math.floor(rand() * 3), new Set(offered));
  const offeredSkills = offered.map((s) => skill(rand, s));
  const desiredSkills = desired.map((s) => skill(rand, s));
  const keys = normalisedSkillKeys({ offeredSkills, desiredSkills });
  const ratingCount = rand() < 0.6 ? Math.floor(rand() * 12) : 0;
  const received = Math.floor(rand() * 10);
  const status: AccountStatus = rand() < 0.98 ? 'active' : 'suspended';
  return profileDoc(uid, `Bench person ${i}`, now, {
    headline: `Offers ${offeredSkills.map((s) => s.name).join(', ')}`,
    offeredSkills,
    desiredSkills,
    offeredSkillKeys: keys.offered,
    desiredSkillKeys: keys.desired,
    availability: availability(rand),
    timezone: pick(rand, TIME_ZONES),
    rating: { average: ratingCount ? Math.round((3 + rand() * 2) * 10) / 10 : 0, count: ratingCount },
    stats: {
      ...emptyStats(),
      exchangesCompleted: Math.floor(rand() * 6),
      requestsReceived: received,
      requestsAnswered: Math.floor(received * rand()),
    },
    status,
  });
}

/** A users/{uid} document shaped like an onboarded account's, with `fields` on top. */
export function profileDoc(
  uid: string,
  displayName: string,
  now: Date,
  fields: Record<string, unknown>,
): Record<string, unknown> {
  return {
    uid,
    displayName,
    photoURL: null,
    bio: '',
    headline: '',
    interests: [],
    skills: [],
    offeredSkills: [],
    desiredSkills: [],
    offeredSkillKeys: [],
    desiredSkillKeys: [],
    availability: [],
    timezone: 'UTC',
    onboarded: true,
    firstGoal: 'exchange',
    roles: ['learner'],
    status: 'active',
    rating: { average: 0, count: 0 },
    stats: emptyStats(),
    createdAt: now,
    updatedAt: now,
    ...fields,
  };
}

/** The person whose matches are timed: popular skills on both sides, so both queries fill up. */
export function measuredProfile(uid: string, now: Date): Record<string, unknown> {
  const offeredSkills: Skill[] = [
    { name: 'Spanish', level: 'expert' },
    { name: 'Guitar', level: 'intermediate' },
  ];
  const desiredSkills: Skill[] = [
    { name: 'Python', level: 'beginner' },
    { name: 'UX design', level: 'beginner' },
    { name: 'Machine learning', level: 'beginner' },
  ];
  const keys = normalisedSkillKeys({ offeredSkills, desiredSkills });
  return profileDoc(uid, 'Bench measured person', now, {
    offeredSkills,
    desiredSkills,
    offeredSkillKeys: keys.offered,
    desiredSkillKeys: keys.desired,
    availability: [
      { day: 'tue', startMin: 18 * 60, endMin: 20 * 60 },
      { day: 'sat', startMin: 10 * 60, endMin: 12 * 60 },
    ],
    timezone: 'Europe/Madrid',
  });
}
