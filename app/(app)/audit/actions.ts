"use server";

import { defineAction } from "@/lib/actions/define-action";
import { verifyHistoryAction } from "@/lib/history/actions";

export const verifyHistory = defineAction(verifyHistoryAction);
