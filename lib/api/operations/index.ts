import type { AnyApiOperation } from "@/lib/api-runtime/define-operation";
import { getBankStatement, postBankStatement } from "./bank-statements";
import { postCreditNote } from "./credit-notes";
import { getCustomer, putCustomer } from "./customers";
import { postInvoiceBatch } from "./invoice-batch";
import { putInvoice } from "./invoices";
import { getCustomerHistory, getLetter, getLetterPdfOperation, postLetter } from "./letters";
import { postPayment } from "./payments";
import { getAging, listAccounts } from "./reports";

/** Every /api/v1 operation: the routes serve them and the OpenAPI document lists them, from this one list. */
export const API_OPERATIONS: AnyApiOperation[] = [
  putCustomer,
  getCustomer,
  getCustomerHistory,
  putInvoice,
  postInvoiceBatch,
  postCreditNote,
  postPayment,
  getAging,
  listAccounts,
  getLetter,
  getLetterPdfOperation,
  postLetter,
  postBankStatement,
  getBankStatement,
];
