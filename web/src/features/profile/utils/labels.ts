import type { FirstGoal, SkillLevel } from '@skillverse/domain/models';
import type { IconName } from '@/components/icon';

export const SKILL_LEVEL_LABELS: Record<SkillLevel, string> = {
  beginner: 'Beginner',
  intermediate: 'Intermediate',
  advanced: 'Advanced',
  expert: 'Expert',
};

export const FIRST_GOAL_COPY: Record<FirstGoal, { title: string; description: string; icon: IconName }> = {
  learn: {
    title: 'Learn',
    description: 'Find a course and start learning something new at your own pace.',
    icon: 'book',
  },
  teach: {
    title: 'Teach',
    description: 'Apply to become an educator, then create courses and host live sessions.',
    icon: 'mic',
  },
  exchange: {
    title: 'Exchange skills',
    description: 'Teach a skill you have in return for learning one you want, one-to-one.',
    icon: 'swap',
  },
};
