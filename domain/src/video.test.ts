import { describe, expect, it } from 'vitest';
import { videoSource } from './video';

describe('videoSource', () => {
  it('plays a plain file URL in the browser', () => {
    expect(videoSource('https://cdn.example.com/lecture-1.mp4')).toEqual({
      kind: 'file',
      src: 'https://cdn.example.com/lecture-1.mp4',
    });
  });

  it.each([
    'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
    'https://youtu.be/dQw4w9WgXcQ',
    'https://m.youtube.com/watch?v=dQw4w9WgXcQ&t=42',
    'https://www.youtube.com/embed/dQw4w9WgXcQ',
    'https://youtube.com/shorts/dQw4w9WgXcQ',
  ])('embeds YouTube links privately: %s', (url) => {
    expect(videoSource(url)).toEqual({
      kind: 'embed',
      provider: 'youtube',
      src: 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ',
    });
  });

  it('embeds Vimeo links', () => {
    expect(videoSource('https://vimeo.com/76979871')).toEqual({
      kind: 'embed',
      provider: 'vimeo',
      src: 'https://player.vimeo.com/video/76979871',
    });
  });

  it('treats a YouTube page without a valid video id as a plain link, not an embed', () => {
    expect(videoSource('https://www.youtube.com/watch?v=short').kind).toBe('file');
  });

  it.each(['not a url', 'javascript:alert(1)', 'ftp://example.com/a.mp4', ''])('rejects %j', (url) => {
    expect(videoSource(url)).toEqual({ kind: 'invalid' });
  });
});
