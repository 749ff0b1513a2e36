// Where a lecture's video plays: a file the browser plays itself (<video>), or a provider page
// embedded in an iframe (YouTube, Vimeo). Pure: parses the URL an educator pasted.

export type VideoSource =
  | { kind: 'file'; src: string }
  | { kind: 'embed'; provider: 'youtube' | 'vimeo'; src: string }
  | { kind: 'invalid' };

const YOUTUBE_ID = /^[A-Za-z0-9_-]{11}$/;

function youtubeId(url: URL): string | null {
  const host = url.hostname.replace(/^www\.|^m\./, '');
  let id: string | null = null;
  if (host === 'youtu.be') id = url.pathname.slice(1).split('/')[0] ?? null;
  else if (host === 'youtube.com' || host === 'youtube-nocookie.com') {
    if (url.pathname === '/watch') id = url.searchParams.get('v');
    else {
      const m = /^\/(?:embed|shorts|live)\/([^/?#]+)/.exec(url.pathname);
      id = m?.[1] ?? null;
    }
  }
  return id && YOUTUBE_ID.test(id) ? id : null;
}

function vimeoId(url: URL): string | null {
  const host = url.hostname.replace(/^www\./, '');
  if (host !== 'vimeo.com' && host !== 'player.vimeo.com') return null;
  const m = /^\/(?:video\/)?(\d{6,12})(?:\/|$)/.exec(url.pathname);
  return m?.[1] ?? null;
}

/** Parses a lecture's video URL; only http(s) URLs are accepted. */
export function videoSource(raw: string): VideoSource {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return { kind: 'invalid' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { kind: 'invalid' };
  const yt = youtubeId(url);
  if (yt) return { kind: 'embed', provider: 'youtube', src: `https://www.youtube-nocookie.com/embed/${yt}` };
  const vimeo = vimeoId(url);
  if (vimeo) return { kind: 'embed', provider: 'vimeo', src: `https://player.vimeo.com/video/${vimeo}` };
  return { kind: 'file', src: url.toString() };
}
