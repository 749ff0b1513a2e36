// Seeded courses with their outline, lectures, quiz, reviews and extra learners. Ratings,
// enrolment counts, enrolments, payments, certificates and quiz attempts are derived from this
// in ../lib/course-docs.ts, so they always agree with each other.
import type {
  Category,
  CourseLevel,
  CourseStatus,
  LectureResource,
  QuestionType,
} from '@skillverse/domain/models';

export interface SeedLecture {
  title: string;
  /** 'm:ss' */
  duration: string;
  body: string;
  resources?: LectureResource[];
}

export interface SeedSection {
  title: string;
  lectures: SeedLecture[];
}

export interface SeedQuestion {
  prompt: string;
  type: QuestionType;
  options: string[];
  /** Indexes of the correct options. */
  answer: number[];
}

/** An enrolled learner; with a review when `rating` is given. */
export interface SeedLearner {
  uid: string;
  /** Lectures completed, in course order; 'all' completes the course (quiz passed). */
  done: number | 'all';
  /** When they enrolled. */
  enrolledDaysAgo: number;
  /** Their last learning activity in this course (defaults to halfway since enrolling). */
  lastActiveDaysAgo?: number;
  /** Wrong answers in their passing quiz attempt (default 0: a perfect score). */
  quizWrong?: number;
  rating?: 1 | 2 | 3 | 4 | 5;
  comment?: string;
  reviewedDaysAgo?: number;
}

export interface SeedCourse {
  id: string;
  instructorId: string;
  title: string;
  description: string;
  category: Category;
  tags: string[];
  level: CourseLevel;
  /** USD cents; 0 is free. */
  price: number;
  status: CourseStatus;
  featured?: boolean;
  rejectionReason?: string;
  /** Certificates on completion (default true). */
  certificate?: boolean;
  createdDaysAgo: number;
  /** Published courses only. */
  publishedDaysAgo?: number;
  sections: SeedSection[];
  quiz?: {
    title: string;
    passingScore: number;
    questions: SeedQuestion[];
    /** Attempt settings (domain/quizzes.ts); absent = 3 attempts, no timer, fixed order. */
    settings?: { attemptLimit?: number; timeLimitMinutes?: number | null; shuffle?: boolean };
  };
  learners?: SeedLearner[];
}

export const SAMPLE_VIDEOS = [
  'https://storage.googleapis.com/gtv-videos-bucket/sample/BigBuckBunny.mp4',
  'https://storage.googleapis.com/gtv-videos-bucket/sample/ElephantsDream.mp4',
  'https://storage.googleapis.com/gtv-videos-bucket/sample/ForBiggerBlazes.mp4',
  'https://storage.googleapis.com/gtv-videos-bucket/sample/ForBiggerEscapes.mp4',
  'https://storage.googleapis.com/gtv-videos-bucket/sample/ForBiggerFun.mp4',
  'https://storage.googleapis.com/gtv-videos-bucket/sample/ForBiggerJoyrides.mp4',
  'https://storage.googleapis.com/gtv-videos-bucket/sample/ForBiggerMeltdowns.mp4',
  'https://storage.googleapis.com/gtv-videos-bucket/sample/Sintel.mp4',
  'https://storage.googleapis.com/gtv-videos-bucket/sample/TearsOfSteel.mp4',
] as const;

const TF = ['True', 'False'];

