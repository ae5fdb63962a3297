"use server";

import { defineAction } from "@/lib/actions/define-action";
import {
  checkImportAction as checkImportDef,
  chooseHeaderRowAction as chooseHeaderRowDef,
  commitImportAction as commitImportDef,
} from "@/lib/imports/actions";

const importPage = ({ importId }: { importId: string }) => [`/import/${importId}`];

export const checkImportAction = defineAction(checkImportDef, { revalidate: importPage });
export const commitImportAction = defineAction(commitImportDef, { revalidate: importPage });
export const chooseHeaderRowAction = defineAction(chooseHeaderRowDef, { revalidate: importPage });
