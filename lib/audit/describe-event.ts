import { formatMoney } from "@/lib/money/money";
import type { AuditEventInput } from "./events";

const role = (r: string) => r.toLowerCase();
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const LEDGER_WORDS = {
  CREDIT_NOTE: "credit note",
  WRITE_OFF: "a write-off",
  PAYMENT_REVERSAL: "a payment reversal",
  CREDIT_APPLIED: "credit applied",
} as const;

type Values = Record<string, string | null>;
const shown = (v: string | null) => (v === null || v === "" ? "(none)" : `"${v}"`);
/** "city from "Oslo" to "Bergen", phone from (none) to "+47 …"" */
const changes = (before: Values, after: Values) =>
  Object.keys(after)
    .map((k) => `${k} from ${shown(before[k] ?? null)} to ${shown(after[k])}`)
    .join(", ") || "nothing";

/** What the sentences need beyond the event: names the payload refers to by id, and the reader's locale. */
export interface DescribeContext {
  customerName: (id: string) => string | null;
  locale: string;
}

const NO_NAMES: DescribeContext = { customerName: () => null, locale: "en-GB" };

/** "Credit note recorded" for a kind this file has no sentence for yet, instead of the bare key. */
export function humanizeKind(kind: string): string {
  const words = kind.replace(/[._]/g, " ").trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const filterWords = (filter: Record<string, string> | undefined) => {
  const words = Object.entries(filter ?? {}).map(([k, v]) => `${k} ${v}`);
  return words.length ? `; ${words.join(", ")}` : "";
};

/** One plain sentence per audit event, for the audit log page and its export: names and amounts, not ids. */
export function describeAuditEvent(e: AuditEventInput, ctx: DescribeContext = NO_NAMES): string {
  const who = (id: string) => ctx.customerName(id) ?? "a customer no longer on file";
  const money = (minor: number, currency: string) => formatMoney(minor, currency, ctx.locale);
  switch (e.kind) {
    case "customer.assigned":
      return e.payload.toUserId
        ? `Assigned ${who(e.payload.customerId)} to ${e.payload.toName ?? "a user"}`
        : `Took ${who(e.payload.customerId)} off anyone's accounts (unassigned)`;
    case "follow_up.scheduled":
      return `Planned a call-back to ${who(e.payload.customerId)} on ${e.payload.dueOn}`;
    case "follow_up.done":
      return `Completed a call-back to ${who(e.payload.customerId)}, logging the contact`;
    case "follow_up.cancelled":
      return `Cancelled a call-back to ${who(e.payload.customerId)}`;
    case "internal_note.added":
      return `Added an internal note on ${who(e.payload.customerId)}`;
    case "case.opened":
      return `Opened a collection case for ${who(e.payload.customerId)} (${e.payload.currency})`;
    case "case.closed":
      return `Closed the collection case of ${who(e.payload.customerId)} (${e.payload.currency})`;
    case "letter.sent":
      return `Sent letter ${e.payload.stage} to ${who(e.payload.customerId)}: ${money(e.payload.totalDueMinor, e.payload.currency)} due by ${e.payload.deadline}${e.payload.overrideReason ? ` (sent early: ${e.payload.overrideReason})` : ""}`;
    case "letter.tracking_recorded":
      return `Recorded registered-mail tracking number ${e.payload.trackingNumber}`;
    case "contact.logged":
      return `Logged ${e.payload.direction === "INBOUND" ? "an incoming" : "an outgoing"} ${e.payload.channel.toLowerCase()} contact with ${who(e.payload.customerId)} (${e.payload.outcome.toLowerCase().replace(/_/g, " ")})`;
    case "payment.recorded":
      return `Recorded a payment of ${money(e.payload.amountMinor, e.payload.currency)} from ${who(e.payload.customerId)} received on ${e.payload.receivedOn}, applied to ${plural(e.payload.allocations.length, "invoice")}`;
    case "bank_payments.recorded":
      return `Recorded ${plural(e.payload.payments.length, "payment")} matched on bank statement lines, applied to ${plural(
        e.payload.payments.reduce((n, p) => n + p.allocations.length, 0),
        "invoice",
      )}`;
    case "bank_statement.received":
      return `Received bank statement ${e.payload.fileName || e.payload.statementId} (${e.payload.source})${e.payload.duplicateOf ? ", a file received before" : ""}`;
    case "bank_statement.processed":
      return `Read a bank statement (${e.payload.format}): ${plural(e.payload.lines, "line")}, ${e.payload.matched} matched, ${e.payload.review} for review, ${e.payload.duplicates} duplicates, ${e.payload.ignored} ignored`;
    case "bank_line.resolved":
      return e.payload.decision === "not_customer_payment"
        ? `Marked a bank line of ${money(e.payload.amountMinor, e.payload.currency)} as not a customer payment: ${e.payload.reason}`
        : `Recorded a bank line of ${money(e.payload.amountMinor, e.payload.currency)} for ${e.payload.customerId ? who(e.payload.customerId) : "a customer"} (${e.payload.decision === "invoices" ? plural(e.payload.invoiceIds.length, "invoice") : "credit on account"})`;
    case "payments.stale_override":
      return `Sent due letters on payments known only up to ${e.payload.knownUpTo ?? "never"}: ${e.payload.reason}`;
    case "inbound.received":
      return `Received ${e.payload.autoReply ? "an automatic reply" : "a reply"} by email (${e.payload.source})${e.payload.customerId ? ` from ${who(e.payload.customerId)}` : ", into the unassigned replies"}${e.payload.attachments ? `, ${plural(e.payload.attachments, "attachment")}` : ""}`;
    case "inbound.assigned":
      return `Filed an unassigned email reply on ${who(e.payload.customerId)}${e.payload.currency ? ` (${e.payload.currency})` : ""}`;
    case "inbound.read":
      return `Read ${who(e.payload.customerId)}'s email reply`;
    case "paid_claim.recorded":
      return `Noted that ${who(e.payload.customerId)} says they paid on ${e.payload.paidOn} (${e.payload.source}); letters wait until the payment is matched`;
    case "paid_claim.settled":
      return `Released the letters held for ${who(e.payload.customerId)}'s "paid" claim: ${e.payload.reason}`;
    case "organization.bank_matching_updated":
      return `Changed bank matching: KID ${e.payload.kidMode}${e.payload.kidLength ? ` (${e.payload.kidLength} digits)` : ""}${e.payload.rfReferences === undefined ? "" : `, RF references on EUR invoices ${e.payload.rfReferences ? "on" : "off"}`}, payments stale after ${plural(e.payload.paymentsStaleAfterDays, "bank day")}`;
    case "promise.recorded":
      return `Recorded a promise from ${who(e.payload.customerId)} to pay ${money(e.payload.amountMinor, e.payload.currency)} by ${e.payload.promisedFor}`;
    case "promise.broken":
      return `Marked a promise of ${who(e.payload.customerId)} as broken`;
    case "plan.recorded": {
      const total = e.payload.instalments.reduce((s, i) => s + i.amountMinor, 0);
      return `Recorded a payment plan for ${who(e.payload.customerId)}: ${plural(e.payload.instalments.length, "instalment")}, ${money(total, e.payload.currency)} in all`;
    }
    case "dispute.opened":
      return `Recorded a dispute from ${who(e.payload.customerId)}`;
    case "dispute.resolved":
      return `Resolved a dispute of ${who(e.payload.customerId)}`;
    case "handoff.recorded":
      return `Handed ${who(e.payload.customerId)} to ${e.payload.agency} (ref. ${e.payload.reference}) on ${e.payload.handedOverOn}: ${money(e.payload.amountMinor, e.payload.currency)}${
        e.payload.included?.length
          ? `, including ${e.payload.included.map((l) => `${l.label.toLowerCase()}${l.invoiceNumber ? ` ${l.invoiceNumber}` : ""} ${money(l.amountMinor, e.payload.currency)}`).join(", ")} that letter 3 did not claim, because: ${e.payload.includedReason}`
          : ""
      }`;
    case "invoice.pdf_attached":
      return `Stored a copy of invoice ${e.payload.invoiceNumber} of ${who(e.payload.customerId)} (PDF, ${Math.ceil(e.payload.bytes / 1024)} KB, SHA-256 ${e.payload.sha256.slice(0, 16)}…)`;
    case "bank_account.saved":
      return e.payload.after
        ? `${e.payload.before ? "Changed" : "Added"} the ${e.payload.currency} bank account (${e.payload.after.iban || e.payload.after.accountNumber})`
        : `Removed the ${e.payload.currency} bank account`;
    case "letter_template.saved":
      return `${e.payload.reverted ? "Reverted" : "Saved"} the ${e.payload.language} template of letter ${e.payload.stage}`;
    case "email_settings.saved":
      return `Saved the email settings (${e.payload.host}:${e.payload.port}, ${e.payload.security}; password ${e.payload.password})`;
    case "email_settings.removed":
      return `Removed the email settings (${e.payload.host}): email goes through the server's default again`;
    case "email_settings.tested":
      return `Sent a test email to ${e.payload.to}: ${e.payload.outcome === "ACCEPTED" ? "accepted" : "failed"} (${e.payload.answer})`;
    case "letterhead.updated":
      return `Updated the letterhead${e.payload.fields.length ? ` (${e.payload.fields.join(", ")})` : ""}`;
    case "letter.email_requested":
      return `${e.payload.retry ? "Retried" : "Requested"} email delivery of a letter to ${e.payload.recipient}`;
    case "letter.email_result":
      return e.payload.outcome === "ACCEPTED"
        ? `Letter email accepted by the mail server (attempt ${e.payload.attempt})`
        : `Letter email failed (attempt ${e.payload.attempt}): ${e.payload.error}`;
    case "policy.updated":
      return `Changed the collection policy (${Object.keys(e.payload.after)
        .filter((k) => e.payload.before[k] !== e.payload.after[k])
        .map((k) => `${k} ${e.payload.before[k]} → ${e.payload.after[k]}`)
        .join(", ")})`;
    case "workflow_policy.saved":
      return e.payload.before
        ? `Changed the collection policy "${e.payload.before.name}"${e.payload.before.name !== e.payload.after.name ? ` (now "${e.payload.after.name}")` : ""}: ${plural(e.payload.before.steps.length, "step")} → ${plural(e.payload.after.steps.length, "step")}${e.payload.before.isDefault !== e.payload.after.isDefault ? (e.payload.after.isDefault ? ", made the default" : ", no longer the default") : ""}`
        : `Created the collection policy "${e.payload.after.name}" (${plural(e.payload.after.steps.length, "step")})${e.payload.after.isDefault ? ", the default" : ""}`;
    case "agency.saved": {
      const { before, after } = e.payload;
      const changed = before
        ? (Object.keys(after) as (keyof typeof after)[]).filter((k) => before[k] !== after[k])
        : [];
      return before
        ? `Changed the agency "${before.name}"${changed.length ? ` (${changed.join(", ")})` : ""}`
        : `Added the agency "${after.name}"`;
    }
    case "agency.removed":
      return `Removed the agency "${e.payload.before.name}"`;
    case "workflow_rules.saved":
      return `Changed the policy rules (${plural(e.payload.before.length, "rule")} → ${plural(e.payload.after.length, "rule")})`;
    case "customer.policy_assigned":
      return `Changed the collection policy or tags of ${who(e.payload.customerId)}`;
    case "workflow.step_run":
      return `Policy "${e.payload.policyName}": ${e.payload.stepKind.replace("_", " ")} for ${who(e.payload.customerId)} (${e.payload.currency})`;
    case "workflow.reminder_sent":
      return `Courtesy reminder to ${e.payload.recipient} (${e.payload.transport})`;
    case "follow_up.reviewed":
      return `Completed a review of ${who(e.payload.customerId)}: ${e.payload.note}`;
    case "import.committed":
      return `Imported ${e.payload.importKind} from ${e.payload.fileName}: ${e.payload.created} created, ${e.payload.updated} updated, ${e.payload.unchanged} unchanged`;
    case "bulk_send.started":
      return `Started sending all due letters (${plural(e.payload.accounts, "account")})`;
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
      return `Downloaded the hand-off pack of ${who(e.payload.customerId)} (${e.payload.files} files, manifest SHA-256 ${e.payload.manifestSha256.slice(0, 16)}…)`;
    case "export.audit_log": {
      const filter = Object.entries(e.payload.filter).map(([k, v]) => `${k} ${v}`);
      return `Exported the audit log${filter.length ? ` (${filter.join(", ")})` : ""}`;
    }
    case "invoice.corrected": {
      const { before: b, after: a } = e.payload;
      const parts = [
        b.customer !== a.customer && `customer ${b.customer} → ${a.customer}`,
        (b.amountMinor !== a.amountMinor || b.currency !== a.currency) &&
          `amount ${money(b.amountMinor, b.currency)} → ${money(a.amountMinor, a.currency)}`,
        b.issueDate !== a.issueDate && `issue date ${b.issueDate} → ${a.issueDate}`,
        b.dueDate !== a.dueDate && `due date ${b.dueDate} → ${a.dueDate}`,
      ].filter(Boolean);
      const by = e.payload.importId ? `by import (row ${e.payload.line})` : "through the API";
      return `Corrected invoice ${e.payload.number} ${by}: ${parts.join(", ")}`;
    }
    case "export.aging":
      return `Exported the aging report's invoices as of ${e.payload.asOf} (${e.payload.format.toUpperCase()}${filterWords(e.payload.filter)})`;
    case "export.customers":
      return `Exported the customer list (${e.payload.format.toUpperCase()}${filterWords(e.payload.filter)})`;
    case "export.aging_accounts":
      return `Exported the aging report's accounts as of ${e.payload.asOf} (${e.payload.format.toUpperCase()}${filterWords(e.payload.filter)})`;
    case "statement.downloaded":
      return `Downloaded the statement of account of ${who(e.payload.customerId)} as of ${e.payload.asOf} (${e.payload.language})`;
    case "statement.email_requested":
      return `Requested email delivery of the statement of account of ${who(e.payload.customerId)} as of ${e.payload.asOf} to ${e.payload.recipient}`;
    case "statement.email_result":
      return e.payload.outcome === "ACCEPTED"
        ? `Statement email to ${who(e.payload.customerId)} accepted by the mail server (attempt ${e.payload.attempt})`
        : `Statement email to ${who(e.payload.customerId)} failed (attempt ${e.payload.attempt}): ${e.payload.error}`;
    case "organization.created":
      return `Created the organization ${e.payload.name} with the first admin ${e.payload.adminEmail}`;
    case "organization.updated":
      return `Changed the organization's ${changes(e.payload.before, e.payload.after)}`;
    case "customer.created":
      return `Created customer ${e.payload.reference}`;
    case "customer.updated":
      return `Changed customer ${who(e.payload.customerId)} (${e.payload.reference}): ${changes(e.payload.before, e.payload.after)}`;
    case "invoice.entered":
      return `Entered invoice ${e.payload.number} (${formatMoney(e.payload.amountMinor, e.payload.currency)}, due ${e.payload.dueDate})`;
    case "ledger.recorded":
      return `Recorded ${LEDGER_WORDS[e.payload.entryKind]}${e.payload.number ? ` ${e.payload.number}` : ""} of ${formatMoney(e.payload.amountMinor, e.payload.currency)} on ${e.payload.effectiveOn}: ${e.payload.reason}`;
    case "due_date.extended":
      return `Extended a due date from ${e.payload.from} to ${e.payload.to}: ${e.payload.reason}`;
    case "rates.entered":
      return `${e.payload.correction ? "Corrected" : "Entered"} the exchange rate 1 ${e.payload.base} = ${e.payload.rate} ${e.payload.currency} from ${e.payload.validOn} (${e.payload.source})`;
    case "rates.imported":
      return `Imported ${plural(e.payload.rows, "exchange rate")} against ${e.payload.base} (${e.payload.currencies.join(", ")}) for ${e.payload.from === e.payload.to ? e.payload.from : `${e.payload.from} to ${e.payload.to}`}`;
    case "rates.base_currency_changed":
      return `Changed the base currency from ${e.payload.before} to ${e.payload.after}`;
    case "api_token.created":
      return `Created the API token "${e.payload.name}" (${e.payload.scopes.join(", ")}${e.payload.expiresAt ? `, expires ${e.payload.expiresAt.slice(0, 10)}` : ""}${e.payload.via === "cli" ? ", by npm run api-token" : ""})`;
    case "webhook_endpoint.created":
      return `Registered the webhook endpoint ${e.payload.url} for ${e.payload.events.join(", ")}`;
    case "webhook_endpoint.disabled":
      return `Switched off the webhook endpoint ${e.payload.url}: ${e.payload.reason}`;
    case "webhook_endpoint.admins_notified":
      return e.payload.transport === "smtp"
        ? `Emailed ${e.payload.recipients.join(", ")} that the webhook endpoint ${e.payload.url} was switched off`
        : `Could not email the admins that the webhook endpoint ${e.payload.url} was switched off (${e.payload.transport === "outbox" ? "no SMTP server configured" : "no active admin"})`;
    case "api_token.revoked":
      return `Revoked the API token "${e.payload.name}"${e.payload.via === "cli" ? " (by npm run api-token)" : ""}`;
    case "demo.seeded":
      return `Demo data created (${e.payload.customers} customers, ${e.payload.invoices} invoices)`;
    default:
      return humanizeKind((e as { kind: string }).kind);
  }
}
