import type { SessionUser } from "@/lib/auth/session-user";
import { loadChargesSection } from "./charges-section";
import { loadCollectionsSection } from "./collections-section";
import { loadFollowUpsSection } from "./follow-ups-section";
import { loadHistorySection } from "./history-section";
import { loadInvoicesSection } from "./invoices-section";
import { loadCustomerSummary } from "./summary";

/** Every section of the customer page at once: what the page streams, for tests and benchmarks that want it whole. */
export async function loadCustomerPage(user: SessionUser, customerId: string) {
  const summary = await loadCustomerSummary(user, customerId);
  const [collections, followUps, invoices, charges, history] = await Promise.all([
    loadCollectionsSection(user, customerId),
    loadFollowUpsSection(user, customerId),
    loadInvoicesSection(user, customerId),
    loadChargesSection(user, customerId),
    loadHistorySection(user, customerId),
  ]);
  return { summary, collections, followUps, invoices, charges, history };
}
