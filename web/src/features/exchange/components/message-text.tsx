import { linkify } from '../utils/linkify';

/** Message text with http(s) links clickable (opened in a new tab, without referrer). */
export function MessageText({ text }: { text: string }) {
  let offset = 0;
  const parts = linkify(text).map((part) => {
    const start = offset;
    offset += part.text.length;
    return { ...part, start };
  });
  return (
    <>
      {parts.map((part) =>
        part.kind === 'link' ? (
          <a
            key={part.start}
            href={part.href}
            target="_blank"
            rel="noopener noreferrer"
            className="underline [overflow-wrap:anywhere]"
          >
            {part.text}
          </a>
        ) : (
          <span key={part.start}>{part.text}</span>
        ),
      )}
    </>
  );
}
