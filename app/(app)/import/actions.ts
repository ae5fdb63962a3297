"use server";

import { defineAction } from "@/lib/actions/define-action";
import {
  checkImportAction as checkImportDef,
  chooseHeaderRowAction as chooseHeaderRowDef,
  commitImportAction as commitImportDef,
} from "@/lib/imports/actions";

export const checkImportAction = defineAction(checkImportDef);
export const commitImportAction = defineAction(commitImportDef);
export const chooseHeaderRowAction = defineAction(chooseHeaderRowDef);
