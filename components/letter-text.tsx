/** A letter's text exactly as stored: monospace, whitespace kept, on a sheet. */
export function LetterText({
  subject,
  body,
  testId = "letter-text",
}: {
  subject: string;
  body: string;
  testId?: string;
}) {
  return (
    <article
      className="relative mx-auto w-full max-w-4xl overflow-x-auto rounded-xl border border-slate-200 bg-white p-8 shadow-sm"
      data-testid={testId}
      aria-label={subject}
    >
      <pre className="whitespace-pre-wrap break-words font-mono text-[12px] leading-relaxed text-slate-900">{body}</pre>
    </article>
  );
}
