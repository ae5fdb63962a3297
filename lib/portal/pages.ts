import type { SessionUser } from "@/lib/auth/session-user";
import { db } from "@/lib/db/client";
import { listCustomerRequests } from "./list-customer-requests";
import { openPortalInvoiceCopy, openPortalLetterCopy, openPortalPage, type PortalVisit } from "./open-portal-page";
import { type PortalActionKind, submitPortalRequest } from "./submit-request";

// What the collector's pages read of the customer's page (pages never hold the database client).

/** The customer's requests from its page, newest first; the caller's organization only. */
export function getCustomerRequestsPanel(user: SessionUser, customerId: string) {
  return listCustomerRequests(db(), { orgId: user.orgId, customerId, locale: user.locale });
}

// The public side: the customer's page, its downloads and its answers, for one request.
type Visit = PortalVisit;

export const visitPortalPage = (visit: Visit) => openPortalPage(db(), visit);
export const downloadPortalInvoice = (visit: Visit & { invoiceId: string }) => openPortalInvoiceCopy(db(), visit);
export const downloadPortalLetter = (visit: Visit & { letterId: string }) => openPortalLetterCopy(db(), visit);
export const answerFromPortal = (opts: Visit & { kind: PortalActionKind; raw: Record<string, unknown> }) =>
  submitPortalRequest(db(), opts);