export const COURSES: readonly SeedCourse[] = [
  // ------------------------------------------------------------------ Eddie Educator
  {
    id: 'c-react-fundamentals',
    instructorId: 'demo-educator',
    title: 'React Fundamentals',
    description:
      'Build interactive user interfaces with modern React. We start from a blank Vite project and finish with a small app that fetches data, handles forms and stays fast. You will learn components, props, state, effects and the mental model that makes them predictable. No prior React needed; comfortable JavaScript is enough.',
    category: 'Programming',
    tags: ['react', 'javascript', 'hooks', 'frontend'],
    level: 'beginner',
    price: 4900,
    status: 'published',
    featured: true,
    createdDaysAgo: 150,
    publishedDaysAgo: 140,
    sections: [
      {
        title: 'Getting started',
        lectures: [
          {
            title: 'Why React, and what a component is',
            duration: '6:40',
            body: 'React lets you describe what the screen should look like for a given state, and it works out how to update the page when that state changes. A component is just a function that returns markup. Because components are functions, you can compose them, pass them data and reuse them like any other code.',
            resources: [{ title: 'react.dev — Quick Start', url: 'https://react.dev/learn' }],
          },
          {
            title: 'Your first component with Vite',
            duration: '9:15',
            body: 'We scaffold a project with `npm create vite@latest`, pick the React + TypeScript template and look at what it generated. main.tsx mounts the root component into index.html; App.tsx is where we start. Edit the JSX, save, and hot module replacement updates the page without losing state.',
            resources: [{ title: 'Vite — Getting Started', url: 'https://vite.dev/guide/' }],
          },
        ],
      },
      {
        title: 'State and events',
        lectures: [
          {
            title: 'Props: passing data down',
            duration: '11:20',
            body: 'Props are the arguments of a component. A parent decides what to pass, the child only reads them. Keep props small and specific: a `ProductCard` should receive a product, not the whole store. When two siblings need the same data, lift it to their closest common parent.',
          },
          {
            title: 'useState and re-rendering',
            duration: '12:05',
            body: 'Calling the setter returned by `useState` schedules a re-render with the new value; it does not change the variable you already have. That is why `count` still holds the old value right after `setCount(count + 1)`. When the next value depends on the previous one, pass an updater function: `setCount(c => c + 1)`.',
            resources: [{ title: 'useState reference', url: 'https://react.dev/reference/react/useState' }],
          },
          {
            title: 'Handling events and forms',
            duration: '13:40',
            body: 'Event handlers are plain functions passed as props like `onClick` or `onChange`. For forms, a controlled input keeps its value in state and updates it on every keystroke, so you can validate as the user types. Always call `event.preventDefault()` in `onSubmit` unless you really want a full page reload.',
          },
        ],
      },
      {
        title: 'Effects and data',
        lectures: [
          {
            title: 'useEffect without the foot-guns',
            duration: '14:10',
            body: 'Effects synchronise your component with something outside React: a subscription, a timer, the document title. If you can compute a value during rendering, you do not need an effect. List every value the effect reads in its dependency array, and return a cleanup function when the effect starts something that must be stopped.',
            resources: [
              {
                title: 'You Might Not Need an Effect',
                url: 'https://react.dev/learn/you-might-not-need-an-effect',
              },
            ],
          },
          {
            title: 'Fetching data and loading states',
            duration: '12:30',
            body: 'Every request has three states worth showing: loading, error and success. We build a small hook that tracks them, then replace it with TanStack Query, which adds caching, retries and background refetching for free. The UI code gets shorter and the edge cases disappear.',
            resources: [{ title: 'TanStack Query overview', url: 'https://tanstack.com/query/latest' }],
          },
        ],
      },
    ],
    quiz: {
      title: 'React Fundamentals — final quiz',
      passingScore: 70,
      questions: [
        {
          prompt: 'What does calling a state setter like setCount(5) do?',
          type: 'single',
          options: [
            'Changes the count variable immediately',
            'Schedules a re-render in which count is 5',
            'Reloads the page',
            'Nothing until the component unmounts',
          ],
          answer: [1],
        },
        {
          prompt: 'Which of these belong in a useEffect? (choose all that apply)',
          type: 'multiple',
          options: [
            'Subscribing to a WebSocket',
            'Filtering a list that is already in props',
            'Setting document.title',
            'Formatting a date for display',
          ],
          answer: [0, 2],
        },
        {
          prompt: 'A child component may modify the props it receives.',
          type: 'boolean',
          options: TF,
          answer: [1],
        },
        {
          prompt: 'Two sibling components need the same piece of state. Where should it live?',
          type: 'single',
          options: [
            'In both siblings',
            'In a global variable',
            'In their closest common parent',
            'In localStorage',
          ],
          answer: [2],
        },
      ],
    },
    learners: [
      {
        uid: 'u-yuki-sato',
        done: 'all',
        enrolledDaysAgo: 60,
        rating: 5,
        comment:
          'I came from illustration with almost no JavaScript and this finally made state click. The forms lecture alone saved my portfolio project.',
        reviewedDaysAgo: 20,
      },
      {
        uid: 'u-liam-oconnor',
        done: 'all',
        enrolledDaysAgo: 100,
        quizWrong: 1,
        rating: 4,
        comment:
          'Clear and practical. I would have liked a bit more on testing, but the effects section is excellent.',
        reviewedDaysAgo: 70,
      },
      {
        uid: 'u-david-kim',
        done: 'all',
        enrolledDaysAgo: 90,
        rating: 5,
        comment:
          'As a PM I wanted to understand what my team means by "re-render". Now I do, and I built a tiny prototype myself.',
        reviewedDaysAgo: 55,
      },
      {
        uid: 'u-fatima-benali',
        done: 4,
        enrolledDaysAgo: 25,
        lastActiveDaysAgo: 2,
        rating: 4,
        comment: 'Good pace for a beginner. Eddie explains the why, not just the how.',
        reviewedDaysAgo: 5,
      },
      { uid: 'demo-learner', done: 3, enrolledDaysAgo: 12, lastActiveDaysAgo: 0 },
      { uid: 'u-noah-williams', done: 1, enrolledDaysAgo: 8 },
    ],
  },
  {
    id: 'c-typescript-in-practice',
    instructorId: 'demo-educator',
    title: 'TypeScript in Practice',
    description:
      'Go beyond adding `: string` everywhere. Learn how TypeScript actually reasons about your code — structural typing, narrowing, generics and mapped types — and how to migrate a real JavaScript codebase to strict mode without stopping feature work.',
    category: 'Programming',
    tags: ['typescript', 'javascript', 'types', 'generics'],
    level: 'intermediate',
    price: 5900,
    status: 'published',
    createdDaysAgo: 120,
    publishedDaysAgo: 110,
    sections: [
      {
        title: 'Types that pay for themselves',
        lectures: [
          {
            title: 'Structural typing in ten minutes',
            duration: '10:05',
            body: 'TypeScript compares types by shape, not by name: any object with the right properties fits. That is why you can pass a plain object literal where an interface is expected, and why excess property checks only apply to fresh literals. Once this clicks, most "why does this compile?" moments go away.',
            resources: [
              {
                title: 'Handbook — Type Compatibility',
                url: 'https://www.typescriptlang.org/docs/handbook/type-compatibility.html',
              },
            ],
          },
          {
            title: 'Narrowing with unions',
            duration: '12:40',
            body: 'A union like `Result = Ok | Err` is only useful if you can tell the members apart. Give each member a literal `kind` field and switch on it: inside each case TypeScript knows exactly which member you have. Add a `never` check in the default branch and the compiler will tell you when someone adds a new kind.',
          },
        ],
      },
      {
        title: 'Generics',
        lectures: [
          {
            title: 'Generic functions and constraints',
            duration: '13:15',
            body: 'A generic parameter lets a function keep the relationship between its input and output types. `first<T>(items: T[]): T | undefined` returns whatever the array holds. Constraints such as `T extends { id: string }` let you use properties of T while staying generic.',
          },
          {
            title: 'Mapped and conditional types',
            duration: '15:30',
            body: 'Mapped types transform every property of a type: `Partial<T>` and `Readonly<T>` are one-liners built this way. Conditional types pick a type based on another, and `infer` pulls pieces out of them. We build a `DeepReadonly` and a type-safe event emitter to see both in action.',
          },
        ],
      },
      {
        title: 'Real projects',
        lectures: [
          {
            title: 'Strict mode and migrating a JavaScript codebase',
            duration: '16:45',
            body: 'Turn on `allowJs` and `checkJs`, rename files one folder at a time, and switch on `strict` flags one by one, starting with `noImplicitAny`. Keep the build green at every step. We walk through a real migration and the handful of patterns that cause most of the errors.',
            resources: [{ title: 'TSConfig reference', url: 'https://www.typescriptlang.org/tsconfig' }],
          },
        ],
      },
    ],
    quiz: {
      title: 'TypeScript in Practice — quiz',
      passingScore: 60,
      questions: [
        {
          prompt: 'TypeScript decides whether two object types are compatible by…',
          type: 'single',
          options: [
            'Their names',
            'Their shapes (properties and types)',
            'The file they are declared in',
            'Runtime checks',
          ],
          answer: [1],
        },
        {
          prompt: 'Which utility types are built with mapped types? (choose all that apply)',
          type: 'multiple',
          options: ['Partial<T>', 'Readonly<T>', 'ReturnType<T>', 'Record<K, V>'],
          answer: [0, 1, 3],
        },
        {
          prompt:
            'A `never` check in the default branch of a switch catches unhandled union members at compile time.',
          type: 'boolean',
          options: TF,
          answer: [0],
        },
      ],
    },
    learners: [
      {
        uid: 'u-liam-oconnor',
        done: 'all',
        enrolledDaysAgo: 80,
        rating: 5,
        comment: 'The migration lecture is exactly what we did at work, minus the pain. Highly recommended.',
        reviewedDaysAgo: 45,
      },
      {
        uid: 'u-ewa-kowalska',
        done: 'all',
        enrolledDaysAgo: 70,
        quizWrong: 1,
        rating: 4,
        comment: 'Dense but worth it. Conditional types still melt my brain a little.',
        reviewedDaysAgo: 30,
      },
      {
        uid: 'u-priya-sharma',
        done: 'all',
        enrolledDaysAgo: 65,
        rating: 5,
        comment:
          'I write Python all day and wanted to understand our front-end code reviews. This was perfect.',
        reviewedDaysAgo: 40,
      },
      { uid: 'u-yuki-sato', done: 2, enrolledDaysAgo: 10, lastActiveDaysAgo: 3 },
    ],
  },
  {
    id: 'c-ui-design-essentials',
    instructorId: 'demo-educator',
    title: 'UI Design Essentials for Developers',
    description:
      'You do not need to become a designer to build interfaces that look intentional. This short course covers hierarchy, spacing, typography and colour with before-and-after examples, then applies them to redesign a cluttered settings page.',
    category: 'Design',
    tags: ['ui', 'design', 'typography', 'color', 'layout'],
    level: 'beginner',
    price: 0,
    status: 'published',
    createdDaysAgo: 100,
    publishedDaysAgo: 95,
    sections: [
      {
        title: 'Foundations',
        lectures: [
          {
            title: 'Visual hierarchy',
            duration: '8:20',
            body: 'Users scan before they read. Decide what matters most on the screen and make it win through size, weight and contrast — usually only one thing at a time. De-emphasising secondary text is often more effective than making the primary text bigger.',
          },
          {
            title: 'Spacing and the 8-point grid',
            duration: '9:45',
            body: 'Consistent spacing makes a layout feel designed. Pick a scale — 4, 8, 12, 16, 24, 32, 48 — and only use those values. Put more space between groups than within them, so related items visually belong together without needing borders.',
          },
        ],
      },
      {
        title: 'Type and colour',
        lectures: [
          {
            title: 'Choosing and pairing typefaces',
            duration: '10:30',
            body: 'One well-chosen sans-serif with three or four weights covers most products. Set body text around 16px with a line height of 1.5, keep lines under 75 characters, and build headings from a modest type scale rather than random sizes.',
            resources: [{ title: 'Practical Typography', url: 'https://practicaltypography.com/' }],
          },
          {
            title: 'Colour with contrast in mind',
            duration: '11:00',
            body: 'Start from a neutral grey ramp and one brand colour, then add semantic colours for success, warning and danger. Check text contrast against WCAG: 4.5:1 for body text, 3:1 for large text. Never use colour as the only way to convey meaning.',
            resources: [
              { title: 'WebAIM contrast checker', url: 'https://webaim.org/resources/contrastchecker/' },
            ],
          },
        ],
      },
      {
        title: 'Putting it together',
        lectures: [
          {
            title: 'Redesigning a settings page',
            duration: '14:20',
            body: 'We take a real settings screen with twelve bordered boxes and three competing buttons and rebuild it step by step: group related options, remove borders in favour of spacing, demote secondary actions, and align everything to one grid.',
          },
        ],
      },
    ],
    quiz: {
      title: 'UI Design Essentials — quiz',
      passingScore: 60,
      // The timed, shuffled quiz of the seed (e2e/quiz-attempts): 2 attempts, 2 minutes each.
      settings: { attemptLimit: 2, timeLimitMinutes: 2, shuffle: true },
      questions: [
        {
          prompt: 'What WCAG contrast ratio should normal body text meet?',
          type: 'single',
          options: ['2:1', '3:1', '4.5:1', '10:1'],
          answer: [2],
        },
        {
          prompt: 'Related items should have less space between them than unrelated groups.',
          type: 'boolean',
          options: TF,
          answer: [0],
        },
        {
          prompt: 'Which are effective ways to create hierarchy? (choose all that apply)',
          type: 'multiple',
          options: ['Size', 'Font weight', 'Using five different typefaces', 'Contrast'],
          answer: [0, 1, 3],
        },
      ],
    },
    learners: [
      {
        uid: 'u-sofia-rossi',
        done: 'all',
        enrolledDaysAgo: 90,
        rating: 4,
        comment:
          'As a designer I mostly watched to see how to explain this to developers. Accurate and well paced.',
        reviewedDaysAgo: 80,
      },
      {
        uid: 'u-amara-okafor',
        done: 'all',
        enrolledDaysAgo: 50,
        rating: 5,
        comment: 'My landing pages look so much cleaner now. The spacing lecture is gold.',
        reviewedDaysAgo: 35,
      },
      {
        uid: 'u-chloe-martin',
        done: 3,
        enrolledDaysAgo: 30,
        lastActiveDaysAgo: 4,
        rating: 5,
        comment: 'Short, friendly and I could apply it to my bakery menu the same day.',
        reviewedDaysAgo: 10,
      },
      {
        uid: 'u-omar-haddad',
        done: 'all',
        enrolledDaysAgo: 45,
        quizWrong: 1,
        rating: 4,
        comment: 'Helped my dashboards a lot. Would love a follow-up on data-heavy tables.',
        reviewedDaysAgo: 25,
      },
      { uid: 'demo-learner', done: 1, enrolledDaysAgo: 20, lastActiveDaysAgo: 15 },
      { uid: 'u-david-kim', done: 2, enrolledDaysAgo: 18 },
    ],
  },
  {
    id: 'c-web-accessibility',
    instructorId: 'demo-educator',
    title: 'Web Accessibility Basics',
    description:
      'One in five people has a disability that affects how they use the web. Learn to build pages that work with a keyboard and a screen reader, when ARIA helps and when it hurts, and how to test your own work in fifteen minutes.',
    category: 'Programming',
    tags: ['accessibility', 'a11y', 'html', 'aria'],
    level: 'all',
    price: 0,
    status: 'published',
    certificate: false,
    createdDaysAgo: 80,
    publishedDaysAgo: 75,
    sections: [
      {
        title: 'Why it matters',
        lectures: [
          {
            title: 'Who relies on accessible sites',
            duration: '7:10',
            body: 'Screen reader users, keyboard-only users, people with low vision, tremors, cognitive disabilities — and everyone with a broken trackpad or bright sunlight on their screen. Accessibility is about removing barriers, and most barriers come from a handful of common mistakes.',
          },
          {
            title: 'Semantic HTML first',
            duration: '10:25',
            body: 'A `<button>` is focusable, activates with Enter and Space and announces itself as a button — for free. A `<div onClick>` does none of that. Use headings in order, label every input, and use landmarks like `<main>` and `<nav>`: most accessibility comes from choosing the right element.',
            resources: [
              {
                title: 'MDN — HTML: A good basis for accessibility',
                url: 'https://developer.mozilla.org/en-US/docs/Learn/Accessibility/HTML',
              },
            ],
          },
        ],
      },
      {
        title: 'Practice',
        lectures: [
          {
            title: 'Keyboard navigation and focus',
            duration: '11:50',
            body: 'Unplug your mouse and try to use your app. Every interactive element must be reachable with Tab, in a sensible order, with a visible focus indicator. When you open a dialog, move focus into it and return it to the trigger when it closes.',
          },
          {
            title: 'ARIA: when and when not',
            duration: '12:15',
            body: 'The first rule of ARIA is not to use ARIA if a native element does the job. ARIA changes what assistive technology announces but adds no behaviour. Use it for live regions, expanded and selected states, and labelling icon-only buttons.',
            resources: [{ title: 'WAI-ARIA Authoring Practices', url: 'https://www.w3.org/WAI/ARIA/apg/' }],
          },
          {
            title: 'Testing with a screen reader',
            duration: '13:30',
            body: 'Turn on VoiceOver or NVDA and navigate by headings, links and form fields. Listen for unlabeled buttons, images without alt text and announcements that never happen. Pair this with an automated checker like axe, which catches about a third of issues quickly.',
          },
        ],
      },
    ],
    quiz: {
      title: 'Accessibility check-up',
      passingScore: 60,
      questions: [
        {
          prompt: 'Which element should you use for an action that does not navigate?',
          type: 'single',
          options: ['<div onclick>', '<a href="#">', '<button>', '<span role="text">'],
          answer: [2],
        },
        {
          prompt: 'Adding role="button" to a div also makes it keyboard-operable.',
          type: 'boolean',
          options: TF,
          answer: [1],
        },
        {
          prompt: 'Which are keyboard accessibility requirements? (choose all that apply)',
          type: 'multiple',
          options: [
            'Visible focus indicator',
            'Logical tab order',
            'Hover-only menus',
            'Focus moved into opened dialogs',
          ],
          answer: [0, 1, 3],
        },
      ],
    },
    learners: [
      {
        uid: 'u-sofia-rossi',
        done: 'all',
        enrolledDaysAgo: 70,
        rating: 5,
        comment: 'Every product team should watch this. The screen reader demo was eye-opening.',
        reviewedDaysAgo: 60,
      },
      {
        uid: 'u-yuki-sato',
        done: 'all',
        enrolledDaysAgo: 40,
        rating: 5,
        comment: 'I had no idea my portfolio was unusable with a keyboard. Fixed it in an evening.',
        reviewedDaysAgo: 28,
      },
      {
        uid: 'u-david-kim',
        done: 'all',
        enrolledDaysAgo: 60,
        rating: 4,
        comment: 'Great overview. I now write accessibility acceptance criteria into our tickets.',
        reviewedDaysAgo: 50,
      },
    ],
  },
  {
    id: 'c-giving-technical-talks',
    instructorId: 'demo-educator',
    title: 'Giving Technical Talks',
    description:
      'From meetup lightning talks to conference keynotes: pick one idea, build an outline that survives nerves, design slides that support you instead of competing with you, and handle tough questions with grace.',
    category: 'Personal Development',
    tags: ['public speaking', 'presentations', 'career', 'communication'],
    level: 'all',
    price: 0,
    status: 'published',
    createdDaysAgo: 60,
    publishedDaysAgo: 55,
    sections: [
      {
        title: 'Preparing',
        lectures: [
          {
            title: 'Picking one idea',
            duration: '7:30',
            body: 'A good talk changes one thing in the audience’s head. Write that change as a single sentence before you open your slide tool. Everything that does not serve that sentence goes into a blog post instead.',
          },
          {
            title: 'Writing a talk outline',
            duration: '9:10',
            body: 'Use a simple arc: the problem, why it is hard, what you tried, what worked, what to do on Monday. Write the outline as headlines, rehearse it out loud twice, and only then make slides. Your outline is your safety net when nerves hit.',
          },
        ],
      },
      {
        title: 'Delivering',
        lectures: [
          {
            title: 'Slides that support you',
            duration: '10:40',
            body: 'One idea per slide, big text, and code samples no longer than what fits at 32pt. If you would read a slide aloud, it belongs in your notes. Show live code only when the audience needs to see it change.',
          },
          {
            title: 'Handling nerves and Q&A',
            duration: '11:20',
            body: 'Nerves are energy; channel them into a strong first thirty seconds you know by heart. For questions, repeat the question, answer briefly, and it is fine to say "I do not know, let us talk afterwards". Take hostile questions offline.',
          },
        ],
      },
    ],
    quiz: {
      title: 'Talk readiness quiz',
      passingScore: 60,
      questions: [
        {
          prompt: 'What should you write before opening your slide tool?',
          type: 'single',
          options: [
            'A title slide',
            'The one idea of the talk, in one sentence',
            'A list of jokes',
            'Your bio',
          ],
          answer: [1],
        },
        {
          prompt: 'Repeating an audience question before answering helps everyone hear it.',
          type: 'boolean',
          options: TF,
          answer: [0],
        },
        {
          prompt: 'Which make slides support the speaker? (choose all that apply)',
          type: 'multiple',
          options: ['One idea per slide', 'Paragraphs to read aloud', 'Large text', 'Short code samples'],
          answer: [0, 2, 3],
        },
      ],
    },
    learners: [
      {
        uid: 'u-priya-sharma',
        done: 'all',
        enrolledDaysAgo: 50,
        rating: 5,
        comment: 'Gave my first conference talk last month using this outline method. It went well!',
        reviewedDaysAgo: 15,
      },
      {
        uid: 'u-liam-oconnor',
        done: 'all',
        enrolledDaysAgo: 45,
        quizWrong: 1,
        rating: 4,
        comment: 'Practical advice, especially on Q&A. Short enough to finish on a lunch break.',
        reviewedDaysAgo: 30,
      },
      {
        uid: 'u-yuki-sato',
        done: 'all',
        enrolledDaysAgo: 30,
        rating: 5,
        comment: 'I am very shy and this gave me a plan I could actually follow.',
        reviewedDaysAgo: 12,
      },
      { uid: 'u-omar-haddad', done: 2, enrolledDaysAgo: 6, lastActiveDaysAgo: 1 },
    ],
  },
  // ------------------------------------------------------------------ Priya Sharma
  {
    id: 'c-python-for-beginners',
    instructorId: 'u-priya-sharma',
    title: 'Python for Absolute Beginners',
    description:
      'Never programmed before? Start here. In six short lessons you will install Python, write scripts that make decisions and repeat work, and organise your code into functions. Every lesson ends with a small exercise you can run on your own laptop.',
    category: 'Programming',
    tags: ['python', 'programming', 'beginners', 'automation'],
    level: 'beginner',
    price: 0,
    status: 'published',
    featured: true,
    createdDaysAgo: 200,
    publishedDaysAgo: 190,
    sections: [
      {
        title: 'First steps',
        lectures: [
          {
            title: 'Installing Python and running your first script',
            duration: '8:05',
            body: 'Download Python 3 from python.org (tick "Add to PATH" on Windows) and install VS Code with the Python extension. Create hello.py containing `print("Hello, world")` and run it with `python hello.py`. The terminal is your friend: everything in this course runs there.',
            resources: [{ title: 'Python downloads', url: 'https://www.python.org/downloads/' }],
          },
          {
            title: 'Variables, numbers and strings',
            duration: '10:20',
            body: 'A variable is a name that points to a value: `price = 19.99`. Python has integers, floats and strings, and converts between them only when you ask — `int("42")`. f-strings such as `f"Total: {price * 2}"` are the easiest way to build text from values.',
          },
        ],
      },
      {
        title: 'Making decisions',
        lectures: [
          {
            title: 'if, elif and else',
            duration: '9:40',
            body: 'Conditions let your program choose. Python uses indentation, not braces, to mark what belongs to each branch, so keep it consistent with four spaces. Comparisons return True or False, and you can combine them with `and`, `or` and `not`.',
          },
          {
            title: 'Loops: for and while',
            duration: '11:15',
            body: 'A `for` loop walks through every item of a sequence: `for name in names:`. Use `range(5)` to repeat something five times. A `while` loop repeats as long as a condition is true — make sure something inside it eventually makes the condition false.',
          },
        ],
      },
      {
        title: 'Organising code',
        lectures: [
          {
            title: 'Functions',
            duration: '12:30',
            body: 'A function packages steps under a name so you can reuse them: `def add_tax(amount, rate=0.2): return amount * (1 + rate)`. Parameters are the inputs, `return` is the output. Small functions with clear names make programs easier to read than comments do.',
          },
          {
            title: 'Lists and dictionaries',
            duration: '13:05',
            body: 'Lists keep items in order (`scores = [7, 9, 4]`); dictionaries map keys to values (`ages = {"Ana": 31}`). Together they can represent almost any data you will meet. We finish by reading a CSV of expenses into a list of dictionaries and totalling them per category.',
            resources: [
              {
                title: 'Python tutorial — Data Structures',
                url: 'https://docs.python.org/3/tutorial/datastructures.html',
              },
            ],
          },
        ],
      },
    ],
    quiz: {
      title: 'Python basics quiz',
      passingScore: 70,
      questions: [
        {
          prompt: 'What does `int("42") + 1` evaluate to?',
          type: 'single',
          options: ['"421"', '43', 'An error', '"43"'],
          answer: [1],
        },
        {
          prompt: 'Python uses indentation to decide which lines belong to an if-block.',
          type: 'boolean',
          options: TF,
          answer: [0],
        },
        {
          prompt: 'Which of these are valid ways to repeat code five times? (choose all that apply)',
          type: 'multiple',
          options: ['for i in range(5):', 'repeat 5:', 'while count < 5: (incrementing count)', 'loop(5):'],
          answer: [0, 2],
        },
        {
          prompt: 'Which data structure maps keys to values?',
          type: 'single',
          options: ['list', 'tuple', 'dictionary', 'string'],
          answer: [2],
        },
      ],
    },
    learners: [
      {
        uid: 'demo-learner',
        done: 'all',
        enrolledDaysAgo: 34,
        lastActiveDaysAgo: 26,
        rating: 5,
        comment:
          'I automated my weekly social media report the week after finishing this. Priya explains things like a patient friend.',
        reviewedDaysAgo: 25,
      },
      {
        uid: 'u-marcus-johnson',
        done: 'all',
        enrolledDaysAgo: 120,
        quizWrong: 1,
        rating: 5,
        comment: 'Finally a Python course that does not assume I know what a terminal is. Loved it.',
        reviewedDaysAgo: 100,
      },
      {
        uid: 'u-omar-haddad',
        done: 'all',
        enrolledDaysAgo: 80,
        rating: 4,
        comment:
          'Solid foundation. I would add a lesson on reading Excel files, which is why most of us are here.',
        reviewedDaysAgo: 60,
      },
      {
        uid: 'u-fatima-benali',
        done: 'all',
        enrolledDaysAgo: 38,
        rating: 5,
        comment: 'Clear, calm and practical. The CSV exercise at the end tied everything together.',
        reviewedDaysAgo: 30,
      },
      {
        uid: 'u-noah-williams',
        done: 4,
        enrolledDaysAgo: 15,
        lastActiveDaysAgo: 3,
        rating: 4,
        comment: 'Easy to follow on my phone between classes. Loops lesson was great.',
        reviewedDaysAgo: 4,
      },
      { uid: 'u-chloe-martin', done: 2, enrolledDaysAgo: 9 },
      { uid: 'u-jake-turner', done: 1, enrolledDaysAgo: 30 },
    ],
  },
  {
    id: 'c-data-analysis-pandas',
    instructorId: 'u-priya-sharma',
    title: 'Data Analysis with pandas',
    description:
      'Turn messy spreadsheets into answers. Load real datasets, clean them, reshape them and summarise them with pandas, then plot the trends that matter. Assumes basic Python (variables, loops, functions).',
    category: 'Data Science',
    tags: ['pandas', 'python', 'data analysis', 'jupyter'],
    level: 'intermediate',
    price: 6900,
    status: 'published',
    createdDaysAgo: 170,
    publishedDaysAgo: 160,
    sections: [
      {
        title: 'DataFrames',
        lectures: [
          {
            title: 'Loading CSVs and a first look',
            duration: '9:30',
            body: '`pd.read_csv` turns a file into a DataFrame: a table with labelled columns and an index. Start every analysis with `df.shape`, `df.head()`, `df.info()` and `df.describe()` — in two minutes you know the size, the column types and where values are missing.',
            resources: [
              {
                title: 'pandas — Getting started',
                url: 'https://pandas.pydata.org/docs/getting_started/index.html',
              },
            ],
          },
          {
            title: 'Selecting rows and columns',
            duration: '12:10',
            body: 'Use `df["col"]` for one column, `df[["a", "b"]]` for several, `.loc` for labels and `.iloc` for positions. Boolean masks — `df[df["country"] == "India"]` — filter rows. Combine conditions with `&` and `|`, and wrap each in parentheses.',
          },
        ],
      },
      {
        title: 'Cleaning',
        lectures: [
          {
            title: 'Missing values and types',
            duration: '13:25',
            body: 'Find gaps with `df.isna().sum()`. Decide per column: drop rows, fill with a sensible default, or leave them and handle later. Fix types early — dates with `pd.to_datetime`, categories with `astype("category")` — because everything downstream gets easier and faster.',
          },
          {
            title: 'Tidy data and reshaping',
            duration: '14:40',
            body: 'Tidy data has one row per observation and one column per variable. `melt` turns wide tables into long ones, `pivot_table` goes the other way. Most plotting and groupby operations assume tidy input, so reshape first and analyse second.',
          },
        ],
      },
      {
        title: 'Insight',
        lectures: [
          {
            title: 'groupby and aggregation',
            duration: '15:05',
            body: 'Split, apply, combine: `df.groupby("region")["revenue"].sum()` answers "how much per region" in one line. Use `.agg` to compute several statistics at once and named aggregations to keep column names readable.',
          },
          {
            title: 'Plotting trends',
            duration: '12:50',
            body: 'pandas plots through matplotlib: `df.plot(x="month", y="sales")` is a start. Resample time series to weeks or months to see the trend through the noise, and always label axes with units. A plot nobody can read is not an insight.',
          },
        ],
      },
    ],
    quiz: {
      title: 'pandas quiz',
      passingScore: 70,
      questions: [
        {
          prompt: 'Which method gives a quick summary of column types and non-null counts?',
          type: 'single',
          options: ['df.head()', 'df.info()', 'df.plot()', 'df.melt()'],
          answer: [1],
        },
        {
          prompt: 'Which select rows by label rather than position? (choose all that apply)',
          type: 'multiple',
          options: ['df.loc', 'df.iloc', 'df[df["a"] > 1]', 'df.at'],
          answer: [0, 3],
        },
        {
          prompt: '`melt` turns a wide table into a long (tidy) one.',
          type: 'boolean',
          options: TF,
          answer: [0],
        },
        {
          prompt: 'How do you total revenue per region?',
          type: 'single',
          options: [
            'df.sum("region")',
            'df.groupby("region")["revenue"].sum()',
            'df["region"].sum()',
            'df.pivot("revenue")',
          ],
          answer: [1],
        },
      ],
    },
    learners: [
      {
        uid: 'u-david-kim',
        done: 'all',
        enrolledDaysAgo: 100,
        rating: 5,
        comment:
          'I now answer my own product questions instead of filing tickets for analytics. Worth every cent.',
        reviewedDaysAgo: 70,
      },
      {
        uid: 'u-ewa-kowalska',
        done: 'all',
        enrolledDaysAgo: 90,
        quizWrong: 1,
        rating: 4,
        comment:
          'Good practical coverage. As a data engineer I skimmed parts, but the reshaping lecture was new to me.',
        reviewedDaysAgo: 75,
      },
      {
        uid: 'u-omar-haddad',
        done: 'all',
        enrolledDaysAgo: 60,
        rating: 5,
        comment: 'Replaced three of my monthly Excel macros with a single notebook. Excellent.',
        reviewedDaysAgo: 20,
      },
      {
        uid: 'u-sofia-rossi',
        done: 3,
        enrolledDaysAgo: 40,
        lastActiveDaysAgo: 6,
        rating: 4,
        comment: 'Challenging for a designer, but Priya’s examples are very clear. Slowly getting there!',
        reviewedDaysAgo: 8,
      },
      { uid: 'u-marcus-johnson', done: 1, enrolledDaysAgo: 14 },
    ],
  },
  {
    id: 'c-sql-essentials',
    instructorId: 'u-priya-sharma',
    title: 'SQL Essentials for Analysts',
    description:
      'Ask your database questions directly. Filter, sort, aggregate and join tables, then write readable multi-step queries with CTEs. Examples use PostgreSQL but everything works in any modern SQL database.',
    category: 'Data Science',
    tags: ['sql', 'databases', 'postgresql', 'analytics'],
    level: 'beginner',
    price: 2900,
    status: 'published',
    createdDaysAgo: 130,
    publishedDaysAgo: 125,
    sections: [
      {
        title: 'Querying',
        lectures: [
          {
            title: 'SELECT, WHERE and ORDER BY',
            duration: '10:10',
            body: 'Every query starts with what you want (`SELECT`), from where (`FROM`), which rows (`WHERE`) and in what order (`ORDER BY`). Select only the columns you need and add `LIMIT` while exploring. String comparisons are case-sensitive in PostgreSQL; use `ILIKE` for case-insensitive matching.',
            resources: [
              { title: 'PostgreSQL tutorial', url: 'https://www.postgresql.org/docs/current/tutorial.html' },
            ],
          },
          {
            title: 'Aggregates and GROUP BY',
            duration: '12:35',
            body: '`COUNT`, `SUM`, `AVG`, `MIN` and `MAX` collapse many rows into one. `GROUP BY` does that per group. Filter rows before grouping with `WHERE` and filter groups after grouping with `HAVING` — mixing them up is the most common beginner bug.',
          },
        ],
      },
      {
        title: 'Joining',
        lectures: [
          {
            title: 'INNER and LEFT JOIN',
            duration: '13:50',
            body: 'An `INNER JOIN` keeps only rows that match on both sides; a `LEFT JOIN` keeps every row from the left table and fills missing matches with NULL. Use LEFT JOIN when you need "customers and their orders, including customers with none".',
          },
          {
            title: 'Subqueries and CTEs',
            duration: '14:15',
            body: 'A CTE (`WITH monthly AS (...)`) names an intermediate result so you can build a query in readable steps. It is the SQL equivalent of a well-named variable. Most analysis queries are three or four CTEs followed by a short final SELECT.',
          },
        ],
      },
    ],
    quiz: {
      title: 'SQL essentials quiz',
      passingScore: 60,
      questions: [
        {
          prompt: 'Which clause filters groups after aggregation?',
          type: 'single',
          options: ['WHERE', 'HAVING', 'ORDER BY', 'LIMIT'],
          answer: [1],
        },
        {
          prompt: 'A LEFT JOIN keeps left-table rows that have no match on the right.',
          type: 'boolean',
          options: TF,
          answer: [0],
        },
        {
          prompt: 'Which are aggregate functions? (choose all that apply)',
          type: 'multiple',
          options: ['COUNT', 'UPPER', 'AVG', 'MAX'],
          answer: [0, 2, 3],
        },
      ],
    },
    learners: [
      {
        uid: 'u-amara-okafor',
        done: 'all',
        enrolledDaysAgo: 70,
        rating: 5,
        comment: 'I can finally pull my own campaign numbers. The HAVING vs WHERE explanation was perfect.',
        reviewedDaysAgo: 40,
      },
      {
        uid: 'u-ana-lopez',
        done: 'all',
        enrolledDaysAgo: 60,
        rating: 5,
        comment: 'I wanted to understand my students’ sign-up data. Short, clear and very well structured.',
        reviewedDaysAgo: 35,
      },
      {
        uid: 'u-david-kim',
        done: 'all',
        enrolledDaysAgo: 110,
        quizWrong: 1,
        rating: 4,
        comment: 'Good intro. CTEs changed how I write queries. Could use a lesson on window functions.',
        reviewedDaysAgo: 95,
      },
    ],
  },
  {
    id: 'c-data-storytelling',
    instructorId: 'u-priya-sharma',
    title: 'Data Storytelling for Business',
    description:
      'Analysis only matters if it changes a decision. Learn to turn numbers into a clear message, pick the chart that makes it obvious, remove the clutter and present it to executives in ten minutes.',
    category: 'Business',
    tags: ['data', 'storytelling', 'presentations', 'charts', 'business'],
    level: 'intermediate',
    price: 8900,
    status: 'published',
    createdDaysAgo: 90,
    publishedDaysAgo: 85,
    sections: [
      {
        title: 'The story',
        lectures: [
          {
            title: 'From analysis to message',
            duration: '9:00',
            body: 'Your audience does not want your process, they want the conclusion and what to do about it. Write the "so what" in one sentence, then choose the two or three pieces of evidence that support it. Everything else goes to the appendix.',
          },
          {
            title: 'Know your audience',
            duration: '8:35',
            body: 'An executive, an engineer and a customer need different levels of detail for the same finding. Before building anything, ask: what decision does this person make, what do they already know, and how much time will they give you?',
          },
        ],
      },
      {
        title: 'The charts',
        lectures: [
          {
            title: 'Choosing the right chart',
            duration: '12:20',
            body: 'Comparing categories: bar chart. Change over time: line chart. Part of a whole with few parts: stacked bar, rarely a pie. Relationship between two measures: scatter plot. When in doubt, a well-labelled table beats a confusing chart.',
          },
          {
            title: 'Decluttering',
            duration: '10:45',
            body: 'Remove gridlines, borders, 3D effects and legends you can replace with direct labels. Grey out everything except the data that carries your message, then highlight it with one accent colour. The chart should be understood in five seconds.',
          },
        ],
      },
      {
        title: 'Presenting',
        lectures: [
          {
            title: 'Structuring a ten-minute data talk',
            duration: '13:40',
            body: 'Open with the recommendation, show the evidence, address the obvious objection, and close with the decision you need. Rehearse with a timer and cut anything that does not move the decision forward.',
          },
        ],
      },
    ],
    quiz: {
      title: 'Data storytelling quiz',
      passingScore: 60,
      questions: [
        {
          prompt: 'Which chart best shows change over time?',
          type: 'single',
          options: ['Pie chart', 'Line chart', 'Scatter plot', 'Radar chart'],
          answer: [1],
        },
        {
          prompt: 'Which are good decluttering steps? (choose all that apply)',
          type: 'multiple',
          options: [
            'Direct labels instead of legends',
            'Adding 3D effects',
            'Removing heavy gridlines',
            'One accent colour',
          ],
          answer: [0, 2, 3],
        },
        {
          prompt: 'A data talk for executives should open with the recommendation.',
          type: 'boolean',
          options: TF,
          answer: [0],
        },
      ],
    },
    learners: [
      {
        uid: 'u-marcus-johnson',
        done: 'all',
        enrolledDaysAgo: 75,
        rating: 5,
        comment:
          'I coach presentations for a living and still learned a lot. The decluttering lecture is superb.',
        reviewedDaysAgo: 50,
      },
      {
        uid: 'u-david-kim',
        done: 'all',
        enrolledDaysAgo: 60,
        rating: 5,
        comment: 'My quarterly review deck went from forty slides to twelve. Leadership noticed.',
        reviewedDaysAgo: 22,
      },
      {
        uid: 'u-omar-haddad',
        done: 'all',
        enrolledDaysAgo: 40,
        quizWrong: 1,
        rating: 4,
        comment: 'Very useful for finance people. A bit pricey, but the templates alone pay for it.',
        reviewedDaysAgo: 18,
      },
    ],
  },
  // ------------------------------------------------------------------ Ana López
  {
    id: 'c-acoustic-guitar-basics',
    instructorId: 'u-ana-lopez',
    title: 'Acoustic Guitar from Zero',
    description:
      'Pick up a guitar for the first time and play a full song in four weeks. Tuning, posture, your first five chords, smooth changes and the strumming patterns behind hundreds of songs — with slow play-along sections in every lesson.',
    category: 'Music',
    tags: ['guitar', 'acoustic', 'chords', 'music'],
    level: 'beginner',
    price: 3900,
    status: 'published',
    featured: true,
    createdDaysAgo: 160,
    publishedDaysAgo: 150,
    sections: [
      {
        title: 'Before you play',
        lectures: [
          {
            title: 'Parts of the guitar and tuning',
            duration: '7:45',
            body: 'From thickest to thinnest, the open strings are E A D G B E — "Eddie Ate Dynamite, Good Bye Eddie". Use a clip-on tuner or a free tuner app, tune up to each note rather than down, and retune every time you pick up the guitar: new strings stretch for days.',
          },
          {
            title: 'Holding the guitar and the pick',
            duration: '8:30',
            body: 'Sit upright with the guitar’s waist on your right leg and the neck angled slightly up. Hold the pick between the pad of your thumb and the side of your index finger, with just a few millimetres showing. Relaxed hands play longer and sound better.',
          },
        ],
      },
      {
        title: 'First chords',
        lectures: [
          {
            title: 'E minor and G',
            duration: '10:15',
            body: 'E minor needs only two fingers on the second fret of the A and D strings. G major uses three. Press just behind the fret, not on top of it, and arch your fingers so they do not mute neighbouring strings. Strum slowly and listen to each string ring.',
          },
          {
            title: 'C, D and the one-minute change',
            duration: '12:00',
            body: 'Add C major and D major, then practise the "one-minute change": switch between two chords as many times as you can in sixty seconds and write down the number. Do it daily. Smooth changes, not fast strumming, are what make songs sound like songs.',
          },
        ],
      },
      {
        title: 'Rhythm',
        lectures: [
          {
            title: 'Down-up strumming',
            duration: '11:25',
            body: 'Keep your strumming hand moving down and up like a pendulum, all the time, and simply choose when to hit the strings. The pattern down, down-up, up-down-up fits a huge number of pop and folk songs. Count out loud: 1, 2-and, and-4-and.',
          },
          {
            title: 'Your first song: four chords',
            duration: '14:50',
            body: 'G, D, Em and C in that order power countless songs. We play the progression slowly with the strumming pattern from the previous lesson, then at full tempo. If a change is late, keep strumming anyway — the rhythm matters more than a perfect chord.',
          },
        ],
      },
    ],
    quiz: {
      title: 'Guitar basics quiz',
      passingScore: 70,
      questions: [
        {
          prompt: 'What are the open strings from thickest to thinnest in standard tuning?',
          type: 'single',
          options: ['E A D G B E', 'E B G D A E', 'A D G C E A', 'D G C F A D'],
          answer: [0],
        },
        {
          prompt: 'Where should your finger press on a fret?',
          type: 'single',
          options: [
            'Directly on the metal fret',
            'Just behind the fret',
            'Halfway between frets',
            'Anywhere',
          ],
          answer: [1],
        },
        {
          prompt: 'Your strumming hand should keep moving even when it does not hit the strings.',
          type: 'boolean',
          options: TF,
          answer: [0],
        },
        {
          prompt:
            'Which chords are in the four-chord progression from the last lesson? (choose all that apply)',
          type: 'multiple',
          options: ['G', 'D', 'F', 'Em', 'C'],
          answer: [0, 1, 3, 4],
        },
      ],
    },
    learners: [
      {
        uid: 'u-liam-oconnor',
        done: 'all',
        enrolledDaysAgo: 110,
        rating: 5,
        comment:
          'I had tried YouTube for years. Ana’s one-minute change exercise is the thing that finally worked.',
        reviewedDaysAgo: 60,
      },
      {
        uid: 'u-ewa-kowalska',
        done: 'all',
        enrolledDaysAgo: 80,
        quizWrong: 1,
        rating: 5,
        comment: 'Played my first full song for my family at the weekend. Thank you, Ana!',
        reviewedDaysAgo: 33,
      },
      {
        uid: 'u-priya-sharma',
        done: 'all',
        enrolledDaysAgo: 95,
        rating: 5,
        comment: 'Warm, patient teaching and the play-alongs are at a genuinely slow tempo. Lovely course.',
        reviewedDaysAgo: 65,
      },
      {
        uid: 'u-marcus-johnson',
        done: 4,
        enrolledDaysAgo: 50,
        lastActiveDaysAgo: 12,
        rating: 4,
        comment: 'Great content. My fingers hurt more than expected — that is on me, not the course.',
        reviewedDaysAgo: 30,
      },
      { uid: 'demo-learner', done: 2, enrolledDaysAgo: 8, lastActiveDaysAgo: 3 },
    ],
  },
  {
    id: 'c-conversational-spanish',
    instructorId: 'u-ana-lopez',
    title: 'Conversational Spanish A1–A2',
    description:
      'Speak Spanish from the first lesson. Real dialogues recorded in Mexico City, the grammar you need to build your own sentences, and speaking prompts you can practise alone or with an exchange partner.',
    category: 'Languages',
    tags: ['spanish', 'conversation', 'languages', 'travel'],
    level: 'beginner',
    price: 2400,
    status: 'published',
    createdDaysAgo: 140,
    publishedDaysAgo: 135,
    sections: [
      {
        title: 'Survival Spanish',
        lectures: [
          {
            title: 'Greetings that sound natural',
            duration: '8:10',
            body: '"Hola, ¿qué tal?" is friendly almost everywhere; "Buenos días" until about noon, "buenas tardes" until dark. In Mexico you will hear "¿Qué onda?" among friends. Answer with "Bien, ¿y tú?" and you are already having a conversation.',
          },
          {
            title: 'Ordering food and asking prices',
            duration: '10:35',
            body: 'Use "Quisiera…" (I would like…) or the very common "Me da…, por favor". Ask "¿Cuánto cuesta?" for one thing and "¿Cuánto es?" for the total. Numbers are the hardest part at first, so we drill 1 to 100 with real menu prices.',
          },
        ],
      },
      {
        title: 'Talking about yourself',
        lectures: [
          {
            title: 'Ser vs estar',
            duration: '12:20',
            body: 'Both mean "to be". Use ser for identity and lasting characteristics (soy ingeniera, es alto) and estar for states and location (estoy cansada, está en Madrid). "Es aburrido" means it is boring; "está aburrido" means he is bored — the verb changes the meaning.',
          },
          {
            title: 'Present tense of regular verbs',
            duration: '11:45',
            body: 'Drop -ar, -er or -ir and add the ending for the person: hablo, hablas, habla, hablamos, hablan. Learn the pattern once and hundreds of verbs become usable. We practise with trabajar, comer and vivir in short dialogues.',
          },
          {
            title: 'Talking about your weekend',
            duration: '13:00',
            body: 'Put it all together: "El sábado voy a…" (on Saturday I am going to…) uses ir + a + infinitive, the easiest way to talk about plans. Record yourself describing your weekend in five sentences and compare with the model answer.',
          },
        ],
      },
    ],
    quiz: {
      title: 'Spanish A1 check',
      passingScore: 60,
      questions: [
        {
          prompt: 'Which verb completes "Yo ___ cansada" (I am tired)?',
          type: 'single',
          options: ['soy', 'estoy', 'es', 'tengo'],
          answer: [1],
        },
        {
          prompt: '"¿Cuánto es?" asks for the total price.',
          type: 'boolean',
          options: TF,
          answer: [0],
        },
        {
          prompt: 'Which are correct present-tense forms of "hablar"? (choose all that apply)',
          type: 'multiple',
          options: ['hablo', 'hablamos', 'hablé', 'hablan'],
          answer: [0, 1, 3],
        },
      ],
    },
    learners: [
      {
        uid: 'u-sofia-rossi',
        done: 'all',
        enrolledDaysAgo: 100,
        rating: 5,
        comment:
          'Perfect alongside my language exchange. The dialogues sound like real people, not a textbook.',
        reviewedDaysAgo: 70,
      },
      {
        uid: 'u-liam-oconnor',
        done: 'all',
        enrolledDaysAgo: 60,
        quizWrong: 1,
        rating: 4,
        comment: 'Good structure. Ser vs estar finally makes sense. Would love an A2–B1 follow-up.',
        reviewedDaysAgo: 28,
      },
      {
        uid: 'u-ewa-kowalska',
        done: 'all',
        enrolledDaysAgo: 50,
        rating: 5,
        comment: 'Ordered tacos in Spanish on holiday and nobody switched to English. Success!',
        reviewedDaysAgo: 16,
      },
      {
        uid: 'u-noah-williams',
        done: 3,
        enrolledDaysAgo: 14,
        lastActiveDaysAgo: 2,
        rating: 5,
        comment: 'Ana is a great teacher. I practise the dialogues on the bus every morning.',
        reviewedDaysAgo: 3,
      },
      {
        uid: 'u-yuki-sato',
        done: 'all',
        enrolledDaysAgo: 55,
        rating: 4,
        comment: 'Clear and fun. Pronunciation tips for Japanese speakers would be a nice bonus.',
        reviewedDaysAgo: 24,
      },
    ],
  },
  // ------------------------------------------------------------------ Kenji Tanaka
  {
    id: 'c-photography-fundamentals',
    instructorId: 'u-kenji-tanaka',
    title: 'Photography Fundamentals: Light, Exposure, Composition',
    description:
      'Take your camera off auto. Understand aperture, shutter speed and ISO, read natural light like a pro, and compose images that pull the viewer in. Works with any camera that has manual controls, including most phones.',
    category: 'Photography',
    tags: ['photography', 'exposure', 'composition', 'camera'],
    level: 'beginner',
    price: 4400,
    status: 'published',
    createdDaysAgo: 180,
    publishedDaysAgo: 170,
    sections: [
      {
        title: 'Exposure',
        lectures: [
          {
            title: 'The exposure triangle',
            duration: '9:50',
            body: 'Exposure is how much light reaches the sensor. Aperture controls how wide the opening is, shutter speed how long it stays open, and ISO how strongly the signal is amplified. Change one and you must compensate with another to keep the same brightness.',
          },
          {
            title: 'Aperture and depth of field',
            duration: '11:05',
            body: 'Small f-numbers like f/1.8 mean a wide opening: more light and a shallow depth of field, perfect for portraits with blurred backgrounds. Large f-numbers like f/11 keep everything from foreground to horizon sharp, which landscapes usually need.',
          },
          {
            title: 'Shutter speed and motion',
            duration: '10:40',
            body: 'Fast shutter speeds (1/1000 s) freeze a cyclist; slow ones (1/15 s) blur moving water into silk. Handheld, stay above 1 divided by your focal length — 1/50 s at 50 mm — or use a tripod.',
          },
        ],
      },
      {
        title: 'Light',
        lectures: [
          {
            title: 'Reading natural light',
            duration: '12:15',
            body: 'Notice direction, quality and colour. Side light reveals texture, back light creates glow and silhouettes, and overcast skies act like a giant softbox that flatters faces. Walk around your subject before you shoot and watch how the light changes.',
          },
          {
            title: 'Golden hour and blue hour',
            duration: '9:30',
            body: 'The hour after sunrise and before sunset gives warm, low, soft light; the blue hour just after sunset gives deep blue skies and balanced city lights. Plan shoots with an app that shows sun position, and arrive early.',
          },
        ],
      },
      {
        title: 'Composition',
        lectures: [
          {
            title: 'Rule of thirds and when to break it',
            duration: '10:55',
            body: 'Placing the subject on a third line usually feels more dynamic than centring it. But symmetry, minimalism and strong central subjects often work better in the middle. Learn the rule so you break it on purpose.',
          },
          {
            title: 'Leading lines and framing',
            duration: '11:35',
            body: 'Roads, railings and shorelines guide the eye towards your subject. Doorways, branches and windows frame it and add depth. Look for both before you press the shutter, and shoot from a lower or higher position than eye level.',
          },
        ],
      },
    ],
    quiz: {
      title: 'Exposure and composition quiz',
      passingScore: 70,
      questions: [
        {
          prompt: 'Which aperture gives the shallowest depth of field?',
          type: 'single',
          options: ['f/1.8', 'f/8', 'f/11', 'f/16'],
          answer: [0],
        },
        {
          prompt: 'Which settings are part of the exposure triangle? (choose all that apply)',
          type: 'multiple',
          options: ['Aperture', 'White balance', 'Shutter speed', 'ISO'],
          answer: [0, 2, 3],
        },
        {
          prompt: 'A shutter speed of 1/15 s is a good choice to freeze a moving cyclist.',
          type: 'boolean',
          options: TF,
          answer: [1],
        },
        {
          prompt: 'What does overcast light do for portraits?',
          type: 'single',
          options: [
            'Creates hard shadows',
            'Acts as a large soft light source',
            'Makes skin look orange',
            'Nothing',
          ],
          answer: [1],
        },
      ],
    },
    learners: [
      {
        uid: 'u-hannah-schmidt',
        done: 'all',
        enrolledDaysAgo: 120,
        rating: 5,
        comment: 'After years on auto I shoot in manual now. Kenji’s explanations are calm and visual.',
        reviewedDaysAgo: 85,
      },
      {
        uid: 'u-chloe-martin',
        done: 'all',
        enrolledDaysAgo: 60,
        quizWrong: 1,
        rating: 4,
        comment: 'My pastry photos are so much better. The light lecture made the biggest difference.',
        reviewedDaysAgo: 20,
      },
      {
        uid: 'demo-educator',
        done: 'all',
        enrolledDaysAgo: 100,
        rating: 5,
        comment: 'Exactly the grounding I needed. Clear examples and no gear snobbery.',
        reviewedDaysAgo: 75,
      },
      {
        uid: 'u-ana-lopez',
        done: 'all',
        enrolledDaysAgo: 90,
        quizWrong: 1,
        rating: 4,
        comment: 'Beautiful example photos and easy to follow. I would love more on phone cameras.',
        reviewedDaysAgo: 55,
      },
      {
        uid: 'u-marcus-johnson',
        done: 5,
        enrolledDaysAgo: 40,
        lastActiveDaysAgo: 9,
        rating: 5,
        comment: 'The shutter speed lesson was a revelation. Halfway through and loving it.',
        reviewedDaysAgo: 10,
      },
    ],
  },
  {
    id: 'c-lightroom-editing',
    instructorId: 'u-kenji-tanaka',
    title: 'Editing in Lightroom',
    description:
      'A fast, repeatable editing workflow: organise your catalogue, make global corrections in the right order, control colour with white balance and HSL, and build presets that give your work a consistent look.',
    category: 'Photography',
    tags: ['lightroom', 'editing', 'color grading', 'photography'],
    level: 'intermediate',
    price: 1900,
    status: 'published',
    createdDaysAgo: 110,
    publishedDaysAgo: 100,
    sections: [
      {
        title: 'Workflow',
        lectures: [
          {
            title: 'Importing and organising a catalogue',
            duration: '8:40',
            body: 'Import into folders by date, add keywords while you still remember the shoot, and flag picks and rejects in one fast pass with P and X. A few minutes of organisation saves hours of searching later.',
          },
          {
            title: 'The basic panel, top to bottom',
            duration: '12:30',
            body: 'Work from the top: profile, white balance, exposure, contrast, then highlights and shadows, whites and blacks. Hold Alt while dragging whites and blacks to see clipping. Most photos need nothing beyond this panel.',
          },
        ],
      },
      {
        title: 'Colour',
        lectures: [
          {
            title: 'White balance and HSL',
            duration: '13:10',
            body: 'Set white balance with the eyedropper on something neutral grey, then adjust to taste. The HSL panel changes the hue, saturation and luminance of individual colours: lower orange luminance slightly for richer skin, shift greens towards yellow for warmer landscapes.',
          },
          {
            title: 'Building your own presets',
            duration: '10:20',
            body: 'Save a preset only from settings that are not photo-specific — colour, tone curve, grain — and leave exposure out. Apply it on import, then fine-tune per photo. Three good presets beat thirty you never use.',
          },
        ],
      },
    ],
    quiz: {
      title: 'Lightroom quiz',
      passingScore: 60,
      questions: [
        {
          prompt: 'Which keys flag a photo as pick and reject?',
          type: 'single',
          options: ['P and X', 'F and R', 'Y and N', '1 and 0'],
          answer: [0],
        },
        {
          prompt: 'Exposure settings should usually be saved in a preset.',
          type: 'boolean',
          options: TF,
          answer: [1],
        },
        {
          prompt: 'What does the HSL panel control? (choose all that apply)',
          type: 'multiple',
          options: ['Hue', 'Sharpness', 'Saturation', 'Luminance'],
          answer: [0, 2, 3],
        },
      ],
    },
    learners: [
      {
        uid: 'u-hannah-schmidt',
        done: 'all',
        enrolledDaysAgo: 80,
        quizWrong: 1,
        rating: 4,
        comment: 'Efficient and well organised. I finally have a workflow instead of random sliders.',
        reviewedDaysAgo: 40,
      },
      {
        uid: 'demo-educator',
        done: 'all',
        enrolledDaysAgo: 70,
        rating: 5,
        comment: 'Short and dense in the best way. The HSL tips for skin tones are fantastic.',
        reviewedDaysAgo: 45,
      },
      { uid: 'u-chloe-martin', done: 1, enrolledDaysAgo: 5 },
    ],
  },

  // ------------------------------------------------------------------ awaiting review (pending)
  {
    id: 'c-machine-learning-intro',
    instructorId: 'u-priya-sharma',
    title: 'Machine Learning: A Practical Introduction',
    description:
      'Train, evaluate and improve your first models with scikit-learn. Regression, classification, train/test splits and the metrics that tell you whether a model is actually useful.',
    category: 'Data Science',
    tags: ['machine learning', 'scikit-learn', 'python', 'models'],
    level: 'intermediate',
    price: 7900,
    status: 'pending',
    createdDaysAgo: 20,
    sections: [
      {
        title: 'Foundations',
        lectures: [
          {
            title: 'What a model learns',
            duration: '10:00',
            body: 'A supervised model learns a mapping from inputs (features) to an output (label) from examples. It is only as good as the data it sees and the question you ask it. We frame three business questions as regression or classification problems.',
          },
          {
            title: 'Train, validation and test sets',
            duration: '11:30',
            body: 'Never judge a model on the data it was trained on. Hold out a test set you touch once at the end, and use cross-validation to choose settings. Leakage — information from the future sneaking into training — is the most common reason models fail in production.',
          },
        ],
      },
      {
        title: 'Models',
        lectures: [
          {
            title: 'Your first classifier',
            duration: '14:20',
            body: 'We train a logistic regression to predict customer churn, read its coefficients, and compare it with a random forest. Accuracy alone misleads on imbalanced data, so we look at precision, recall and the confusion matrix.',
          },
        ],
      },
    ],
    quiz: {
      title: 'ML basics quiz',
      passingScore: 70,
      questions: [
        {
          prompt: 'Why do we keep a separate test set?',
          type: 'single',
          options: [
            'To train faster',
            'To estimate performance on unseen data',
            'To store backups',
            'It is required by scikit-learn',
          ],
          answer: [1],
        },
        {
          prompt: 'Accuracy is always the best metric for imbalanced classes.',
          type: 'boolean',
          options: TF,
          answer: [1],
        },
      ],
    },
  },
  {
    id: 'c-street-photography',
    instructorId: 'u-kenji-tanaka',
    title: 'Street Photography: Seeing Stories in the City',
    description:
      'Find moments worth photographing in ordinary streets. Working with light and shadow, anticipating gestures, shooting respectfully and building a coherent series.',
    category: 'Photography',
    tags: ['street photography', 'photography', 'storytelling', 'city'],
    level: 'all',
    price: 2900,
    status: 'pending',
    createdDaysAgo: 12,
    sections: [
      {
        title: 'Seeing',
        lectures: [
          {
            title: 'Find the stage, wait for the actor',
            duration: '9:15',
            body: 'Instead of chasing people, find an interesting background — a pool of light, a graphic wall, a reflection — and wait for someone to walk into it. Patience produces more keepers than speed.',
          },
          {
            title: 'Shooting respectfully',
            duration: '8:45',
            body: 'Know the law where you shoot, avoid photographing people in vulnerable situations, and be open if someone notices you: smile, show the picture, delete it if asked. Good street photography is about empathy, not stealth.',
          },
        ],
      },
      {
        title: 'Series',
        lectures: [
          {
            title: 'Editing a series',
            duration: '12:10',
            body: 'A series needs a thread: a place, a colour, a theme. Print small versions of your best thirty shots, lay them out, and remove anything that repeats or breaks the mood until ten remain.',
          },
        ],
      },
    ],
  },

  // ------------------------------------------------------------------ drafts
  {
    id: 'c-nextjs-fullstack',
    instructorId: 'demo-educator',
    title: 'Full-stack Apps with Next.js',
    description:
      'Work in progress: server components, data fetching, mutations with server actions and deploying a full-stack Next.js app.',
    category: 'Programming',
    tags: ['nextjs', 'react', 'fullstack'],
    level: 'advanced',
    price: 8900,
    status: 'draft',
    createdDaysAgo: 6,
    sections: [
      {
        title: 'Server components',
        lectures: [
          {
            title: 'Server and client components',
            duration: '12:00',
            body: 'Server components render on the server and send HTML plus a compact description of the tree; they can read databases directly but cannot use state or effects. Mark interactive leaves with "use client" and keep the boundary as low in the tree as possible.',
          },
          {
            title: 'Fetching data on the server',
            duration: '10:30',
            body: 'Draft notes: async components, caching and revalidation, streaming with Suspense boundaries.',
          },
        ],
      },
    ],
  },
  {
    id: 'c-music-theory-for-guitarists',
    instructorId: 'u-ana-lopez',
    title: 'Music Theory for Guitarists',
    description:
      'Draft: intervals, the major scale, building chords and reading chord progressions on the fretboard.',
    category: 'Music',
    tags: ['music theory', 'guitar', 'scales'],
    level: 'intermediate',
    price: 3400,
    status: 'draft',
    createdDaysAgo: 4,
    sections: [
      {
        title: 'Intervals',
        lectures: [
          {
            title: 'Half steps and whole steps',
            duration: '8:00',
            body: 'On the guitar one fret is a half step and two frets are a whole step. The major scale follows the pattern whole, whole, half, whole, whole, whole, half — play it along one string to hear why it sounds "right".',
          },
        ],
      },
    ],
  },

  // ------------------------------------------------------------------ rejected
  {
    id: 'c-phone-photography-instagram',
    instructorId: 'u-kenji-tanaka',
    title: 'Phone Photography for Instagram Growth',
    description:
      'Shoot scroll-stopping photos with your phone and grow your account with a consistent visual style.',
    category: 'Marketing',
    tags: ['instagram', 'phone photography', 'social media'],
    level: 'beginner',
    price: 1900,
    status: 'rejected',
    rejectionReason:
      'Lectures 2 and 3 have no video yet, and the description promises follower growth the content does not cover. Please add the missing media and either add the growth material or revise the description, then resubmit.',
    createdDaysAgo: 30,
    sections: [
      {
        title: 'Shooting',
        lectures: [
          {
            title: 'Cleaning your lens and locking focus',
            duration: '5:30',
            body: 'Wipe the lens before every shoot — pocket lint is the number one cause of hazy phone photos. Tap and hold to lock focus and exposure, then slide to adjust brightness.',
          },
          {
            title: 'Using window light',
            duration: '0:00',
            body: 'Video coming soon.',
          },
          {
            title: 'A consistent grid',
            duration: '0:00',
            body: 'Video coming soon.',
          },
        ],
      },
    ],
  },
];
