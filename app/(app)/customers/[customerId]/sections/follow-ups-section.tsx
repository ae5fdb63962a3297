import { FollowUpsPanel } from "@/components/follow-ups-panel";
import { loadFollowUpsSection } from "@/lib/customer-page/follow-ups-section";
import { bindAction } from "@/lib/server-actions/bind";
import type { SectionProps } from "./section-props";

/** The call-backs planned on the account, and the forms to plan, complete or cancel one. */
export async function FollowUpsSection({ user, customerId, working }: SectionProps) {
  const { followUps, today, nowTime } = await loadFollowUpsSection(user, customerId);
  return (
    <section aria-labelledby="follow-ups-heading" className="space-y-3">
      <h2 id="follow-ups-heading" className="text-lg font-semibold">
        Call-backs
      </h2>
      <FollowUpsPanel
        customerId={customerId}
        followUps={followUps}
        locale={user.locale}
        timeZone={user.timeZone}
        today={today}
        nowTime={nowTime}
        actions={
          working
            ? {
                schedule: bindAction("collections.schedule_follow_up"),
                complete: bindAction("collections.complete_follow_up"),
                cancel: bindAction("collections.cancel_follow_up"),
              }
            : undefined
        }
      />
    </section>
  );
}
