// Seeded in-app notifications (a mix of read and unread). `at` is hours relative to "now".
import type { NotificationType } from '@skillverse/domain/models';

export interface SeedNotification {
  id: string;
  type: NotificationType;
  title: string;
  body: string;
  link: string | null;
  read: boolean;
  at: number;
}

export interface NotificationContext {
  /** The seeded certificate id of `uid` for `courseId`. */
  certificateId(courseId: string, uid: string): string;
}

const d = (days: number) => days * 24;

export function seedNotifications(ctx: NotificationContext): Record<string, SeedNotification[]> {
  const lenaPythonCert = ctx.certificateId('c-python-for-beginners', 'demo-learner');
  return {
    'demo-learner': [
      {
        id: 'welcome',
        type: 'account',
        title: 'Welcome to SkillVerse!',
        body: 'Set up your profile, pick your skills and start learning, teaching or swapping skills.',
        link: '/profile',
        read: true,
        at: -d(60),
      },
      {
        id: 'n-enrolled-python',
        type: 'enrollment',
        title: 'You are enrolled in Python for Absolute Beginners',
        body: 'Start with lesson 1: Installing Python and running your first script.',
        link: '/learn/c-python-for-beginners/l01',
        read: true,
        at: -d(34),
      },
      {
        id: 'n-badge-skill-sharer',
        type: 'badge_earned',
        title: 'Badge earned: Skill Sharer 🤝',
        body: 'You completed your first skill exchange with Sofia Rossi.',
        link: '/achievements',
        read: true,
        at: -d(28),
      },
      {
        id: 'n-certificate-python',
        type: 'certificate_issued',
        title: 'Your certificate is ready',
        body: 'Congratulations on completing Python for Absolute Beginners!',
        link: `/certificates/${lenaPythonCert}/verify`,
        read: true,
        at: -d(26),
      },
      {
        id: 'n-badge-first-course',
        type: 'badge_earned',
        title: 'Badge earned: First Course Completed 🎓',
        body: 'You finished your first course. On to the next one!',
        link: '/achievements',
        read: true,
        at: -d(26),
      },
      {
        id: 'n-exchange-accepted-liam',
        type: 'exchange_accepted',
        title: "Liam O'Connor accepted your exchange request",
        body: 'Python for Spanish is on. Agree on terms to get started.',
        link: '/skill-exchange/x-lena-liam-python',
        read: true,
        at: -d(23),
      },
      {
        id: 'n-receipt-react',
        type: 'payment_receipt',
        title: 'Receipt: React Fundamentals',
        body: 'We received your payment of $49.00. Happy learning!',
        link: '/my-learning',
        read: true,
        at: -d(12),
      },
      {
        id: 'n-receipt-guitar',
        type: 'payment_receipt',
        title: 'Receipt: Acoustic Guitar from Zero',
        body: 'We received your payment of $39.00. Happy learning!',
        link: '/my-learning',
        read: true,
        at: -d(8),
      },
      {
        id: 'n-session-react-hooks',
        type: 'session_scheduled',
        title: 'New live session: React Hooks Q&A',
        body: 'Eddie Educator scheduled a live Q&A for React Fundamentals learners. You are registered.',
        link: '/live-sessions/ls-react-hooks-qa',
        read: false,
        at: -d(4),
      },
      {
        id: 'n-exchange-request-noah',
        type: 'exchange_request',
        title: 'Noah Williams wants to swap skills',
        body: 'Noah offers Guitar and would like to learn Spanish.',
        link: '/skill-exchange/x-noah-lena-spanish',
        read: false,
        at: -5,
      },
      {
        id: 'n-message-liam',
        type: 'exchange_message',
        title: "New message from Liam O'Connor",
        body: 'Quick one: can we move next Tuesday 30 minutes later?',
        link: '/skill-exchange/x-lena-liam-python',
        read: false,
        at: -4,
      },
    ],
    'demo-educator': [
      {
        id: 'welcome',
        type: 'account',
        title: 'Welcome to SkillVerse!',
        body: 'Set up your profile, pick your skills and start learning, teaching or swapping skills.',
        link: '/profile',
        read: true,
        at: -d(400),
      },
      {
        id: 'n-course-approved-talks',
        type: 'course_approved',
        title: 'Giving Technical Talks is live',
        body: 'An admin approved your course. It is now visible in the catalogue.',
        link: '/courses/c-giving-technical-talks',
        read: true,
        at: -d(55),
      },
      {
        id: 'n-exchange-request-yuki',
        type: 'exchange_request',
        title: 'Yuki Sato wants to swap skills',
        body: 'Yuki offers Illustration and would like to learn React.',
        link: '/skill-exchange/x-yuki-eddie-react',
        read: true,
        at: -d(20),
      },
      {
        id: 'n-message-yuki',
        type: 'exchange_message',
        title: 'New message from Yuki Sato',
        body: 'Homework for you: draw your coffee mug from three angles 😄',
        link: '/skill-exchange/x-yuki-eddie-react',
        read: false,
        at: -d(3),
      },
    ],
    'u-kenji-tanaka': [
      {
        id: 'n-course-rejected-phone',
        type: 'course_rejected',
        title: 'Phone Photography for Instagram Growth needs changes',
        body: 'Lectures 2 and 3 have no video yet, and the description promises follower growth the content does not cover.',
        link: '/educator/courses/c-phone-photography-instagram/edit',
        read: false,
        at: -d(25),
      },
    ],
    'demo-admin': [
      {
        id: 'welcome',
        type: 'account',
        title: 'Welcome to SkillVerse!',
        body: 'Set up your profile, pick your skills and start learning, teaching or swapping skills.',
        link: '/profile',
        read: true,
        at: -d(420),
      },
    ],
  };
}
