import { describe, expect, it } from "vitest";
import { getLetterPdf } from "@/lib/documents/get-letter-pdf";
import { buildHandoffPack } from "@/lib/handoff-pack/build-handoff-pack";
import { checkpointSignatureValid, historySigningKey } from "@/lib/history/signing-key";
import { verifyAnchoredHistory } from "@/lib/history/verify-anchored";
import { verifyHistory } from "@/lib/history/verify-history";
import { sendNextLetter } from "@/lib/letters/send-next-letter";
import { instantAt } from "@/lib/time/instants";
import { pdfAttachment, pdfToText } from "@/tests/pdf-text";
import { ownerConnection, useTestDb } from "./db";
import { createContactAttempt, createCustomer, createInvoice, createOrg, createUser } from "./factories";

// Issue 14, item 3: an owner who deletes the newest entries and resets the head
// (or re-hashes after an edit) passed "Verify history". Signed checkpoints and
// heads printed on letters and packs anchor the chain outside the database.
const db = useTestDb();

async function accountWithLetter() {
  const org = await createOrg(db);
  const collector = await createUser(db, org.id, "COLLECTOR");
  const customer = await createCustomer(db, org.id, { name: "Beta SpA", currency: "EUR" });
  await createInvoice(db, customer, {
    amountMinor: 120000,
    dueDate: "2026-11-01",
    issueDate: "2026-10-02",
    number: "INV-A1",
  });
  await createContactAttempt(db, customer, { occurredAt: instantAt("2026-11-02", "10:00", "Europe/Oslo") });
  const sent = await sendNextLetter(db, {
    orgId: org.id,
    customerId: customer.id,
    currency: "EUR",
    stage: 1,
    actor: { userId: collector.id, role: "COLLECTOR" },
    now: instantAt("2026-11-05", "10:00", "Europe/Oslo"),
  });
  const letter = await db.letter.findUniqueOrThrow({ where: { id: sent.letterId } });
  return { org, collector, customer, letter };
}

const HISTORY = [
  "letters",
  "contact_attempts",
  "audit_events",
  "payment_promises",
  "payment_plans",
  "invoice_disputes",
  "agency_handoffs",
  "account_events",
];

/** As the database owner: delete every entry from seq on and set the head back, as a forger would. */
async function truncateChain(orgId: string, fromSeq: bigint) {
  await ownerConnection(async (c) => {
    await c.query("BEGIN");
    await c.query("SET LOCAL session_replication_role = replica");
    for (const t of HISTORY) await c.query(`DELETE FROM ${t} WHERE org_id = $1 AND seq >= $2`, [orgId, fromSeq]);
    const prev = await c.query<{ entry_hash: string }>(
      `SELECT entry_hash FROM (${HISTORY.map((t) => `SELECT seq, entry_hash FROM ${t} WHERE org_id = $1`).join(" UNION ALL ")}) e WHERE seq = $2`,
      [orgId, fromSeq - 1n],
    );
    await c.query("UPDATE history_chain_heads SET seq = $2, head_hash = $3 WHERE org_id = $1", [
      orgId,
      fromSeq - 1n,
      prev.rows[0].entry_hash,
    ]);
    await c.query("COMMIT");
  });
}

