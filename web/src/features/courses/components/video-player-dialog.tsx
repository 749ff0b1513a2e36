import { videoSource } from '@skillverse/domain/video';
import { Dialog } from '@/components/ui/dialog';

/**
 * A preview lecture in a modal: the native player for a video file, the provider's player for a
 * YouTube or Vimeo link, and a plain message when there is no playable video.
 */
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
      <PreviewVideo title={title} videoUrl={videoUrl} />
    </Dialog>
  );
}

function PreviewVideo({ title, videoUrl }: { title: string; videoUrl: string | null }) {
  const source = videoUrl ? videoSource(videoUrl) : ({ kind: 'invalid' } as const);
  if (source.kind === 'embed') {
    return (
      <iframe
        src={source.src}
        title={`Video: ${title}`}
        allow="autoplay; encrypted-media; picture-in-picture; fullscreen"
        allowFullScreen
        referrerPolicy="strict-origin-when-cross-origin"
        className="aspect-video w-full rounded-lg bg-black"
      />
    );
  }
  if (source.kind === 'file') {
    // biome-ignore lint/a11y/useMediaCaption: educators' videos come without caption tracks
    return <video src={source.src} controls autoPlay className="aspect-video w-full rounded-lg bg-black" />;
  }
  return <p className="text-stone-700">This lecture has no playable video; it is reading only.</p>;
}
