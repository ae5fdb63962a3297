import type { SessionUser } from "@/lib/auth/session-user";
import { db } from "@/lib/db/client";
import { clockNow, todayIn } from "@/lib/time/dates";
import { getRatesPage } from "./list-rates";

// What the exchange-rates settings page reads, for the signed-in user (the layer rule "pages-read-through-lib").

export function getExchangeRatesPage(user: SessionUser, opts: { page: number }) {
  return getRatesPage(db(), { orgId: user.orgId, today: todayIn(user.timeZone, clockNow()), page: opts.page });
}
