"use server";

import { defineAction } from "@/lib/actions/define-action";
import { setReplyDomainAction as setReplyDomainDef } from "@/lib/inbound/actions";

export const setReplyDomainAction = defineAction(setReplyDomainDef);
