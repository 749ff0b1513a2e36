import { isRecordingUrl, RECORDING_URL_MAX, RECORDING_URL_MESSAGE } from '@skillverse/domain/live-recording';
import type { LiveSession } from '@skillverse/domain/models';
import { type FormEvent, useEffect, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { friendlyError } from '@/lib/errors';
import { useSessionRecording, useSetRecordingLink } from '../../api/recording';

/**
 * The session page's *Recording* card, once the session has ended. Attendees and registered
 * no-shows see the link (or that it is not there yet); the host (or an admin) adds, changes or
 * removes it. Rendered only for people the rules let read the recording (`canRead`).
 */
export function SessionRecordingCard({
  session,
  canRead,
  canEdit,
  disabled,
}: {
  session: LiveSession;
  canRead: boolean;
  /** The host or an admin. */
  canEdit: boolean;
  /** A read-only (suspended) account. */
  disabled?: boolean;
}) {
  const recording = useSessionRecording(session.id, canRead);
  if (session.status !== 'ended' || !canRead) return null;
  const url = recording.data?.url ?? null;
  const egress = recording.data?.egress ?? null;

  if (!canEdit && !url && !session.recordingEnabled) return null;
  return (
    <Card id="recording" aria-labelledby="recording-heading">
      <CardHeader id="recording-heading" title="Recording" />
      <CardBody className="flex flex-col gap-3 text-sm text-stone-800">
        {recording.isPending ? <p className="text-stone-600">Loading the recording…</p> : null}
        {recording.error ? (
          <p className="text-stone-600">The recording couldn’t be loaded: {friendlyError(recording.error)}</p>
        ) : null}
        {url ? (
          <p>
            <a
              className="font-medium text-brand-800 underline"
              href={url}
              target="_blank"
              rel="noreferrer noopener"
              data-testid="recording-link"
            >
              Watch the recording<span className="sr-only"> (opens in a new tab)</span>
            </a>
            {canEdit && recording.data?.source === 'egress' ? (
              <span className="ml-2 text-stone-600">from the cloud recording</span>
            ) : null}
          </p>
        ) : !recording.isPending && !recording.error && !canEdit ? (
          <p className="text-stone-700">
            The host hasn’t shared the recording yet. You’ll get a notification when it’s here.
          </p>
        ) : null}
        {canEdit &&
        egress &&
        (egress.state === 'starting' || egress.state === 'active' || egress.state === 'stopping') ? (
          <p className="text-stone-700">
            The cloud recording is still being processed; its link appears here when it’s ready.
          </p>
        ) : null}
        {canEdit && egress?.state === 'failed' ? (
          <Alert tone="warning" title="The cloud recording failed">
            {egress.error || 'The recording server reported an error.'} You can add a link yourself below.
          </Alert>
        ) : null}
        {canEdit && !recording.isPending ? (
          <RecordingLinkForm sessionId={session.id} current={url} disabled={disabled} />
        ) : null}
      </CardBody>
    </Card>
  );
}

function RecordingLinkForm({
  sessionId,
  current,
  disabled,
}: {
  sessionId: string;
  current: string | null;
  disabled?: boolean;
}) {
  const [value, setValue] = useState(current ?? '');
  const [error, setError] = useState<string | undefined>();
  const [status, setStatus] = useState('');
  const save = useSetRecordingLink();
  // A link filled in meanwhile (the cloud recording ended) shows up in the field.
  useEffect(() => setValue(current ?? ''), [current]);

  function submit(url: string | null) {
    setError(undefined);
    setStatus('');
    save.mutate(
      { sessionId, url },
      {
        onSuccess: (result) => {
          if (!result.url) setStatus('Recording link removed.');
          else
            setStatus(
              result.announced > 0
                ? `Saved. We told ${result.announced} ${result.announced === 1 ? 'person' : 'people'} the recording is ready.`
                : 'Saved. Attendees and registered learners can watch it here.',
            );
        },
        onError: (e) => setError(e instanceof Error ? e.message : friendlyError(e)),
      },
    );
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const url = value.trim();
    if (!isRecordingUrl(url)) {
      setError(RECORDING_URL_MESSAGE);
      return;
    }
    submit(url);
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-2" noValidate>
      <Field
        label="Recording link"
        hint="An https:// link to the video. Attendees and registered learners who missed it see it here and in their follow-up."
        error={error}
      >
        <Input
          type="url"
          inputMode="url"
          value={value}
          maxLength={RECORDING_URL_MAX}
          placeholder="https://"
          disabled={disabled}
          onChange={(e) => setValue(e.target.value)}
        />
      </Field>
      <div className="flex flex-wrap gap-2">
        <Button
          type="submit"
          size="sm"
          loading={save.isPending && save.variables?.url !== null}
          disabled={disabled}
        >
          {current ? 'Update link' : 'Save link'}
        </Button>
        {current ? (
          <Button
            type="button"
            size="sm"
            variant="ghost"
            loading={save.isPending && save.variables?.url === null}
            disabled={disabled}
            onClick={() => submit(null)}
          >
            Remove link
          </Button>
        ) : null}
      </div>
      <p className="text-sm text-emerald-800" role="status" aria-live="polite">
        {status}
      </p>
    </form>
  );
}
