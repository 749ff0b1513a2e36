import { describe, expect, it } from 'vitest';
import { AVATAR_SIZE, avatarFileProblem, squareCrop } from './image-resize';

describe('squareCrop', () => {
  it('takes the centred square of a landscape photo and scales it to the avatar size', () => {
    expect(squareCrop(1200, 800)).toEqual({ sx: 200, sy: 0, side: 800, out: AVATAR_SIZE });
  });
  it('takes the centred square of a portrait photo', () => {
    expect(squareCrop(600, 1001, 128)).toEqual({ sx: 0, sy: 200, side: 600, out: 128 });
  });
  it('never upscales a small image', () => {
    expect(squareCrop(90, 120)).toEqual({ sx: 0, sy: 15, side: 90, out: 90 });
  });
  it('refuses an image without pixels', () => {
    expect(() => squareCrop(0, 10)).toThrow('no pixels');
  });
});

describe('avatarFileProblem', () => {
  const file = (type: string, name = 'me.png', size = 1000) => ({ type, name, size });
  it('accepts raster images', () => {
    for (const type of ['image/png', 'image/jpeg', 'image/webp', 'image/gif']) {
      expect(avatarFileProblem(file(type))).toBeNull();
    }
  });
  it('refuses SVG with a clear message, even when the type is missing', () => {
    expect(avatarFileProblem(file('image/svg+xml', 'logo.svg'))).toMatch(/SVG/);
    expect(avatarFileProblem(file('', 'logo.SVG'))).toMatch(/SVG/);
  });
  it('refuses other files, huge and empty ones', () => {
    expect(avatarFileProblem(file('application/pdf', 'cv.pdf'))).toMatch(/isn’t a photo/);
    expect(avatarFileProblem(file('image/png', 'big.png', 21 * 1024 * 1024))).toMatch(/20 MB/);
    expect(avatarFileProblem(file('image/png', 'none.png', 0))).toMatch(/empty/);
  });
});
