import { z } from "zod";
import type { DbOrTx } from "@/lib/db/client";

const uuid = z.uuid();
const currency = z.string().regex(/^[A-Z]{3}$/);
const minor = z.number().int();
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const invoiceFacts = z.object({ customer: z.string(), issueDate: day, dueDate: day, amountMinor: minor, currency });
const role = z.enum(["ADMIN", "COLLECTOR", "VIEWER"]);
/** The user an event is about (the actor is the event's userId). */
const userRef = z.object({ targetUserId: z.uuid(), email: z.string() });
/** Field values before and after a change (only the fields that changed; null: not set). */
const fieldValues = z.record(z.string(), z.string().nullable());

// One schema per kind of audit event, checked when written and when read.
// Later features add their kinds here.
const policyAudit = z.object({
  name: z.string(),
  isDefault: z.boolean(),
  steps: z.array(
    z.object({
      key: z.string(),
      kind: z.string(),
      anchor: z.string(),
      offsetDays: z.number().int(),
      stage: z.number().int().nullable(),
      deadlineDays: z.number().int().nullable(),
      note: z.string(),
    }),
  ),
});
const agencyAudit = z.object({
  name: z.string(),
  address: z.string(),
  email: z.string(),
  paymentDetails: z.string(),
  referenceFormat: z.string(),
});
const paymentRecorded = z.object({
  customerId: uuid,
  currency,
  amountMinor: minor,
  receivedOn: day,
  allocations: z.array(z.object({ paymentId: uuid, invoiceId: uuid, amountMinor: minor })),
  // Kept on the account as unapplied cash (more than was open, or no invoice named).
  unapplied: z.object({ paymentId: uuid, amountMinor: minor }).optional(),
});
const ruleAudit = z.object({ position: z.number().int(), policy: z.string(), conditions: z.string() });

