// Uploads to Cloud Storage with progress and cancel (uploadBytesResumable), and whether uploads can
// work here at all: in emulator mode only when the Storage emulator runs (VITE_STORAGE_EMULATOR=1),
// which needs a download offline machines cannot make. Where they can't, upload controls say so and
// the URL fields beside them keep working.
import { storageAvailable, getStorageLazy } from '@/lib/firebase';

export const STORAGE_UNAVAILABLE_REASON =
  'Uploads are off here: this copy of SkillVerse runs without the Storage emulator (it needs a download this machine can’t make). Paste a link instead.';

/** Null when uploads work, else why they don't. */
export function uploadsUnavailableReason(): string | null {
  return storageAvailable() ? null : STORAGE_UNAVAILABLE_REASON;
}

export interface UploadHandle {
  /** Resolves with the file's download URL; rejects with `UploadCancelled` after `cancel()`. */
  done: Promise<string>;
  cancel(): void;
}

export class UploadCancelled extends Error {
  constructor() {
    super('Upload cancelled.');
    this.name = 'UploadCancelled';
  }
}

/** A file name safe for a Storage path: letters, digits, dot, dash, underscore; at most 80 chars. */
export function safeFileName(name: string): string {
  const cleaned = name.replace(/[^\w.-]+/g, '-').replace(/^-+|-+$/g, '');
  return (cleaned || 'file').slice(-80);
}

/** Starts uploading `file` to `path`; `onProgress` gets 0..1. */
export function startUpload(
  path: string,
  file: Blob,
  contentType: string,
  onProgress: (fraction: number) => void,
): UploadHandle {
  let cancelled = false;
  let cancelTask: (() => void) | null = null;
  const done = (async () => {
    const [storage, { ref, uploadBytesResumable, getDownloadURL }] = await Promise.all([
      getStorageLazy(),
      import('firebase/storage'),
    ]);
    if (cancelled) throw new UploadCancelled();
    const target = ref(storage, path);
    const task = uploadBytesResumable(target, file, { contentType });
    cancelTask = () => task.cancel();
    await new Promise<void>((resolve, reject) => {
      task.on(
        'state_changed',
        (snap) => onProgress(snap.totalBytes > 0 ? snap.bytesTransferred / snap.totalBytes : 0),
        (error) =>
          reject((error as { code?: string }).code === 'storage/canceled' ? new UploadCancelled() : error),
        () => resolve(),
      );
    });
    onProgress(1);
    return getDownloadURL(target);
  })();
  return {
    done,
    cancel() {
      cancelled = true;
      cancelTask?.();
    },
  };
}
