// Seeded skill exchanges, one or more in every status of SPEC §5.3. Times are in hours relative
// to the seed's "now" (negative: in the past).
import type { ExchangeSessionStatus, ExchangeStatus, ExchangeTerms } from '@skillverse/domain/models';

export interface SeedExchangeMessage {
  from: string;
  text: string;
  at: number;
  attachments?: { name: string; url: string }[];
}

export interface SeedExchangeSession {
  at: number;
  durationMin: number;
  status: ExchangeSessionStatus;
  notes: string;
  createdBy: string;
}

export interface SeedExchangeFeedback {
  uid: string;
  rating: 1 | 2 | 3 | 4 | 5;
  comment: string;
  endorsedSkills: string[];
  at: number;
}

export interface SeedExchange {
  id: string;
  requesterId: string;
  providerId: string;
  offeredSkill: string;
  requestedSkill: string;
  message: string;
  status: ExchangeStatus;
  createdAt: number;
  updatedAt: number;
  terms?: ExchangeTerms;
  termsAcceptedBy?: string[];
  completedBy?: string[];
  messages?: SeedExchangeMessage[];
  sessions?: SeedExchangeSession[];
  feedback?: SeedExchangeFeedback[];
  typing?: { uid: string; typing: boolean; at: number }[];
}

const d = (days: number) => days * 24;

const WEEKLY_TERMS = (hours: number, notes?: string): ExchangeTerms => ({
  commitmentHours: hours,
  frequency: 'weekly',
  cancellationPolicy:
    'Reschedule with at least 24 hours notice; two missed sessions in a row ends the exchange.',
  ...(notes ? { notes } : {}),
});

