import { describe, expect, it } from 'vitest';
import { parseCourse } from './courses';

describe('parseCourse', () => {
  it('reads a fresh draft that has none of the server-maintained fields yet', () => {
    const course = parseCourse('c1', {
      title: 'Draft',
      instructorId: 'u1',
      status: 'draft',
      sections: [],
      totalLectures: 0,
      rating: { average: 0, count: 0 },
      enrollmentCount: 0,
    });
    expect(course).toMatchObject({
      id: 'c1',
      title: 'Draft',
      instructorName: '',
      featured: false,
      publishedAt: null,
    });
  });
  it('keeps outline summaries and falls back to them for lectureIds', () => {
    const course = parseCourse('c1', {
      sections: [
        {
          id: 's2',
          title: 'Two',
          order: 2,
          lectures: [{ id: 'l2', title: 'B', durationSec: 60, preview: false }],
        },
        { id: 's1', title: 'One', order: 1, lectureIds: ['l1'] },
      ],
    });
    expect(course.sections.map((s) => [s.id, s.lectureIds])).toEqual([
      ['s1', ['l1']],
      ['s2', ['l2']],
    ]);
  });
});
