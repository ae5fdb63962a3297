"use server";

import { defineAction } from "@/lib/actions/define-action";
import {
  removeEmailSettingsAction as removeDef,
  saveEmailSettingsAction as saveDef,
  sendTestEmailAction as testDef,
} from "@/lib/delivery/actions";

export const saveEmailSettingsAction = defineAction(saveDef);
export const sendTestEmailAction = defineAction(testDef);
export const removeEmailSettingsAction = defineAction(removeDef);
