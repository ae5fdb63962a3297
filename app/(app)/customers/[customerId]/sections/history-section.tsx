import Link from "next/link";
import { HistoryTimeline } from "@/components/history-timeline";
import { InternalNotes } from "@/components/internal-notes";
import { loadHistorySection } from "@/lib/customer-page/history-section";
import { bindAction } from "@/lib/server-actions/bind";
import type { SectionProps } from "./section-props";

/** The contact history with the money movements among it, and the internal notes beside it. */
export async function HistorySection({
  user,
  customerId,
  working,
  newestFirst,
}: SectionProps & { newestFirst: boolean }) {
  const { history, money, notes } = await loadHistorySection(user, customerId);
  return (
    <div className="grid items-start gap-6 xl:grid-cols-3">
      <section aria-labelledby="history-heading" className="space-y-3 xl:col-span-2">
        <div className="flex items-baseline justify-between gap-3">
          <h2 id="history-heading" className="text-lg font-semibold">
            Contact history
          </h2>
          <Link
            href={newestFirst ? `/customers/${customerId}` : `/customers/${customerId}?history=newest`}
            className="text-sm text-brand-700 hover:underline"
            data-testid="history-order"
            scroll={false}
          >
            {newestFirst ? "Show oldest first" : "Show newest first"}
          </Link>
        </div>
        <HistoryTimeline
          entries={history}
          money={money}
          newestFirst={newestFirst}
          locale={user.locale}
          timeZone={user.timeZone}
        />
      </section>
      <InternalNotes
        customerId={customerId}
        notes={notes}
        locale={user.locale}
        timeZone={user.timeZone}
        add={working ? bindAction("collections.add_internal_note") : undefined}
      />
    </div>
  );
}
