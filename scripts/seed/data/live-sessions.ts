// Seeded live sessions: upcoming, live now, ended (with room activity) and cancelled. `startsIn`
// is in hours relative to the seed's "now" (negative: already started); room activity is in
// minutes after the start.
import type { LiveSessionStatus } from '@skillverse/domain/models';

export interface SeedLiveSession {
  id: string;
  hostId: string;
  title: string;
  description: string;
  courseId: string | null;
  startsIn: number;
  durationMin: number;
  capacity: number;
  status: LiveSessionStatus;
  recordingEnabled: boolean;
  recordingUrl?: string;
  createdDaysAgo: number;
  /** Registered users, with how many hours before the start they registered. */
  registrations: { uid: string; hoursBefore: number }[];
  /** Attendance (ended or live sessions): minutes after start; `left` null while still in the room. */
  attendance?: { uid: string; joined: number; left: number | null }[];
  chat?: { from: string; text: string; at: number }[];
  questions?: {
    id: string;
    from: string;
    text: string;
    upvoterIds: string[];
    answered: boolean;
    at: number;
    /** The host's written answer (Q&A that teaches). */
    answer?: string;
    /** Published as FAQ on this lecture of the linked course (e.g. 'l04'). */
    faqLectureId?: string;
  }[];
  polls?: {
    id: string;
    question: string;
    options: string[];
    open: boolean;
    at: number;
    votes: Record<string, number>;
  }[];
  hands?: { uid: string; at: number }[];
}

