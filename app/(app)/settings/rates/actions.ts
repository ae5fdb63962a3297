"use server";

import { defineAction } from "@/lib/actions/define-action";
import {
  setBaseCurrencyAction as baseDef,
  enterRateAction as enterDef,
  importRatesAction as importDef,
} from "@/lib/rates/actions";

export const enterRateAction = defineAction(enterDef);
export const importRatesAction = defineAction(importDef);
export const setBaseCurrencyAction = defineAction(baseDef);