export const EXCHANGES: readonly SeedExchange[] = [
  // ---------------------------------------------------------------- demo learner: active
  {
    id: 'x-lena-liam-python',
    requesterId: 'demo-learner',
    providerId: 'u-liam-oconnor',
    offeredSkill: 'Spanish',
    requestedSkill: 'Python',
    message:
      'Hi Liam! I saw you want to learn Spanish before your Andalucía trip. I am a native speaker and would love help automating my marketing reports in Python. One hour each way per week?',
    status: 'active',
    createdAt: -d(24),
    updatedAt: -d(1),
    terms: WEEKLY_TERMS(10, 'Alternate: Tuesday Python, Thursday Spanish. Sessions on video call.'),
    termsAcceptedBy: ['demo-learner', 'u-liam-oconnor'],
    completedBy: [],
    messages: [
      {
        from: 'demo-learner',
        text: 'Hi Liam! Thanks for accepting 😊 Does Tuesday evening work for the first Python session?',
        at: -d(22),
      },
      {
        from: 'u-liam-oconnor',
        text: '¡Hola Lena! Tuesday at 7pm my time (2pm yours) is perfect. Have Python 3 installed before then?',
        at: -d(22) + 3,
      },
      {
        from: 'demo-learner',
        text: 'Installed and I did the first lessons of Priya’s beginner course already.',
        at: -d(21),
      },
      {
        from: 'u-liam-oconnor',
        text: 'Great. Here is the CSV of fake campaign data we will clean together.',
        at: -d(15),
        attachments: [
          { name: 'campaign-sample.csv', url: 'https://example.com/skillverse/campaign-sample.csv' },
        ],
      },
      {
        from: 'demo-learner',
        text: 'Gracias. For Spanish on Thursday, try describing your last weekend in five sentences — we will correct it together.',
        at: -d(14),
      },
      { from: 'u-liam-oconnor', text: 'El sábado fui a la playa… that is all I have so far 😅', at: -d(8) },
      { from: 'demo-learner', text: '¡Muy bien! That is a perfect start. See you Thursday.', at: -d(8) + 2 },
      {
        from: 'u-liam-oconnor',
        text: 'Quick one: can we move next Tuesday 30 minutes later? Work stand-up moved.',
        at: -4,
      },
    ],
    sessions: [
      {
        at: -d(14),
        durationMin: 60,
        status: 'held',
        notes: 'Python: reading a CSV with the csv module, summing spend per channel.',
        createdBy: 'u-liam-oconnor',
      },
      {
        at: -d(12),
        durationMin: 60,
        status: 'held',
        notes: 'Spanish: greetings, ordering food, ser vs estar.',
        createdBy: 'demo-learner',
      },
      {
        at: -d(7),
        durationMin: 60,
        status: 'held',
        notes: 'Python: functions and a first weekly report script.',
        createdBy: 'u-liam-oconnor',
      },
      {
        at: d(2),
        durationMin: 60,
        status: 'scheduled',
        notes: 'Python: pandas groupby on the campaign data.',
        createdBy: 'u-liam-oconnor',
      },
      {
        at: d(4),
        durationMin: 60,
        status: 'scheduled',
        notes: 'Spanish: talking about plans with ir + a.',
        createdBy: 'demo-learner',
      },
    ],
    typing: [{ uid: 'u-liam-oconnor', typing: false, at: -4 }],
  },
  // ---------------------------------------------------------------- demo learner: pending, incoming
  {
    id: 'x-noah-lena-spanish',
    requesterId: 'u-noah-williams',
    providerId: 'demo-learner',
    offeredSkill: 'Guitar',
    requestedSkill: 'Spanish',
    message:
      'Hey Lena! I play guitar most days and you have guitar on your wishlist. Would you teach me some Spanish so I can read Latin American songbooks? Happy to start with chords and strumming.',
    status: 'pending',
    createdAt: -5,
    updatedAt: -5,
    termsAcceptedBy: [],
    completedBy: [],
    messages: [
      {
        from: 'u-noah-williams',
        text: 'I am in Sydney so weekends my morning / your evening could work well.',
        at: -4.5,
      },
    ],
  },
  // ---------------------------------------------------------------- demo learner: completed
  {
    id: 'x-sofia-lena-ux',
    requesterId: 'u-sofia-rossi',
    providerId: 'demo-learner',
    offeredSkill: 'UX Design',
    requestedSkill: 'Spanish',
    message:
      'Ciao Lena! I am moving to Valencia next year and need conversational Spanish. I can teach you UX research and Figma basics — useful for marketing landing pages.',
    status: 'completed',
    createdAt: -d(55),
    updatedAt: -d(28),
    terms: {
      commitmentHours: 8,
      frequency: 'weekly',
      cancellationPolicy: 'Let each other know a day before if something comes up.',
      notes: 'Four weeks, one hour each way per week.',
    },
    termsAcceptedBy: ['u-sofia-rossi', 'demo-learner'],
    completedBy: ['u-sofia-rossi', 'demo-learner'],
    messages: [
      { from: 'demo-learner', text: '¡Hola Sofia! Happy to help. Tuesdays work for me.', at: -d(54) },
      {
        from: 'u-sofia-rossi',
        text: 'Perfetto! I shared a Figma file with a landing page we can critique together.',
        at: -d(52),
      },
      { from: 'demo-learner', text: 'That usability test exercise was so useful, thank you!', at: -d(35) },
      {
        from: 'u-sofia-rossi',
        text: 'Grazie a te — I ordered dinner in Spanish last night without panicking 🎉',
        at: -d(29),
      },
    ],
    sessions: [
      {
        at: -d(49),
        durationMin: 60,
        status: 'held',
        notes: 'Spanish: introductions and ser vs estar.',
        createdBy: 'u-sofia-rossi',
      },
      {
        at: -d(45),
        durationMin: 60,
        status: 'held',
        notes: 'UX: heuristic review of Lena’s landing page.',
        createdBy: 'u-sofia-rossi',
      },
      {
        at: -d(38),
        durationMin: 60,
        status: 'held',
        notes: 'Spanish: ordering food, apartment hunting vocabulary.',
        createdBy: 'demo-learner',
      },
      {
        at: -d(31),
        durationMin: 60,
        status: 'held',
        notes: 'UX: planning and running a five-user usability test.',
        createdBy: 'u-sofia-rossi',
      },
    ],
    feedback: [
      {
        uid: 'u-sofia-rossi',
        rating: 5,
        comment:
          'Lena is a patient, funny teacher and corrected me without ever making me feel silly. ¡Gracias!',
        endorsedSkills: ['Spanish'],
        at: -d(28),
      },
      {
        uid: 'demo-learner',
        rating: 5,
        comment: 'Sofia taught me how to actually test a landing page instead of guessing. Highly recommend.',
        endorsedSkills: ['UX Design', 'Figma'],
        at: -d(28),
      },
    ],
  },
  // ---------------------------------------------------------------- demo learner: pending, outgoing
  {
    id: 'x-lena-mateo-guitar',
    requesterId: 'demo-learner',
    providerId: 'u-mateo-silva',
    offeredSkill: 'Social Media Marketing',
    requestedSkill: 'Guitar',
    message:
      'Olá Mateo! I would love help with guitar basics, and I can help you plan social posts for your next release. Interested?',
    status: 'pending',
    createdAt: -d(2),
    updatedAt: -d(2),
    termsAcceptedBy: [],
    completedBy: [],
  },
  // ---------------------------------------------------------------- demo learner: rejected
  {
    id: 'x-lena-marcus-speaking',
    requesterId: 'demo-learner',
    providerId: 'u-marcus-johnson',
    offeredSkill: 'Social Media Marketing',
    requestedSkill: 'Public Speaking',
    message:
      'Hi Marcus, I present our campaign results every month and freeze up. Would you swap some coaching for marketing help?',
    status: 'rejected',
    createdAt: -d(18),
    updatedAt: -d(17),
    termsAcceptedBy: [],
    completedBy: [],
    messages: [
      {
        from: 'u-marcus-johnson',
        text: 'Sorry Lena, my calendar is full until the new year. Try again in January — and check out the Giving Technical Talks course meanwhile!',
        at: -d(17),
      },
    ],
  },
  // ---------------------------------------------------------------- accepted, terms being agreed
  {
    id: 'x-amara-sofia-ux',
    requesterId: 'u-amara-okafor',
    providerId: 'u-sofia-rossi',
    offeredSkill: 'Digital Marketing',
    requestedSkill: 'UX Design',
    message:
      'Hi Sofia! My landing pages convert poorly and I suspect the UX. I can help you plan the launch of your portfolio in return.',
    status: 'accepted',
    createdAt: -d(6),
    updatedAt: -d(1),
    terms: {
      commitmentHours: 6,
      frequency: 'every two weeks',
      cancellationPolicy: '48 hours notice to reschedule.',
    },
    termsAcceptedBy: ['u-amara-okafor'],
    completedBy: [],
    messages: [
      {
        from: 'u-sofia-rossi',
        text: 'Happy to! I proposed nothing yet — go ahead with terms that suit you.',
        at: -d(5),
      },
      { from: 'u-amara-okafor', text: 'Proposed six hours, every two weeks. Let me know!', at: -d(1) },
    ],
  },
  // ---------------------------------------------------------------- cancelled
  {
    id: 'x-omar-priya-python',
    requesterId: 'u-omar-haddad',
    providerId: 'u-priya-sharma',
    offeredSkill: 'Financial Modeling',
    requestedSkill: 'Python',
    message:
      'Hello Priya, I would love to learn Python for finance. I can teach three-statement financial modelling in return.',
    status: 'cancelled',
    createdAt: -d(40),
    updatedAt: -d(33),
    terms: WEEKLY_TERMS(8),
    termsAcceptedBy: ['u-omar-haddad'],
    completedBy: [],
    messages: [
      {
        from: 'u-priya-sharma',
        text: 'Sounds great, Omar. Proposed terms are fine by me once I am back from a conference.',
        at: -d(38),
      },
      {
        from: 'u-omar-haddad',
        text: 'Unfortunately I have to travel for quarter-end for six weeks. Cancelling for now, sorry!',
        at: -d(33),
      },
    ],
  },
  // ---------------------------------------------------------------- completed (other users)
  {
    id: 'x-hannah-kenji-photo',
    requesterId: 'u-hannah-schmidt',
    providerId: 'u-kenji-tanaka',
    offeredSkill: 'German',
    requestedSkill: 'Photography',
    message:
      'Guten Tag Kenji! I see you want to learn German. I would love some feedback on my street photos in return.',
    status: 'completed',
    createdAt: -d(70),
    updatedAt: -d(30),
    terms: WEEKLY_TERMS(12),
    termsAcceptedBy: ['u-hannah-schmidt', 'u-kenji-tanaka'],
    completedBy: ['u-kenji-tanaka', 'u-hannah-schmidt'],
    messages: [
      {
        from: 'u-kenji-tanaka',
        text: 'Sehr gern! Send me ten photos you like and ten you do not.',
        at: -d(69),
      },
      { from: 'u-hannah-schmidt', text: 'Done — in the shared folder. Be honest!', at: -d(68) },
    ],
    sessions: [
      {
        at: -d(63),
        durationMin: 90,
        status: 'held',
        notes: 'Photo critique; German alphabet and greetings.',
        createdBy: 'u-hannah-schmidt',
      },
      {
        at: -d(49),
        durationMin: 90,
        status: 'held',
        notes: 'Night photography walk over video; German: ordering at a café.',
        createdBy: 'u-kenji-tanaka',
      },
      {
        at: -d(42),
        durationMin: 60,
        status: 'cancelled',
        notes: 'Hannah was ill.',
        createdBy: 'u-hannah-schmidt',
      },
      {
        at: -d(35),
        durationMin: 90,
        status: 'held',
        notes: 'Editing session; German: past tense with haben.',
        createdBy: 'u-kenji-tanaka',
      },
    ],
    feedback: [
      {
        uid: 'u-hannah-schmidt',
        rating: 5,
        comment:
          'Kenji’s feedback transformed my photography. Kind, precise and very generous with his time.',
        endorsedSkills: ['Photography', 'Photo Editing'],
        at: -d(30),
      },
      {
        uid: 'u-kenji-tanaka',
        rating: 5,
        comment: 'Hannah is a born teacher. I can now order coffee and apologise for being late in German!',
        endorsedSkills: ['German'],
        at: -d(30),
      },
    ],
  },
  // ---------------------------------------------------------------- active (demo educator)
  {
    id: 'x-yuki-eddie-react',
    requesterId: 'u-yuki-sato',
    providerId: 'demo-educator',
    offeredSkill: 'Illustration',
    requestedSkill: 'React',
    message:
      'Hello Eddie! I am building my illustration portfolio in React and get stuck on state. I can teach you character drawing in exchange.',
    status: 'active',
    createdAt: -d(20),
    updatedAt: -d(3),
    terms: WEEKLY_TERMS(8, 'Saturday mornings Tokyo time / Friday evenings London.'),
    termsAcceptedBy: ['u-yuki-sato', 'demo-educator'],
    completedBy: [],
    messages: [
      {
        from: 'demo-educator',
        text: 'Love your work, Yuki. Let us start with your gallery component.',
        at: -d(19),
      },
      {
        from: 'u-yuki-sato',
        text: 'Thank you! Sharing the repo now.',
        at: -d(19) + 1,
        attachments: [{ name: 'portfolio repo', url: 'https://github.com/example/yuki-portfolio' }],
      },
      { from: 'u-yuki-sato', text: 'Homework for you: draw your coffee mug from three angles 😄', at: -d(3) },
    ],
    sessions: [
      {
        at: -d(10),
        durationMin: 60,
        status: 'held',
        notes: 'React: lifting state for the gallery filter. Drawing: basic shapes.',
        createdBy: 'demo-educator',
      },
      {
        at: d(3),
        durationMin: 60,
        status: 'scheduled',
        notes: 'React: routing. Drawing: perspective.',
        createdBy: 'u-yuki-sato',
      },
    ],
    typing: [{ uid: 'u-yuki-sato', typing: false, at: -d(3) }],
  },
  // ---------------------------------------------------------------- pending (other users)
  {
    id: 'x-ewa-ana-guitar',
    requesterId: 'u-ewa-kowalska',
    providerId: 'u-ana-lopez',
    offeredSkill: 'SQL',
    requestedSkill: 'Guitar',
    message:
      'Hola Ana! Your guitar course got me started; I would love live feedback. I saw you want to learn SQL — I do that for a living.',
    status: 'pending',
    createdAt: -d(1),
    updatedAt: -d(1),
    termsAcceptedBy: [],
    completedBy: [],
  },
];
