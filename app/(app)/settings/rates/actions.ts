"use server";

import { defineAction } from "@/lib/actions/define-action";
import {
  setBaseCurrencyAction as baseDef,
  enterRateAction as enterDef,
  importRatesAction as importDef,
} from "@/lib/rates/actions";

// Rates change the worklist's and the report's order too.
const revalidate = () => ["/settings/rates", "/worklist", "/"];

export const enterRateAction = defineAction(enterDef, { revalidate });
export const importRatesAction = defineAction(importDef, { revalidate });
export const setBaseCurrencyAction = defineAction(baseDef, { revalidate });
