import Link from "next/link";
import type { ActionResult } from "@/lib/actions/define-action";
import { SECTION_TITLES, type TodaySection } from "@/lib/today/today-sections";
import { CompleteFollowUpForm, CompleteReviewForm } from "./follow-ups-panel";

// The items' styles, once for the list: each item's elements carry no class strings
// (they repeat per item in the HTML and again in the RSC payload).
const ITEMS = [
  "divide-y divide-slate-100 text-sm [&_li]:py-2 [&_li>p]:text-slate-700",
  "[&_li>a]:font-medium [&_li>a]:text-brand-700 [&_li>a:hover]:underline",
  "[&_li>small]:block [&_li>small]:text-xs [&_li>small]:text-slate-500 [&_small_a:hover]:underline",
  "[&_details]:mt-2 [&_details]:rounded-md [&_details]:border [&_details]:border-slate-200 [&_details]:p-3",
  "[&_summary]:cursor-pointer [&_summary]:font-medium",
].join(" ");

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
        <ul className={ITEMS}>
          {section.items.map((item) => (
            <li key={item.id} data-testid="today-item">
              <a href={item.href}>{item.customerName}</a>
              <p>{item.text}</p>
              <small>
                {item.assignedTo ? `Assigned to ${item.assignedTo}` : "Not assigned"}
                {item.href !== `/customers/${item.customerId}` && (
                  <>
                    {" · "}
                    <a href={`/customers/${item.customerId}`}>Open account</a>
                  </>
                )}
              </small>
              {review && item.followUpId && item.taskKind === "review" && (
                <details>
                  <summary>Complete: mark reviewed</summary>
                  <div className="mt-2">
                    <CompleteReviewForm followUpId={item.followUpId} action={review} />
                  </div>
                </details>
              )}
              {complete && item.followUpId && item.taskKind !== "review" && (
                <details>
                  <summary>Complete: log the call</summary>
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
