import type { Lecture } from '@skillverse/domain/models';

/** The lecture's links, each opening in a new tab; nothing when it has none. */
export function LectureResources({ resources }: { resources: Lecture['resources'] }) {
  if (resources.length === 0) return null;
  return (
    <section aria-labelledby="resources-heading">
      <h2 id="resources-heading" className="text-lg font-semibold text-stone-900">
        Resources
      </h2>
      <ul className="mt-2 flex flex-col gap-1.5">
        {resources.map((r) => (
          <li key={r.url}>
            <a
              href={r.url}
              target="_blank"
              rel="noopener noreferrer"
              className="font-medium text-brand-700 underline-offset-2 hover:underline"
            >
              {r.title || r.url}
              <span className="sr-only"> (opens in a new tab)</span>
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
