import { ChargesTable } from "@/components/charges-table";
import { loadChargesSection } from "@/lib/customer-page/charges-section";
import { bindAction } from "@/lib/server-actions/bind";
import type { SectionProps } from "./section-props";

/** Interest and fees claimed, with what was paid of each. */
export async function ChargesSection({ user, customerId, working }: SectionProps) {
  const charges = await loadChargesSection(user, customerId);
  return (
    <section aria-labelledby="charges-heading" className="space-y-3">
      <h2 id="charges-heading" className="text-lg font-semibold">
        Interest and fees claimed
      </h2>
      <ChargesTable
        charges={charges}
        locale={user.locale}
        payAction={working ? bindAction("law.record_charge_payment") : undefined}
      />
    </section>
  );
}
