/** A section's place while its data streams in: its heading at once, a quiet block where the content will be. */
export function SectionLoading({ title, testId }: { title: string; testId?: string }) {
  return (
    <section className="space-y-3" aria-busy="true" data-testid={testId}>
      <h2 className="text-lg font-semibold">{title}</h2>
      <div className="h-24 animate-pulse rounded-xl border border-slate-200 bg-slate-100" />
      <p className="sr-only">Loading {title.toLowerCase()}…</p>
    </section>
  );
}
