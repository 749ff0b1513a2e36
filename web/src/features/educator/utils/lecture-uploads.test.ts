import { describe, expect, it } from 'vitest';
import { lectureFilePath, lectureFileProblem } from './lecture-uploads';

describe('lecture uploads', () => {
  it('accepts videos for the video and documents for resources', () => {
    expect(lectureFileProblem({ type: 'video/mp4', size: 10 }, 'video')).toBeNull();
    expect(lectureFileProblem({ type: 'application/pdf', size: 10 }, 'resource')).toBeNull();
    expect(lectureFileProblem({ type: 'application/pdf', size: 10 }, 'video')).toMatch(/video/);
  });
  it('refuses HTML, SVG, oversize and empty files', () => {
    expect(lectureFileProblem({ type: 'text/html', size: 10 }, 'resource')).toMatch(/not HTML/);
    expect(lectureFileProblem({ type: 'image/svg+xml', size: 10 }, 'resource')).toMatch(/not HTML or SVG/);
    expect(lectureFileProblem({ type: 'video/mp4', size: 501 * 1024 * 1024 }, 'video')).toMatch(/500 MB/);
    expect(lectureFileProblem({ type: 'video/mp4', size: 0 }, 'video')).toMatch(/empty/);
  });
  it('puts files under the lecture folder when the lecture exists', () => {
    expect(lectureFilePath('c1', 'l1', 'My talk (final).mp4', 5)).toBe(
      'courses/c1/media/l1/5-My-talk-final-.mp4',
    );
    expect(lectureFilePath('c1', null, 'notes.pdf', 5)).toBe('courses/c1/media/5-notes.pdf');
  });
});
