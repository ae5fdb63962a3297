import type { ImportKind } from "@/lib/generated/prisma/enums";
import type { ImportKindHandler } from "../import-kind";
import { bankStatementsKind } from "./bank-statements";
import { creditNotesKind } from "./credit-notes";
import { customersKind } from "./customers";
import { invoicesKind } from "./invoices";
import { paymentsKind } from "./payments";

export const IMPORT_KIND_HANDLERS: Record<ImportKind, ImportKindHandler<unknown, unknown>> = {
  customers: customersKind as ImportKindHandler<unknown, unknown>,
  invoices: invoicesKind as ImportKindHandler<unknown, unknown>,
  payments: paymentsKind as ImportKindHandler<unknown, unknown>,
  credit_notes: creditNotesKind as ImportKindHandler<unknown, unknown>,
  bank_statement: bankStatementsKind as ImportKindHandler<unknown, unknown>,
};
