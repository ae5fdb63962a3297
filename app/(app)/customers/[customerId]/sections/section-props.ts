import type { SessionUser } from "@/lib/auth/session-user";

/** What every section of the customer page is given: who is looking, at which customer, and whether they may change it. */
export interface SectionProps {
  user: SessionUser;
  customerId: string;
  working: boolean;
}
