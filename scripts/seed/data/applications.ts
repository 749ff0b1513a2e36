// Seeded educator applications: the approved ones behind today's instructors, two waiting in the
// admin queue and one rejected.
import type { EducatorApplicationStatus } from '@skillverse/domain/models';

export interface SeedApplication {
  uid: string;
  expertise: string[];
  motivation: string;
  sampleUrl?: string;
  status: EducatorApplicationStatus;
  createdDaysAgo: number;
  decidedDaysAgo?: number;
  decisionReason?: string;
}

export const APPLICATIONS: readonly SeedApplication[] = [
  {
    uid: 'demo-educator',
    expertise: ['React', 'TypeScript', 'Accessibility'],
    motivation:
      'I have onboarded dozens of engineers onto React codebases and want to turn those sessions into courses anyone can take.',
    sampleUrl: 'https://example.com/eddie/talks',
    status: 'approved',
    createdDaysAgo: 395,
    decidedDaysAgo: 393,
  },
  {
    uid: 'u-ana-lopez',
    expertise: ['Guitar', 'Spanish', 'Music Theory'],
    motivation:
      'I have taught guitar and Spanish to adults for eight years and would love to reach learners outside Mexico City.',
    sampleUrl: 'https://example.com/ana/lesson-sample',
    status: 'approved',
    createdDaysAgo: 295,
    decidedDaysAgo: 292,
  },
  {
    uid: 'u-priya-sharma',
    expertise: ['Python', 'Data Analysis', 'SQL', 'Statistics'],
    motivation:
      'Former statistics lecturer, now a data scientist. I want to make data skills approachable for non-programmers.',
    status: 'approved',
    createdDaysAgo: 375,
    decidedDaysAgo: 372,
  },
  {
    uid: 'u-kenji-tanaka',
    expertise: ['Photography', 'Lightroom'],
    motivation:
      'Fifteen years as a working photographer. I run weekend workshops in Tokyo and want to teach online too.',
    sampleUrl: 'https://example.com/kenji/portfolio',
    status: 'approved',
    createdDaysAgo: 245,
    decidedDaysAgo: 240,
  },
  {
    uid: 'u-marcus-johnson',
    expertise: ['Public Speaking', 'Sales', 'Negotiation'],
    motivation:
      'I coach engineers and founders to pitch without notes. I would like to publish a course on presenting technical work to non-technical audiences.',
    sampleUrl: 'https://example.com/marcus/workshop-clip',
    status: 'pending',
    createdDaysAgo: 3,
  },
  {
    uid: 'u-amara-okafor',
    expertise: ['Digital Marketing', 'Copywriting', 'SEO'],
    motivation:
      'I help startups find their first customers and want to teach a practical course on launching with a tiny budget.',
    status: 'pending',
    createdDaysAgo: 1,
  },
  {
    uid: 'u-jake-turner',
    expertise: ['Day Trading'],
    motivation: 'Teach people how to get rich fast with my trading signals.',
    status: 'rejected',
    createdDaysAgo: 30,
    decidedDaysAgo: 28,
    decisionReason: 'Courses promising guaranteed returns are not allowed on SkillVerse.',
  },
];
