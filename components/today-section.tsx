import Link from "next/link";
import type { ActionResult } from "@/lib/actions/define-action";
import { SECTION_TITLES, type TodaySection } from "@/lib/today/today-sections";
import { CompleteFollowUpForm, CompleteReviewForm } from "./follow-ups-panel";

type Action = (prev: unknown, formData: FormData) => Promise<ActionResult<unknown>>;

/** One section of Today: its count, its items (each linking to where it is worked), and "show all" when there are more. */
export function TodaySectionCard({
  section,
  showAllHref,
  complete,
  review,
  today,
  nowTime,
}: {
  section: TodaySection;
  /** Absent when the whole section is on screen. */
  showAllHref?: string;
  /** Completing a call-back right here (working roles only). */
  complete?: Action;
  /** Completing a policy's internal review right here (working roles only). */
  review?: Action;
  today: string;
  nowTime: string;
}) {
  const { title, empty } = SECTION_TITLES[section.key];
  const headingId = `today-${section.key}`;
  return (
    <section
      aria-labelledby={headingId}
      className="space-y-3 rounded-xl border border-slate-200 bg-white p-4 shadow-sm"
      data-testid={`today-${section.key}`}
    >
      <h2 id={headingId} className="flex items-center justify-between gap-2 text-base font-semibold">
        {title}
        <span
          className={`rounded-full px-2.5 py-0.5 text-sm tabular-nums ${section.count ? "bg-amber-100 text-amber-900" : "bg-slate-100 text-slate-600"}`}
          data-testid="count"
        >
          {section.count}
        </span>
      </h2>
      {section.items.length === 0 ? (
        <p className="text-sm text-slate-500">{empty}</p>
      ) : (
        <ul className="divide-y divide-slate-100 text-sm">
          {section.items.map((item) => (
            <li key={item.id} className="py-2" data-testid="today-item">
              <Link href={item.href} className="font-medium text-brand-700 hover:underline">
                {item.customerName}
              </Link>
              <p className="text-slate-700">{item.text}</p>
              <p className="text-xs text-slate-500">
                {item.assignedTo ? `Assigned to ${item.assignedTo}` : "Not assigned"}
                {item.href !== `/customers/${item.customerId}` && (
                  <>
                    {" · "}
                    <Link href={`/customers/${item.customerId}`} className="hover:underline">
                      Open account
                    </Link>
                  </>
                )}
              </p>
              {review && item.followUpId && item.taskKind === "review" && (
                <details className="mt-2 rounded-md border border-slate-200 p-3">
                  <summary className="cursor-pointer font-medium">Complete: mark reviewed</summary>
                  <div className="mt-2">
                    <CompleteReviewForm followUpId={item.followUpId} action={review} />
                  </div>
                </details>
              )}
              {complete && item.followUpId && item.taskKind !== "review" && (
                <details className="mt-2 rounded-md border border-slate-200 p-3">
                  <summary className="cursor-pointer font-medium">Complete: log the call</summary>
                  <div className="mt-2">
                    <CompleteFollowUpForm
                      followUpId={item.followUpId}
                      action={complete}
                      today={today}
                      nowTime={nowTime}
                    />
                  </div>
                </details>
              )}
            </li>
          ))}
        </ul>
      )}
      {showAllHref && section.count > section.items.length && (
        <Link href={showAllHref} className="inline-block text-sm font-medium text-brand-700 hover:underline">
          Show all {section.count}
        </Link>
      )}
    </section>
  );
}
