import { Alert } from '@/components/ui/alert';
import { ButtonLink } from '@/components/ui/button';
import { paths } from '@/config/paths';

/** The course is finished (with the certificate when it is issued), or only the quiz is left. */
export function CourseCompletionNotice({
  courseComplete,
  allWatched,
  certificateId,
  certificateEnabled,
}: {
  courseComplete: boolean;
  /** Every lecture watched by an enrolled learner (progress at 100%). */
  allWatched: boolean;
  certificateId: string | null | undefined;
  certificateEnabled: boolean;
}) {
  if (courseComplete) {
    return (
      <Alert
        tone="success"
        className="mt-4"
        title="You finished the course!"
        action={
          certificateId ? (
            <ButtonLink to={paths.certificateVerify.href(certificateId)} size="sm">
              View your certificate
            </ButtonLink>
          ) : undefined
        }
      >
        {certificateId
          ? 'Your certificate is ready to share.'
          : certificateEnabled
            ? 'Your certificate is being issued; it will appear here in a moment.'
            : 'Well done — this course doesn’t award a certificate.'}
      </Alert>
    );
  }
  if (allWatched) {
    return (
      <Alert tone="info" className="mt-4" title="Almost there">
        You’ve watched every lecture. Pass the quiz to complete the course.
      </Alert>
    );
  }
  return null;
}
