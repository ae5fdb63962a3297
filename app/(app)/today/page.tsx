import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { MineToggle } from "@/components/mine-toggle";
import { Pager } from "@/components/pager";
import { PaymentsKnownUpToNote } from "@/components/payments-known-up-to";
import { RateWarnings } from "@/components/rate-warnings";
import { TodaySectionCard } from "@/components/today-section";
import { requireUser } from "@/lib/auth/session";
import { getPaymentsFreshness } from "@/lib/bank/pages";
import { getRateWarningsFor } from "@/lib/law/pages";
import { bindAction } from "@/lib/server-actions/bind";
import { formatDateOnly } from "@/lib/time/dates";
import { wallClockTime } from "@/lib/time/instants";
import { getTodayPage, TODAY_PAGE_SIZE } from "@/lib/today/pages";
import { SECTION_TITLES, TODAY_SECTIONS } from "@/lib/today/today-sections";

const completeFollowUpAction = bindAction("collections.complete_follow_up");
const completeReviewAction = bindAction("collections.complete_review");

export const metadata: Metadata = { title: "Today" };

const querySchema = z.object({
  mine: z.literal("1").optional().catch(undefined),
  section: z.enum(TODAY_SECTIONS).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

export default async function TodayPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser();
  const params = await searchParams;
  const query = querySchema.parse(
    Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])),
  );
  const mine = query.mine === "1";
  const [{ today, now, sections, canWork }, known, rateWarnings] = await Promise.all([
    getTodayPage(user, { mine, section: query.section, page: query.page }),
    getPaymentsFreshness(user),
    getRateWarningsFor(user),
  ]);
  const href = (opts: { mine?: boolean; section?: string; page?: number }) => {
    const p = new URLSearchParams();
    if (opts.mine) p.set("mine", "1");
    if (opts.section) p.set("section", opts.section);
    if (opts.page && opts.page > 1) p.set("page", String(opts.page));
    return `/today${p.size ? `?${p}` : ""}`;
  };
  const nowTime = wallClockTime(now, user.timeZone);
  const card = (section: (typeof sections)[number], showAll: boolean) => (
    <TodaySectionCard
      key={section.key}
      section={section}
      showAllHref={showAll ? href({ mine, section: section.key }) : undefined}
      complete={canWork ? completeFollowUpAction : undefined}
      review={canWork ? completeReviewAction : undefined}
      today={today}
      nowTime={nowTime}
    />
  );
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Today</h1>
          <p className="text-sm text-slate-500">
            {formatDateOnly(today, user.locale, "long")} ({user.timeZone}):{" "}
            {mine ? "your accounts and the call-backs you planned" : "every account of the team"}.
          </p>
        </div>
        <MineToggle mine={mine} href={(m) => href({ mine: m, section: query.section })} label="Today" />
      </div>
      <PaymentsKnownUpToNote known={known} locale={user.locale} />
      <RateWarnings warnings={rateWarnings} />
      {query.section ? (
        <div className="space-y-4">
          <Link href={href({ mine })} className="text-sm text-slate-500 hover:text-slate-800">
            ← All of today
          </Link>
          {card(sections[0], false)}
          <Pager
            page={query.page}
            pageSize={TODAY_PAGE_SIZE}
            total={sections[0].count}
            noun={SECTION_TITLES[sections[0].key].title.toLowerCase()}
            hrefFor={(page) => href({ mine, section: query.section, page })}
          />
        </div>
      ) : (
        <div className="grid items-start gap-4 lg:grid-cols-2 2xl:grid-cols-3">
          {sections.map((s) => card(s, true))}
        </div>
      )}
    </div>
  );
}
