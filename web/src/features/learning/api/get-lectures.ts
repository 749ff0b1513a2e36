// The lecture list is shared (lib/data/lectures.ts). This re-export stays only for
// pages/player-page.tsx, which another change is carving into sections; point those at
// '@/lib/data/lectures' and delete this file.
export { lecturesQueryOptions, useLectures } from '@/lib/data/lectures';
