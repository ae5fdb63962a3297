/** A dot whose color says how late the oldest invoice is; labelled for screen readers. */
export function OverdueFlag({ daysPastDue }: { daysPastDue: number }) {
  if (daysPastDue <= 0)
    return (
      <span
        className="inline-block h-2.5 w-2.5 rounded-full bg-emerald-400"
        role="img"
        title="Not overdue"
        aria-label="Not overdue"
      />
    );
  const tone =
    daysPastDue > 90
      ? "bg-red-700"
      : daysPastDue > 60
        ? "bg-red-500"
        : daysPastDue > 30
          ? "bg-orange-400"
          : "bg-amber-300";
  return (
    <span
      className={`inline-block h-2.5 w-2.5 rounded-full ${tone}`}
      role="img"
      title={`${daysPastDue} days overdue`}
      aria-label={`Overdue ${daysPastDue} days`}
      data-overdue
    />
  );
}
