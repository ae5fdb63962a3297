import type { DeliveryDocumentRef, DocumentKind } from "../document-kind";
import { letterKind } from "./letter";
import { statementKind } from "./statement";

// Every kind of document the organization sends, one file each. A new kind (a reminder email,
// a portal receipt) is a file here, a row in this list and, if it is stored in a table of its
// own, a column on letter_deliveries that names it.
export const DOCUMENT_KINDS = [letterKind, statementKind] as DocumentKind<unknown>[];

/** The kind of document a delivery row carries, with its id; null when it names none (never, by the check constraint). */
export function documentOf(delivery: DeliveryDocumentRef): { kind: DocumentKind<unknown>; id: string } | null {
  for (const kind of DOCUMENT_KINDS) {
    const id = kind.idOn(delivery);
    if (id) return { kind, id };
  }
  return null;
}