export const LIVE_SESSIONS: readonly SeedLiveSession[] = [
  // ---------------------------------------------------------------- upcoming
  {
    id: 'ls-react-hooks-qa',
    hostId: 'demo-educator',
    title: 'React Hooks Q&A',
    description:
      'Bring your useEffect bugs and useState puzzles. We will debug real questions from the React Fundamentals course live, then look at when to reach for useReducer and custom hooks.',
    courseId: 'c-react-fundamentals',
    startsIn: 50,
    durationMin: 60,
    capacity: 50,
    status: 'scheduled',
    recordingEnabled: true,
    createdDaysAgo: 5,
    registrations: [
      { uid: 'demo-learner', hoursBefore: 96 },
      { uid: 'u-yuki-sato', hoursBefore: 100 },
      { uid: 'u-fatima-benali', hoursBefore: 80 },
      { uid: 'u-noah-williams', hoursBefore: 60 },
      { uid: 'u-david-kim', hoursBefore: 55 },
    ],
  },
  {
    id: 'ls-guitar-strumming-clinic',
    hostId: 'u-ana-lopez',
    title: 'Strumming Clinic: Keeping Time',
    description:
      'A small-group session on rhythm. We will practise three strumming patterns at slow tempo, fix common timing problems and play a song together. Have your guitar tuned!',
    courseId: 'c-acoustic-guitar-basics',
    startsIn: 5 * 24 + 3,
    durationMin: 45,
    capacity: 20,
    status: 'scheduled',
    recordingEnabled: false,
    createdDaysAgo: 3,
    registrations: [
      { uid: 'u-liam-oconnor', hoursBefore: 150 },
      { uid: 'u-ewa-kowalska', hoursBefore: 140 },
      { uid: 'u-marcus-johnson', hoursBefore: 130 },
    ],
  },
  {
    id: 'ls-pandas-office-hours',
    hostId: 'u-priya-sharma',
    title: 'pandas Office Hours',
    description:
      'Open office hours for the Data Analysis with pandas course. Share your notebook, ask about groupby, reshaping or plotting, or bring a dataset from work (anonymised, please).',
    courseId: 'c-data-analysis-pandas',
    startsIn: 9 * 24 + 6,
    durationMin: 60,
    capacity: 30,
    status: 'scheduled',
    recordingEnabled: true,
    createdDaysAgo: 2,
    registrations: [
      { uid: 'u-david-kim', hoursBefore: 250 },
      { uid: 'u-sofia-rossi', hoursBefore: 240 },
    ],
  },
  // ---------------------------------------------------------------- live now
  {
    id: 'ls-portrait-lighting-live',
    hostId: 'u-kenji-tanaka',
    title: 'Portrait Lighting with One Window',
    description:
      'Live from my studio: how to light flattering portraits with nothing but a window, a white sheet and a piece of black card. Questions welcome throughout.',
    courseId: 'c-photography-fundamentals',
    startsIn: -0.33,
    durationMin: 90,
    capacity: 40,
    status: 'live',
    recordingEnabled: true,
    createdDaysAgo: 7,
    registrations: [
      { uid: 'u-hannah-schmidt', hoursBefore: 120 },
      { uid: 'u-chloe-martin', hoursBefore: 90 },
      { uid: 'demo-educator', hoursBefore: 70 },
      { uid: 'u-ana-lopez', hoursBefore: 30 },
    ],
    attendance: [
      { uid: 'u-hannah-schmidt', joined: 0, left: null },
      { uid: 'u-chloe-martin', joined: 2, left: null },
      { uid: 'demo-educator', joined: 5, left: null },
    ],
    chat: [
      {
        from: 'u-hannah-schmidt',
        text: 'Hallo from Berlin! Grey skies here, perfect for this topic.',
        at: 1,
      },
      {
        from: 'u-chloe-martin',
        text: 'Bonjour! I photograph pastries by a window, hoping this helps.',
        at: 3,
      },
      {
        from: 'u-kenji-tanaka',
        text: 'Welcome everyone. Food works exactly the same way — side light is your friend.',
        at: 4,
      },
      { from: 'demo-educator', text: 'The black card trick is brilliant, never thought of that.', at: 15 },
    ],
    questions: [
      {
        id: 'q1',
        from: 'u-chloe-martin',
        text: 'How far from the window should the subject be?',
        upvoterIds: ['u-hannah-schmidt', 'demo-educator'],
        answered: true,
        at: 8,
      },
      {
        id: 'q2',
        from: 'u-hannah-schmidt',
        text: 'Does this work with direct sunlight or only overcast days?',
        upvoterIds: ['u-chloe-martin'],
        answered: false,
        at: 17,
      },
    ],
    polls: [
      {
        id: 'p1',
        question: 'What do you mostly photograph?',
        options: ['People', 'Food', 'Products', 'Landscapes'],
        open: true,
        at: 10,
        votes: { 'u-hannah-schmidt': 0, 'u-chloe-martin': 1 },
      },
    ],
    hands: [{ uid: 'u-chloe-martin', at: 18 }],
  },
  // ---------------------------------------------------------------- ended
  {
    id: 'ls-react-habit-tracker',
    hostId: 'demo-educator',
    title: 'Live Coding: A Habit Tracker in React',
    description:
      'We build a small habit tracker from scratch: components, state, effects and saving to localStorage. A great companion to the React Fundamentals course.',
    courseId: 'c-react-fundamentals',
    startsIn: -(6 * 24 + 2),
    durationMin: 75,
    capacity: 60,
    status: 'ended',
    recordingEnabled: true,
    recordingUrl: 'https://storage.googleapis.com/gtv-videos-bucket/sample/TearsOfSteel.mp4',
    createdDaysAgo: 14,
    registrations: [
      { uid: 'demo-learner', hoursBefore: 100 },
      { uid: 'u-yuki-sato', hoursBefore: 150 },
      { uid: 'u-fatima-benali', hoursBefore: 70 },
      { uid: 'u-david-kim', hoursBefore: 50 },
      { uid: 'u-liam-oconnor', hoursBefore: 30 },
    ],
    attendance: [
      { uid: 'demo-learner', joined: 0, left: 75 },
      { uid: 'u-yuki-sato', joined: 1, left: 75 },
      { uid: 'u-fatima-benali', joined: 4, left: 60 },
      { uid: 'u-david-kim', joined: 10, left: 45 },
    ],
    chat: [
      { from: 'u-yuki-sato', text: 'Hi everyone! Excited for this one.', at: 0 },
      { from: 'demo-learner', text: 'Hello from New York 👋', at: 1 },
      {
        from: 'u-fatima-benali',
        text: 'Why do we pass a function to setHabits instead of the new array?',
        at: 22,
      },
      { from: 'demo-educator', text: 'Great question — added it to the Q&A, answering in a minute.', at: 23 },
      {
        from: 'u-david-kim',
        text: 'Have to drop for a meeting, thanks Eddie! Will watch the recording.',
        at: 45,
      },
      { from: 'demo-learner', text: 'That was so helpful, thank you!', at: 75 },
    ],
    questions: [
      {
        id: 'q1',
        from: 'u-fatima-benali',
        text: 'Why pass an updater function to setHabits instead of the new array?',
        upvoterIds: ['demo-learner', 'u-yuki-sato', 'u-david-kim'],
        answered: true,
        at: 22,
        answer:
          'Because state updates are queued. `setHabits(habits.concat(h))` uses the `habits` of the render you are in, so two quick clicks can both start from the same old array and one is lost. `setHabits(prev => [...prev, h])` always receives the latest value.',
        faqLectureId: 'l04',
      },
      {
        id: 'q2',
        from: 'demo-learner',
        text: 'Should saving to localStorage happen in an effect or in the event handler?',
        upvoterIds: ['u-yuki-sato'],
        answered: true,
        at: 40,
        answer:
          'In an effect that depends on the habits: it runs after every change, whichever handler made it, so saving lives in one place.',
      },
      {
        id: 'q3',
        from: 'u-yuki-sato',
        text: 'Could you show how to add animations when a habit is completed?',
        upvoterIds: ['demo-learner'],
        answered: false,
        at: 70,
      },
    ],
    polls: [
      {
        id: 'p1',
        question: 'What should we build next time?',
        options: ['A weather app', 'A kanban board', 'A chat app'],
        open: false,
        at: 65,
        votes: { 'demo-learner': 1, 'u-yuki-sato': 1, 'u-fatima-benali': 2, 'u-david-kim': 0 },
      },
    ],
  },
  {
    id: 'ls-spanish-conversation-cafe',
    hostId: 'u-ana-lopez',
    title: 'Spanish Conversation Café',
    description:
      'An informal hour of Spanish conversation for A1–A2 learners. Small groups, friendly corrections, and a little Mexican slang at the end.',
    courseId: 'c-conversational-spanish',
    startsIn: -(12 * 24 + 5),
    durationMin: 60,
    capacity: 15,
    status: 'ended',
    recordingEnabled: false,
    createdDaysAgo: 20,
    registrations: [
      { uid: 'u-sofia-rossi', hoursBefore: 120 },
      { uid: 'u-liam-oconnor', hoursBefore: 90 },
      { uid: 'u-yuki-sato', hoursBefore: 48 },
    ],
    attendance: [
      { uid: 'u-sofia-rossi', joined: 0, left: 60 },
      { uid: 'u-liam-oconnor', joined: 3, left: 58 },
      { uid: 'u-yuki-sato', joined: 5, left: 60 },
    ],
    chat: [
      {
        from: 'u-ana-lopez',
        text: '¡Bienvenidos! Empezamos con una pregunta: ¿qué hiciste el fin de semana?',
        at: 1,
      },
      { from: 'u-sofia-rossi', text: 'Fui al mercado y compré muchas frutas 🍊', at: 4 },
      { from: 'u-liam-oconnor', text: 'Yo jugué al fútbol… y perdimos 😅', at: 6 },
      { from: 'u-yuki-sato', text: '¡Gracias Ana! Fue muy divertido.', at: 60 },
    ],
    questions: [
      {
        id: 'q1',
        from: 'u-liam-oconnor',
        text: '¿Cuál es la diferencia entre "por" y "para"?',
        upvoterIds: ['u-sofia-rossi', 'u-yuki-sato'],
        answered: true,
        at: 30,
      },
    ],
  },
  // ---------------------------------------------------------------- cancelled
  {
    id: 'ls-sql-window-functions',
    hostId: 'u-priya-sharma',
    title: 'SQL Window Functions Workshop',
    description:
      'ROW_NUMBER, RANK, running totals and moving averages. Cancelled: Priya is travelling that week; it will be rescheduled soon.',
    courseId: 'c-sql-essentials',
    startsIn: 3 * 24,
    durationMin: 90,
    capacity: 40,
    status: 'cancelled',
    recordingEnabled: true,
    createdDaysAgo: 10,
    registrations: [
      { uid: 'u-amara-okafor', hoursBefore: 200 },
      { uid: 'u-david-kim', hoursBefore: 180 },
    ],
  },
];