describe("history anchored outside the database", () => {
  it("keeps the signed head verifiable in the PDF (attached), printing only a short reference", async () => {
    const { org, letter } = await accountWithLetter();
    const checkpoint = await db.historyCheckpoint.findFirstOrThrow({
      where: { orgId: org.id, seq: { gte: letter.seq } },
    });
    expect(checkpointSignatureValid({ ...checkpoint, orgId: org.id })).toBe(true);
    const { pdf } = await getLetterPdf(db, { orgId: org.id, letterId: letter.id });
    const text = (await pdfToText(pdf)).replace(/\s+/g, " ");
    // The customer's page carries a short reference, not the evidence itself.
    expect(text).toContain(`history #${checkpoint.seq}`);
    expect(text).not.toContain(checkpoint.signature);
    const attached = JSON.parse(await pdfAttachment(pdf, "history-checkpoint.json"));
    expect(attached.head).toBe(`History checkpoint #${checkpoint.seq} · head ${checkpoint.headHash}`);
    expect(attached.signature).toContain(`Ed25519 signature ${checkpoint.signature}`);
    expect(attached.letterId).toBe(letter.id);
  });

  it("names the signed head in the hand-off pack's manifest", async () => {
    const { org, customer, collector } = await accountWithLetter();
    const now = instantAt("2026-11-06", "10:00", "Europe/Oslo");
    const pack = await buildHandoffPack(db, {
      orgId: org.id,
      customerId: customer.id,
      actor: { userId: collector.id, role: "COLLECTOR" },
      now,
    });
    const cp = pack.manifest.historyCheckpoint!;
    expect(cp.keyId).toBe(historySigningKey().keyId);
    expect(
      checkpointSignatureValid({
        orgId: org.id,
        seq: BigInt(cp.seq),
        headHash: cp.headHash,
        signedAt: new Date(cp.signedAt),
        signature: cp.signature,
      }),
    ).toBe(true);
    const again = await buildHandoffPack(db, {
      orgId: org.id,
      customerId: customer.id,
      actor: { userId: collector.id, role: "COLLECTOR" },
      now,
    });
    expect(again.manifestSha256).toBe(pack.manifestSha256);
  });

  it("catches newest entries deleted and the head reset, which the chain alone passes", async () => {
    const { org, letter } = await accountWithLetter();
    expect(await verifyAnchoredHistory(db, { orgId: org.id })).toMatchObject({ ok: true });
    await truncateChain(org.id, letter.seq);
    expect(await verifyHistory(db, { orgId: org.id })).toMatchObject({ ok: true }); // the weakness
    const anchored = await verifyAnchoredHistory(db, { orgId: org.id });
    expect(anchored.ok).toBe(false);
    expect(anchored.firstMismatch?.reason).toMatch(/missing now: entries were deleted/);
  });

  it("catches it from a head pasted off an old letter even when the checkpoints were deleted too", async () => {
    const { org, letter } = await accountWithLetter();
    const printed = await db.historyCheckpoint.findFirstOrThrow({ where: { orgId: org.id, seq: { gte: letter.seq } } });
    await truncateChain(org.id, letter.seq);
    await ownerConnection(async (c) => {
      await c.query("BEGIN; SET LOCAL session_replication_role = replica");
      await c.query("DELETE FROM history_checkpoints WHERE org_id = $1", [org.id]);
      await c.query("COMMIT");
    });
    expect(await verifyAnchoredHistory(db, { orgId: org.id })).toMatchObject({ ok: true }); // what the database alone cannot tell
    const pasted = await verifyAnchoredHistory(db, { orgId: org.id, head: printed.headHash });
    expect(pasted).toMatchObject({ ok: false, pastedHead: { seq: null } });
    expect(pasted.firstMismatch?.reason).toMatch(/is not in this history/);
  });

  it("refuses a checkpoint forged in the database", async () => {
    const { org, letter } = await accountWithLetter();
    await ownerConnection((c) =>
      c.query(
        "INSERT INTO history_checkpoints (id, org_id, seq, head_hash, signed_at, key_id, signature) VALUES (gen_random_uuid(), $1, $2, $3, now(), $4, $5)",
        [org.id, letter.seq, letter.entryHash, historySigningKey().keyId, Buffer.alloc(64).toString("base64")],
      ),
    );
    const result = await verifyAnchoredHistory(db, { orgId: org.id });
    expect(result.firstMismatch?.reason).toMatch(/does not verify: the checkpoint was forged/);
  });

  it("confirms a pasted head that is still in the chain", async () => {
    const { org, letter } = await accountWithLetter();
    const result = await verifyAnchoredHistory(db, { orgId: org.id, head: letter.entryHash.toUpperCase() });
    expect(result).toMatchObject({ ok: true, pastedHead: { seq: Number(letter.seq) } });
  });
});