export const auditEventSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("user.signed_in"), payload: z.object({ email: z.string() }) }),
  z.object({ kind: z.literal("user.sign_in_failed"), payload: z.object({ email: z.string(), reason: z.string() }) }),
  // Organizations: setup (web or `npm run setup`), `npm run org:create`, the settings page.
  z.object({
    kind: z.literal("organization.created"),
    payload: z.object({
      via: z.enum(["setup", "setup_file", "org_create"]),
      name: z.string(),
      adminEmail: z.string(),
      fields: fieldValues,
    }),
  }),
  z.object({
    kind: z.literal("organization.updated"),
    payload: z.object({ before: fieldValues, after: fieldValues }),
  }),
  // Customers created or corrected by hand (imports are recorded as import.committed).
  z.object({
    kind: z.literal("customer.created"),
    payload: z.object({ customerId: uuid, reference: z.string(), after: fieldValues }),
  }),
  z.object({
    kind: z.literal("customer.updated"),
    payload: z.object({ customerId: uuid, reference: z.string(), before: fieldValues, after: fieldValues }),
  }),
  // Ownership and tasks: who works an account, call-backs, internal notes.
  z.object({
    kind: z.literal("customer.assigned"),
    payload: z.object({
      customerId: uuid,
      fromUserId: uuid.nullable(),
      toUserId: uuid.nullable(),
      toName: z.string().nullable(),
    }),
  }),
  // The customer's page (lib/portal): what a customer did there (no user: the customer), and a collector's answer.
  z.object({
    kind: z.literal("portal.request"),
    payload: z.object({
      requestId: uuid,
      customerId: uuid,
      currency,
      kind: z.enum(["PAID_CLAIM", "DISPUTE", "PROMISE", "PLAN", "MESSAGE"]),
      source: z.string(),
    }),
  }),
  // Inbound mail (lib/inbound): a message that came back (no user: the customer or a provider),
  // a collector's assignment from the unassigned queue, and a collector having read a reply.
  z.object({
    kind: z.literal("inbound.received"),
    payload: z.object({
      messageId: uuid,
      source: z.enum(["postmark", "mailgun", "imap"]),
      customerId: uuid.nullable(),
      matchedBy: z.enum(["token", "sender"]).nullable(),
      autoReply: z.boolean(),
      attachments: z.number().int(),
    }),
  }),
  z.object({
    kind: z.literal("inbound.assigned"),
    payload: z.object({ messageId: uuid, customerId: uuid, currency: currency.nullable() }),
  }),
  z.object({ kind: z.literal("inbound.read"), payload: z.object({ messageId: uuid, customerId: uuid }) }),
  z.object({
    kind: z.literal("portal.request_handled"),
    payload: z.object({ requestId: uuid, customerId: uuid, decision: z.enum(["read", "accepted", "declined"]) }),
  }),
  z.object({
    kind: z.literal("portal.links_revoked"),
    payload: z.object({ customerId: uuid, currency }),
  }),
  z.object({
    kind: z.literal("follow_up.scheduled"),
    payload: z.object({ followUpId: uuid, customerId: uuid, dueOn: day }),
  }),
  z.object({
    kind: z.literal("follow_up.done"),
    payload: z.object({ followUpId: uuid, customerId: uuid, contactId: uuid }),
  }),
  z.object({ kind: z.literal("follow_up.cancelled"), payload: z.object({ followUpId: uuid, customerId: uuid }) }),
  z.object({ kind: z.literal("internal_note.added"), payload: z.object({ noteId: uuid, customerId: uuid }) }),
  z.object({ kind: z.literal("demo.seeded"), payload: z.object({ customers: z.number(), invoices: z.number() }) }),
  // Collections. Amounts are integer minor units of `currency`; dates are DateOnly strings.
  z.object({ kind: z.literal("case.opened"), payload: z.object({ caseId: uuid, customerId: uuid, currency }) }),
  z.object({ kind: z.literal("case.closed"), payload: z.object({ caseId: uuid, customerId: uuid, currency }) }),
  z.object({
    kind: z.literal("letter.sent"),
    payload: z.object({
      letterId: uuid,
      caseId: uuid,
      customerId: uuid,
      stage: z.number().int().min(1).max(4),
      currency,
      totalDueMinor: minor,
      deadline: day,
      contentSha256: z.string().length(64),
      reason: z.string(),
      overrideReason: z.string().nullable(),
    }),
  }),
  z.object({
    kind: z.literal("letter.tracking_recorded"),
    payload: z.object({ letterId: uuid, trackingNumber: z.string() }),
  }),
  z.object({
    kind: z.literal("contact.logged"),
    payload: z.object({
      contactId: uuid,
      customerId: uuid,
      channel: z.enum(["LETTER", "EMAIL", "PHONE", "PORTAL"]),
      direction: z.enum(["OUTBOUND", "INBOUND"]),
      outcome: z.string(),
    }),
  }),
  z.object({ kind: z.literal("payment.recorded"), payload: paymentRecorded }),
  // A bank statement's matched lines, up to 1,000 payments an event: each is in the
  // history chain as it would be in its own payment.recorded event, at one chained
  // row per thousand (40,000 rows cost ~20 s of per-row chain hashing, issue 23 bench).
  z.object({
    kind: z.literal("bank_payments.recorded"),
    payload: z.object({ statementId: uuid, payments: z.array(paymentRecorded.extend({ lineId: uuid })) }),
  }),
  // Bank statements (lib/bank): received, processed on the job queue, lines decided in the review queue.
  z.object({
    kind: z.literal("bank_statement.received"),
    payload: z.object({
      statementId: uuid,
      source: z.enum(["upload", "import", "api", "folder"]),
      fileName: z.string(),
      sha256: z.string().length(64),
      byteSize: z.number().int(),
      duplicateOf: uuid.nullable(),
    }),
  }),
  z.object({
    kind: z.literal("bank_statement.processed"),
    payload: z.object({
      statementId: uuid,
      format: z.string(),
      lines: z.number().int(),
      matched: z.number().int(),
      review: z.number().int(),
      duplicates: z.number().int(),
      ignored: z.number().int(),
      payments: z.number().int(),
    }),
  }),
  z.object({
    kind: z.literal("bank_line.resolved"),
    payload: z.object({
      lineId: uuid,
      decision: z.enum(["invoices", "credit_on_account", "not_customer_payment"]),
      customerId: uuid.nullable(),
      invoiceIds: z.array(uuid),
      amountMinor: minor,
      currency,
      reason: z.string(),
    }),
  }),
  z.object({
    kind: z.literal("payments.stale_override"),
    payload: z.object({ knownUpTo: day.nullable(), reason: z.string(), context: z.enum(["bulk_send"]) }),
  }),
  z.object({
    kind: z.literal("paid_claim.recorded"),
    payload: z.object({ claimId: uuid, customerId: uuid, currency, paidOn: day, source: z.string() }),
  }),
  z.object({
    kind: z.literal("paid_claim.settled"),
    payload: z.object({ claimId: uuid, customerId: uuid, reason: z.string() }),
  }),
  z.object({
    kind: z.literal("organization.bank_matching_updated"),
    payload: z.object({
      kidMode: z.enum(["off", "mod10", "mod11"]),
      kidLength: z.number().int(),
      // Absent in events written before the RF switch existed.
      rfReferences: z.boolean().optional(),
      paymentsStaleAfterDays: z.number().int(),
    }),
  }),
  // The ledger (lib/ledger). Amounts are positive minor units of `currency`.
  z.object({
    kind: z.literal("invoice.entered"),
    payload: z.object({
      invoiceId: uuid,
      customerId: uuid,
      number: z.string(),
      currency,
      amountMinor: minor,
      issueDate: day,
      dueDate: day,
    }),
  }),
  z.object({
    kind: z.literal("ledger.recorded"),
    payload: z.object({
      entryId: uuid,
      entryKind: z.enum(["CREDIT_NOTE", "WRITE_OFF", "PAYMENT_REVERSAL", "CREDIT_APPLIED"]),
      customerId: uuid,
      invoiceId: uuid.nullable(),
      paymentId: uuid.nullable(),
      currency,
      amountMinor: minor,
      number: z.string().nullable(),
      reason: z.string(),
      effectiveOn: day,
    }),
  }),
  z.object({
    kind: z.literal("due_date.extended"),
    payload: z.object({ extensionId: uuid, invoiceId: uuid, customerId: uuid, from: day, to: day, reason: z.string() }),
  }),
  z.object({
    kind: z.literal("promise.recorded"),
    payload: z.object({
      promiseId: uuid,
      caseId: uuid,
      customerId: uuid,
      currency,
      amountMinor: minor,
      promisedFor: day,
    }),
  }),
  z.object({
    kind: z.literal("promise.broken"),
    payload: z.object({ promiseId: uuid, caseId: uuid, customerId: uuid }),
  }),
  z.object({
    kind: z.literal("plan.recorded"),
    payload: z.object({
      planId: uuid,
      caseId: uuid,
      customerId: uuid,
      currency,
      instalments: z.array(z.object({ promiseId: uuid, amountMinor: minor, dueOn: day })),
    }),
  }),
  z.object({
    kind: z.literal("dispute.opened"),
    payload: z.object({ disputeId: uuid, customerId: uuid, invoiceId: uuid }),
  }),
  z.object({
    kind: z.literal("dispute.resolved"),
    payload: z.object({ disputeId: uuid, customerId: uuid, invoiceId: uuid }),
  }),
  z.object({
    kind: z.literal("handoff.recorded"),
    payload: z.object({
      handoffId: uuid,
      caseId: uuid,
      customerId: uuid,
      agency: z.string(),
      reference: z.string(),
      handedOverOn: day,
      currency,
      amountMinor: minor,
      agencyContact: z.string().optional(),
      agencyPaymentDetails: z.string().optional(),
      /** The saved agency chosen (Settings → Agencies), when one was. */
      agencyId: uuid.optional(),
      /** What letter 3 claimed and was still open (absent on hand-offs recorded before). */
      claimedMinor: minor.optional(),
      /** Lines letter 3 never claimed that a collector handed over too, and why. */
      included: z
        .array(
          z.object({
            kind: z.enum(["invoice", "charge"]),
            label: z.string(),
            invoiceNumber: z.string().nullable(),
            amountMinor: minor,
          }),
        )
        .optional(),
      includedReason: z.string().optional(),
    }),
  }),
  z.object({
    kind: z.literal("invoice.pdf_attached"),
    payload: z.object({
      invoiceId: uuid,
      customerId: uuid,
      invoiceNumber: z.string(),
      sha256: z.string().length(64),
      bytes: z.number().int(),
    }),
  }),
  z.object({
    kind: z.literal("bank_account.saved"),
    payload: z.object({
      currency,
      before: z.record(z.string(), z.union([z.string(), z.boolean()])).nullable(),
      after: z.record(z.string(), z.union([z.string(), z.boolean()])).nullable(),
    }),
  }),
  // Letter documents: templates, letterhead, email delivery.
  z.object({
    kind: z.literal("letter_template.saved"),
    payload: z.object({
      templateVersionId: uuid,
      language: z.enum(["en", "it", "nb"]),
      stage: z.number().int().min(1).max(4),
      reverted: z.boolean(),
    }),
  }),
  // Settings → Email (lib/delivery/email-settings.ts): never the password, only what happened to it.
  z.object({
    kind: z.literal("email_settings.saved"),
    payload: z.object({
      fields: z.array(z.string()),
      password: z.enum(["set", "replaced", "kept", "removed", "none"]),
      host: z.string(),
      port: z.number().int(),
      security: z.string(),
    }),
  }),
  z.object({
    kind: z.literal("email_settings.removed"),
    payload: z.object({ host: z.string() }),
  }),
  z.object({
    kind: z.literal("email_settings.tested"),
    payload: z.object({ to: z.string(), outcome: z.enum(["ACCEPTED", "FAILED"]), answer: z.string() }),
  }),
  z.object({
    kind: z.literal("letterhead.updated"),
    payload: z.object({ fields: z.array(z.string()), logoSha256: z.string().nullable() }),
  }),
  z.object({
    kind: z.literal("letter.email_requested"),
    payload: z.object({ deliveryId: uuid, letterId: uuid, recipient: z.string(), retry: z.boolean() }),
  }),
  z.object({
    kind: z.literal("letter.email_result"),
    payload: z.object({
      deliveryId: uuid,
      letterId: uuid,
      attempt: z.number().int(),
      outcome: z.enum(["ACCEPTED", "FAILED"]),
      transport: z.string(),
      error: z.string(),
    }),
  }),
  z.object({
    kind: z.literal("bulk_send.started"),
    // fingerprint: the confirmed plan's (lib/letters/bulk-plan.ts); absent on runs started before plans.
    payload: z.object({ bulkSendId: uuid, accounts: z.number().int(), fingerprint: z.string().optional() }),
  }),
  z.object({ kind: z.literal("print_run.started"), payload: z.object({ printRunId: uuid, day }) }),
  // Law: admin-entered reference rates, charge settings, payments against charges.
  z.object({
    kind: z.literal("law.rate_added"),
    payload: z.object({ series: z.string(), from: day, to: day, referencePercent: z.string(), source: z.string() }),
  }),
  z.object({
    kind: z.literal("law.fee_amount_added"),
    payload: z.object({
      kind: z.string(),
      from: day,
      to: day.nullable(),
      amountMinor: z.number().int(),
      currency: z.string(),
      source: z.string(),
    }),
  }),
  z.object({
    kind: z.literal("law.rates_uploaded"),
    payload: z.object({ series: z.string(), added: z.array(z.object({ from: day, referencePercent: z.string() })) }),
  }),
  // Exchange rates (lib/rates): entered, imported, the base currency changed.
  z.object({
    kind: z.literal("rates.entered"),
    payload: z.object({
      base: currency,
      currency,
      rate: z.string(),
      validOn: day,
      source: z.string(),
      correction: z.boolean(),
    }),
  }),
  z.object({
    kind: z.literal("rates.imported"),
    payload: z.object({
      base: currency,
      format: z.enum(["ecb", "long"]),
      rows: z.number().int(),
      currencies: z.array(currency),
      from: day,
      to: day,
    }),
  }),
  z.object({
    kind: z.literal("rates.base_currency_changed"),
    payload: z.object({ before: currency, after: currency }),
  }),
  z.object({
    kind: z.literal("law.settings_updated"),
    payload: z.object({
      before: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
      after: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
    }),
  }),
  z.object({
    kind: z.literal("charge.payment_recorded"),
    payload: z.object({ chargeId: uuid, customerId: uuid, amountMinor: minor, currency, receivedOn: day }),
  }),
  z.object({
    kind: z.literal("workflow_policy.saved"),
    payload: z.object({
      policyId: uuid,
      name: z.string(),
      /** null: the policy was created. */
      before: policyAudit.nullable(),
      after: policyAudit,
    }),
  }),
  z.object({
    kind: z.literal("agency.saved"),
    payload: z.object({ agencyId: uuid, before: agencyAudit.nullable(), after: agencyAudit }),
  }),
  z.object({
    kind: z.literal("agency.removed"),
    payload: z.object({ agencyId: uuid, before: agencyAudit }),
  }),
  z.object({
    kind: z.literal("workflow_rules.saved"),
    payload: z.object({
      before: z.array(ruleAudit),
      after: z.array(ruleAudit),
    }),
  }),
  z.object({
    kind: z.literal("customer.policy_assigned"),
    payload: z.object({
      customerId: uuid,
      before: z.object({ policyId: uuid.nullable(), tags: z.array(z.string()) }),
      after: z.object({ policyId: uuid.nullable(), tags: z.array(z.string()) }),
    }),
  }),
  z.object({
    kind: z.literal("workflow.step_run"),
    payload: z.object({
      runId: uuid,
      customerId: uuid,
      currency,
      policyName: z.string(),
      stepKind: z.string(),
      anchorOn: day,
      followUpId: uuid.nullable(),
    }),
  }),
  z.object({
    kind: z.literal("workflow.reminder_sent"),
    payload: z.object({
      runId: uuid,
      customerId: uuid,
      transport: z.string(),
      recipient: z.string(),
      contactId: uuid.nullable(),
    }),
  }),
  z.object({
    kind: z.literal("follow_up.reviewed"),
    payload: z.object({ followUpId: uuid, customerId: uuid, note: z.string() }),
  }),
  z.object({
    kind: z.literal("policy.updated"),
    payload: z.object({ before: z.record(z.string(), z.number()), after: z.record(z.string(), z.number()) }),
  }),
  z.object({
    kind: z.literal("user.locked"),
    payload: z.object({ email: z.string(), failures: z.number().int(), lockedUntil: z.string() }),
  }),
  z.object({ kind: z.literal("user.created"), payload: userRef.extend({ name: z.string(), role: role }) }),
  z.object({ kind: z.literal("user.role_changed"), payload: userRef.extend({ from: role, to: role }) }),
  z.object({ kind: z.literal("user.deactivated"), payload: userRef }),
  z.object({ kind: z.literal("user.reactivated"), payload: userRef }),
  z.object({ kind: z.literal("user.password_reset"), payload: userRef }),
  z.object({
    kind: z.literal("history.verified"),
    payload: z.object({
      ok: z.boolean(),
      checked: z.number().int(),
      firstMismatch: z.object({ table: z.string(), id: z.string(), seq: z.number().int() }).optional(),
    }),
  }),
  z.object({
    kind: z.literal("import.committed"),
    payload: z.object({
      importId: z.string(),
      importKind: z.enum(["customers", "invoices", "payments", "credit_notes", "bank_statement"]),
      fileName: z.string(),
      rows: z.number(),
      created: z.number(),
      updated: z.number(),
      unchanged: z.number(),
      /** Invoices: stored invoices changed (each also an invoice.corrected event) and how invoices were matched. */
      corrected: z.number().optional(),
      invoiceIdentity: z.enum(["year", "customer"]).optional(),
    }),
  }),
  // An import changed a stored invoice, after the user confirmed the change the check listed.
  z.object({
    kind: z.literal("invoice.corrected"),
    // By an import (its id and the file's row) or through the API (PUT /api/v1/invoices/{number}; the actor is the token).
    payload: z.object({
      importId: uuid.optional(),
      invoiceId: uuid,
      number: z.string(),
      line: z.number().int().optional(),
      before: invoiceFacts,
      after: invoiceFacts,
    }),
  }),
  z.object({
    kind: z.literal("export.audit_log"),
    payload: z.object({ filter: z.record(z.string(), z.string()) }),
  }),
  z.object({
    kind: z.literal("statement.downloaded"),
    payload: z.object({ customerId: uuid, asOf: day, language: z.string(), contentSha256: z.string().length(64) }),
  }),
  z.object({
    kind: z.literal("statement.email_requested"),
    payload: z.object({ deliveryId: uuid, statementId: uuid, customerId: uuid, asOf: day, recipient: z.string() }),
  }),
  z.object({
    kind: z.literal("statement.email_result"),
    payload: z.object({
      deliveryId: uuid,
      statementId: uuid,
      customerId: uuid,
      attempt: z.number().int(),
      outcome: z.enum(["ACCEPTED", "FAILED"]),
      transport: z.string(),
      error: z.string(),
    }),
  }),
  z.object({
    kind: z.literal("export.customers"),
    payload: z.object({ format: z.enum(["csv", "xlsx"]), filter: z.record(z.string(), z.string()) }),
  }),
  z.object({
    kind: z.literal("export.aging_accounts"),
    payload: z.object({ asOf: z.string(), format: z.enum(["csv", "xlsx"]), filter: z.record(z.string(), z.string()) }),
  }),
  z.object({
    kind: z.literal("export.aging"),
    // filter: the report's filters the export followed (absent on exports before they did).
    payload: z.object({
      asOf: z.string(),
      format: z.enum(["csv", "xlsx"]),
      filter: z.record(z.string(), z.string()).optional(),
    }),
  }),
  // API tokens (lib/api): made and revoked on Settings → API tokens or by `npm run api-token`
  // (via cli: no user). What a token then changes is recorded under its own actor (a user of kind API_TOKEN).
  z.object({
    kind: z.literal("api_token.created"),
    payload: z.object({
      tokenId: uuid,
      name: z.string(),
      scopes: z.array(z.enum(["read", "write"])),
      expiresAt: z.string().nullable(),
      via: z.enum(["settings", "cli"]),
    }),
  }),
  // Webhook endpoints (lib/webhooks): registered by an admin or a token, switched off after failing for a day.
  z.object({
    kind: z.literal("webhook_endpoint.created"),
    payload: z.object({ endpointId: uuid, url: z.string(), events: z.array(z.string()) }),
  }),
  z.object({
    kind: z.literal("webhook_endpoint.disabled"),
    payload: z.object({ endpointId: uuid, url: z.string(), reason: z.string() }),
  }),
  // The admins told by email (transport "smtp"), or not ("outbox": no SMTP configured; "no-admin").
  z.object({
    kind: z.literal("webhook_endpoint.admins_notified"),
    payload: z.object({
      endpointId: uuid,
      url: z.string(),
      disabledAt: z.string(),
      recipients: z.array(z.string()),
      transport: z.enum(["smtp", "outbox", "no-admin"]),
    }),
  }),
  z.object({
    kind: z.literal("api_token.revoked"),
    payload: z.object({ tokenId: uuid, name: z.string(), via: z.enum(["settings", "cli"]) }),
  }),
  z.object({
    kind: z.literal("handoff_pack.created"),
    payload: z.object({
      customerId: uuid,
      currencies: z.array(currency),
      asOf: day,
      files: z.number().int(),
      manifestSha256: z.string().length(64),
      /** The signed checkpoint the pack names (its seq); verification requires it to exist. */
      checkpointSeq: z.string().regex(/^\d+$/).optional(),
    }),
  }),
]);

export type AuditEventInput = z.infer<typeof auditEventSchema>;

/** Several events of one actor in one statement (an import's corrections), each checked like recordAudit's. */
export async function recordAudits(
  tx: DbOrTx,
  ctx: { orgId: string; userId?: string | null },
  events: AuditEventInput[],
): Promise<void> {
  if (!events.length) return;
  await tx.auditEvent.createMany({
    data: events.map((event) => {
      const parsed = auditEventSchema.parse(event);
      return { orgId: ctx.orgId, userId: ctx.userId ?? null, ip: "", kind: parsed.kind, payload: parsed.payload };
    }),
  });
}

export async function recordAudit(
  tx: DbOrTx,
  ctx: { orgId: string; userId?: string | null; ip?: string },
  event: AuditEventInput,
): Promise<void> {
  const parsed = auditEventSchema.parse(event);
  await tx.auditEvent.create({
    data: {
      orgId: ctx.orgId,
      userId: ctx.userId ?? null,
      ip: ctx.ip ?? "",
      kind: parsed.kind,
      payload: parsed.payload,
    },
  });
}
