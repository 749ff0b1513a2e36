import type { CourseDoc } from '@/lib/data/courses';
import { useToast } from '@/components/ui/toast';
import { friendlyError } from '@/lib/errors';
import { useSetIncludedInPlus } from '../api/save-course';

/** "Include in Plus" (issue 18): on by default; admins may still exclude the course. */
export function PlusToggle({ course, disabled }: { course: CourseDoc; disabled: boolean }) {
  const save = useSetIncludedInPlus(course.id);
  const { toast } = useToast();
  const included = course.includedInPlus !== false;
  return (
    <div className="flex flex-col gap-1 border-t border-stone-200 pt-4">
      <label className="flex items-center gap-2 text-sm font-medium text-stone-900">
        <input
          type="checkbox"
          className="size-4"
          checked={included}
          disabled={disabled || save.isPending}
          onChange={(e) =>
            save.mutate(e.target.checked, {
              onSuccess: () => toast({ title: e.target.checked ? 'Included in Plus' : 'Left out of Plus' }),
              onError: (error) =>
                toast({ title: 'We couldn’t save that', description: friendlyError(error), tone: 'error' }),
            })
          }
        />
        Include in SkillVerse Plus
      </label>
      <p className="text-sm text-stone-700">
        Plus members can learn paid courses that are included without buying them; you share in Plus revenue
        by the time members spend learning.
        {course.plusExcluded ? ' An admin has excluded this course from Plus.' : ''}
      </p>
    </div>
  );
}
