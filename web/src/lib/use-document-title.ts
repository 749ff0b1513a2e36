import { useEffect } from 'react';

/** Sets the tab title to "<title> · SkillVerse" while the page is shown. */
export function useDocumentTitle(title: string | null | undefined): void {
  useEffect(() => {
    document.title = title ? `${title} · SkillVerse` : 'SkillVerse';
  }, [title]);
}
