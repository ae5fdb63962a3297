import { minorToPlain } from "@/lib/money/money";
import type { AuditEventInput } from "./events";

const role = (r: string) => r.toLowerCase();

/** One plain sentence per audit event, for the audit log page. */
export function describeAuditEvent(e: AuditEventInput): string {
  switch (e.kind) {
    case "bulk_send.started":
      return `Started sending all due letters (${e.payload.accounts} account${e.payload.accounts === 1 ? "" : "s"})`;
    case "print_run.started":
      return `Started printing the letters to post of ${e.payload.day}`;
    case "user.signed_in":
      return `${e.payload.email} signed in`;
    case "user.sign_in_failed":
      return `Sign-in refused for ${e.payload.email} (${e.payload.reason})`;
    case "user.locked":
      return `${e.payload.email} locked after ${e.payload.failures} failed sign-ins, until ${e.payload.lockedUntil}`;
    case "user.created":
      return `Created user ${e.payload.email} (${e.payload.name}) as ${role(e.payload.role)}`;
    case "user.role_changed":
      return `Changed ${e.payload.email} from ${role(e.payload.from)} to ${role(e.payload.to)}`;
    case "user.deactivated":
      return `Deactivated ${e.payload.email}`;
    case "user.reactivated":
      return `Reactivated ${e.payload.email}`;
    case "user.password_reset":
      return `Reset the password of ${e.payload.email}`;
    case "history.verified":
      return e.payload.ok
        ? `Verified the history: ${e.payload.checked} entries match`
        : `Verified the history: mismatch at ${e.payload.firstMismatch?.table} ${e.payload.firstMismatch?.id}`;
    case "handoff_pack.created":
      return `Downloaded the hand-off pack of customer ${e.payload.customerId} (${e.payload.files} files, manifest SHA-256 ${e.payload.manifestSha256.slice(0, 16)}…)`;
    case "invoice.corrected": {
      const { before: b, after: a } = e.payload;
      const parts = [
        b.customer !== a.customer && `customer ${b.customer} → ${a.customer}`,
        (b.amountMinor !== a.amountMinor || b.currency !== a.currency) &&
          `amount ${minorToPlain(b.amountMinor, b.currency)} ${b.currency} → ${minorToPlain(a.amountMinor, a.currency)} ${a.currency}`,
        b.issueDate !== a.issueDate && `issue date ${b.issueDate} → ${a.issueDate}`,
        b.dueDate !== a.dueDate && `due date ${b.dueDate} → ${a.dueDate}`,
      ].filter(Boolean);
      return `Corrected invoice ${e.payload.number} by import (row ${e.payload.line}): ${parts.join(", ")}`;
    }
    case "export.aging":
      return `Exported the aging report as of ${e.payload.asOf} (${e.payload.format.toUpperCase()})`;
    case "demo.seeded":
      return `Demo data created (${e.payload.customers} customers, ${e.payload.invoices} invoices)`;
    default:
      return (e as { kind: string }).kind;
  }
}
