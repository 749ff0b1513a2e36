import { useEffect, useId, useRef, useState } from 'react';
import { friendlyError } from '@/lib/errors';
import { type UploadHandle, UploadCancelled, startUpload, uploadsUnavailableReason } from '@/lib/uploads';
import { Button } from './button';
import { ProgressBar } from './progress-bar';

export interface PreparedUpload {
  /** The Storage path to write. */
  path: string;
  /** What to upload (the picked file, or e.g. a resized copy). */
  blob: Blob;
  contentType: string;
}

function uploadErrorMessage(error: unknown): string {
  const code = (error as { code?: unknown })?.code;
  if (code === 'storage/unauthorized') {
    return 'The file was refused: check its type and size, and that you may upload here.';
  }
  if (code === 'storage/retry-limit-exceeded')
    return 'The upload stalled. Check your connection and try again.';
  return friendlyError(error);
}

/**
 * A file picker that uploads to Cloud Storage with a progress bar and a Cancel button. `prepare`
 * checks the picked file (answer a string to refuse it with that message) and says where and what to
 * upload; `onUploaded` gets the download URL. Where Storage is not available the button is disabled
 * and says why (the URL field beside it keeps working).
 */
export function FileUpload({
  label,
  accept,
  prepare,
  onUploaded,
  disabled,
}: {
  label: string;
  accept: string;
  prepare: (file: File) => Promise<PreparedUpload | string>;
  onUploaded: (url: string, file: File) => void;
  disabled?: boolean;
}) {
  const inputId = useId();
  const statusId = useId();
  const input = useRef<HTMLInputElement>(null);
  const handle = useRef<UploadHandle | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [preparing, setPreparing] = useState(false);
  const [message, setMessage] = useState<{ tone: 'error' | 'info' | 'success'; text: string } | null>(null);
  const unavailable = uploadsUnavailableReason();

  useEffect(() => () => handle.current?.cancel(), []);

  async function onPick(file: File | undefined) {
    if (!file) return;
    setMessage(null);
    setPreparing(true);
    let prepared: PreparedUpload | string;
    try {
      prepared = await prepare(file);
    } catch (error) {
      prepared = error instanceof Error ? error.message : String(error);
    } finally {
      setPreparing(false);
      if (input.current) input.current.value = '';
    }
    if (typeof prepared === 'string') {
      setMessage({ tone: 'error', text: prepared });
      return;
    }
    setProgress(0);
    const upload = startUpload(prepared.path, prepared.blob, prepared.contentType, setProgress);
    handle.current = upload;
    try {
      const url = await upload.done;
      onUploaded(url, file);
      setMessage({ tone: 'success', text: `Uploaded ${file.name}.` });
    } catch (error) {
      setMessage(
        error instanceof UploadCancelled
          ? { tone: 'info', text: 'Upload cancelled.' }
          : { tone: 'error', text: uploadErrorMessage(error) },
      );
    } finally {
      handle.current = null;
      setProgress(null);
    }
  }

  const busy = preparing || progress !== null;
  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap items-center gap-2">
        <input
          ref={input}
          id={inputId}
          type="file"
          accept={accept}
          className="sr-only"
          // The button below opens it: one tab stop, and the input still has a name for axe and
          // for assistive tech that lists form fields.
          tabIndex={-1}
          aria-label={label}
          disabled={Boolean(unavailable) || disabled || busy}
          aria-describedby={statusId}
          onChange={(e) => void onPick(e.target.files?.[0])}
        />
        <Button
          variant="secondary"
          size="sm"
          loading={preparing}
          disabled={Boolean(unavailable) || disabled || busy}
          onClick={() => input.current?.click()}
          aria-describedby={statusId}
        >
          {label}
        </Button>
        {progress !== null ? (
          <Button variant="ghost" size="sm" onClick={() => handle.current?.cancel()}>
            Cancel upload
          </Button>
        ) : null}
      </div>
      {progress !== null ? (
        <ProgressBar value={progress} label={`${label}: progress`} className="max-w-xs" />
      ) : null}
      <p
        id={statusId}
        aria-live="polite"
        className={
          message?.tone === 'error'
            ? 'text-sm text-red-700'
            : message?.tone === 'success'
              ? 'text-sm text-green-800'
              : 'text-sm text-stone-600'
        }
      >
        {unavailable ?? message?.text ?? ''}
      </p>
    </div>
  );
}
