/**
 * A dot whose color says how late the oldest invoice is; labelled for screen readers.
 * Its look is the `.flag` rule in app/globals.css keyed by `data-tone`, so a table
 * row carries two short attributes instead of a class string (HTML and RSC payload).
 */
export function OverdueFlag({ daysPastDue }: { daysPastDue: number }) {
  if (daysPastDue <= 0) return <span className="flag" role="img" title="Not overdue" aria-label="Not overdue" />;
  const tone = daysPastDue > 90 ? 4 : daysPastDue > 60 ? 3 : daysPastDue > 30 ? 2 : 1;
  return (
    <span
      className="flag"
      data-tone={tone}
      role="img"
      title={`${daysPastDue} days overdue`}
      aria-label={`Overdue ${daysPastDue} days`}
      data-overdue
    />
  );
}
