import { useNavigate } from 'react-router';
import { Card, CardBody } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { useToast } from '@/components/ui/toast';
import { paths } from '@/config/paths';
import { useAuth, useSignedInUser } from '@/lib/auth/auth-context';
import { useDocumentTitle } from '@/lib/use-document-title';
import { useCreateCourse } from '../api/save-course';
import { CourseDetailsForm, EMPTY_DETAILS } from '../components/course-details-form';

/** /educator/courses/new — the details first; the course is created as a draft. */
export function NewCoursePage() {
  useDocumentTitle('New course');
  const { uid } = useSignedInUser();
  const { canWrite } = useAuth();
  const create = useCreateCourse(uid);
  const navigate = useNavigate();
  const { toast } = useToast();

  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader
        title="New course"
        description="Start with the basics. You’ll add sections, lectures and a quiz next; nothing is public until an admin publishes it."
      />
      <Card>
        <CardBody>
          <CourseDetailsForm
            initial={EMPTY_DETAILS}
            submitLabel="Create draft"
            pending={create.isPending}
            error={create.error}
            disabled={!canWrite}
            onSubmit={(details) =>
              create.mutate(details, {
                onSuccess: (id) => {
                  toast({ title: 'Draft created', description: 'Now add sections and lectures.' });
                  void navigate(`${paths.educatorEditCourse.href(id)}?tab=curriculum`);
                },
              })
            }
          />
        </CardBody>
      </Card>
    </div>
  );
}
