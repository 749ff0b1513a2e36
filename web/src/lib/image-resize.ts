// Avatars (issue 16 item 5): a raster image, cropped to its centre square and scaled down in the
// browser to a small WebP before it is uploaded. The sizing is pure (tested); the canvas work is not.

/** The side of the square avatar uploaded, in pixels. */
export const AVATAR_SIZE = 256;

/** Raster formats a browser can decode into a canvas. SVG is refused: it can carry script. */
export const RASTER_IMAGE_TYPES = [
  'image/png',
  'image/jpeg',
  'image/webp',
  'image/gif',
  'image/avif',
  'image/bmp',
];

/** The largest picked file we try to decode (the upload itself is small). */
export const MAX_SOURCE_BYTES = 20 * 1024 * 1024;

/** Why a picked file cannot become an avatar, or null when it can. */
export function avatarFileProblem(file: { type: string; size: number; name: string }): string | null {
  if (file.type === 'image/svg+xml' || /\.svg$/i.test(file.name)) {
    return 'SVG images can’t be used as a photo. Choose a PNG, JPEG, WebP or GIF.';
  }
  if (!RASTER_IMAGE_TYPES.includes(file.type)) {
    return 'That file isn’t a photo. Choose a PNG, JPEG, WebP or GIF image.';
  }
  if (file.size > MAX_SOURCE_BYTES) return 'That image is over 20 MB. Choose a smaller one.';
  if (file.size === 0) return 'That file is empty.';
  return null;
}

export interface SquareCrop {
  /** The source square: top-left corner and side, in source pixels. */
  sx: number;
  sy: number;
  side: number;
  /** The output side: `target`, or the source side when the image is smaller (never upscaled). */
  out: number;
}

/** The centred square of a `width` × `height` image, scaled to at most `target` pixels a side. */
export function squareCrop(width: number, height: number, target = AVATAR_SIZE): SquareCrop {
  if (!(width > 0 && height > 0)) throw new Error('The image has no pixels.');
  const side = Math.min(width, height);
  return {
    sx: Math.floor((width - side) / 2),
    sy: Math.floor((height - side) / 2),
    side,
    out: Math.max(1, Math.min(target, Math.floor(side))),
  };
}

/**
 * Decodes `file`, crops its centre square and encodes a `AVATAR_SIZE` px WebP (quality 0.85).
 * Browsers that cannot encode WebP hand back a PNG; both pass the Storage rules.
 */
export async function resizeAvatar(file: Blob, target = AVATAR_SIZE): Promise<Blob> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch {
    throw new Error('We couldn’t read that image. Try another file.');
  }
  try {
    const crop = squareCrop(bitmap.width, bitmap.height, target);
    const canvas = document.createElement('canvas');
    canvas.width = crop.out;
    canvas.height = crop.out;
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('This browser can’t resize images.');
    ctx.imageSmoothingQuality = 'high';
    ctx.drawImage(bitmap, crop.sx, crop.sy, crop.side, crop.side, 0, 0, crop.out, crop.out);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/webp', 0.85));
    if (!blob) throw new Error('This browser can’t resize images.');
    return blob;
  } finally {
    bitmap.close();
  }
}
