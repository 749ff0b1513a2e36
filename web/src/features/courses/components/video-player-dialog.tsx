import { Dialog } from '@/components/ui/dialog';

/** A preview lecture in a modal: the native video player, with a plain message when there is no video. */
export function VideoPlayerDialog({
  open,
  onClose,
  title,
  videoUrl,
}: {
  open: boolean;
  onClose: () => void;
  title: string;
  videoUrl: string | null;
}) {
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={title}
      description="Free preview"
      className="w-[min(56rem,calc(100vw-2rem))]"
    >
      {videoUrl ? (
        // biome-ignore lint/a11y/useMediaCaption: educators' videos come without caption tracks
        <video src={videoUrl} controls autoPlay className="aspect-video w-full rounded-lg bg-black" />
      ) : (
        <p className="text-stone-700">This lecture has no video; it is reading only.</p>
      )}
    </Dialog>
  );
}
