"use server";

import { defineAction } from "@/lib/actions/define-action";
import {
  decideProposalAction as decideProposalDef,
  markRequestReadAction as markRequestReadDef,
  revokePortalLinksAction as revokePortalLinksDef,
} from "@/lib/portal/actions";

// The collector's answers to the customer's page; Today lists what is still unanswered.
const pages = ({ customerId }: { customerId: string }) => [`/customers/${customerId}`, "/today", "/worklist"];

export const markRequestReadAction = defineAction(markRequestReadDef, { revalidate: pages });
export const decideProposalAction = defineAction(decideProposalDef, { revalidate: pages });
export const revokePortalLinksAction = defineAction(revokePortalLinksDef, { revalidate: pages });
