import { useMutation } from '@tanstack/react-query';
import { getStorageLazy } from '@/lib/firebase';

/** Uploads an image to courses/{id}/thumbnails/ (storage.rules: the instructor, images ≤ 5 MB); returns its URL. */
export async function uploadThumbnail(courseId: string, file: File): Promise<string> {
  if (!file.type.startsWith('image/')) throw new Error('Choose an image file (PNG, JPEG, WebP…).');
  if (file.size > 5 * 1024 * 1024) throw new Error('The image must be 5 MB or smaller.');
  const [storage, { ref, uploadBytes, getDownloadURL }] = await Promise.all([
    getStorageLazy(),
    import('firebase/storage'),
  ]);
  const safeName = file.name.replace(/[^\w.-]+/g, '-').slice(-80);
  const target = ref(storage, `courses/${courseId}/thumbnails/${Date.now()}-${safeName}`);
  await uploadBytes(target, file, { contentType: file.type });
  return getDownloadURL(target);
}

export function useUploadThumbnail(courseId: string) {
  return useMutation({ mutationFn: (file: File) => uploadThumbnail(courseId, file) });
}
