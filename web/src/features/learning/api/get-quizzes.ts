// The quiz list is shared (lib/data/quizzes.ts). This re-export stays only for
// pages/player-page.tsx, which another change is carving into sections; point those at
// '@/lib/data/quizzes' and delete this file.
export { quizzesQueryOptions, useQuizzes } from '@/lib/data/quizzes';
