export function SiteFooter() {
  return (
    <footer className="border-t border-stone-200 bg-white">
      <div className="mx-auto flex max-w-7xl flex-col gap-1 px-4 py-6 text-sm text-stone-600 sm:flex-row sm:justify-between sm:px-6">
        <p>SkillVerse — learn, teach and swap skills with people.</p>
        <p>© {new Date().getFullYear()} SkillVerse</p>
      </div>
    </footer>
  );
}
