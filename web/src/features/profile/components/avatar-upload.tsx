import { FileUpload } from '@/components/ui/file-upload';
import { useAuth } from '@/lib/auth/auth-context';
import { AVATAR_SIZE, RASTER_IMAGE_TYPES, avatarFileProblem, resizeAvatar } from '@/lib/image-resize';

/**
 * "Upload a photo": a raster image, cropped square and resized in the browser to a 256 px WebP, then
 * uploaded to avatars/{uid}/ (storage.rules: the owner, raster images up to 1 MB). The URL lands in
 * the Photo URL field; saving the profile keeps it.
 */
export function AvatarUpload({
  onUploaded,
  disabled,
}: {
  onUploaded: (url: string) => void;
  disabled?: boolean;
}) {
  const { user } = useAuth();
  return (
    <FileUpload
      label="Upload a photo"
      accept={RASTER_IMAGE_TYPES.join(',')}
      disabled={disabled || !user}
      prepare={async (file) => {
        const problem = avatarFileProblem(file);
        if (problem) return problem;
        if (!user) return 'Sign in to upload a photo.';
        const blob = await resizeAvatar(file, AVATAR_SIZE);
        const ext = blob.type === 'image/webp' ? 'webp' : 'png';
        return { path: `avatars/${user.uid}/avatar-${Date.now()}.${ext}`, blob, contentType: blob.type };
      }}
      onUploaded={(url) => onUploaded(url)}
    />
  );
}
