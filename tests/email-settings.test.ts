import { mkdirSync } from "node:fs";
import { chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { runAction } from "@/lib/actions/run-action";
import { loadSessionUser } from "@/lib/auth/session-user";
import { removeEmailSettingsAction, saveEmailSettingsAction, sendTestEmailAction } from "@/lib/delivery/actions";
import { emailServerOf } from "@/lib/delivery/email-settings";
import { emailSettingsPage } from "@/lib/delivery/pages";
import { sendPolicyReminder } from "@/lib/delivery/send-policy-reminder";
import { deliveryTasks } from "@/lib/delivery/tasks";
import { runDueJobs } from "@/lib/jobs/queue";
import { sendNextLetter } from "@/lib/letters/send-next-letter";
import { resolvePortalLink } from "@/lib/portal/resolve-link";
import { emailStatement } from "@/lib/statements/email-statement";
import { instantAt } from "@/lib/time/instants";
import { chromiumLaunchOptions } from "@/scripts/chromium";
import { flatText, pdfToText } from "@/tests/pdf-text";
import { actionContextFor } from "./action-context";
import { useTestDb } from "./db";
import { createCustomer, createInvoice, createOrg, createUser } from "./factories";
import { largePng } from "./fixtures/hostile-files";
import { findPart, mimeShape, mimeTree } from "./mime-tree";
import { smtpInbox } from "./smtp-inbox";

const db = useTestDb();
const url = inject("testDatabaseUrl");
const at = (day: string) => instantAt(day, "10:00", "Europe/Oslo");

// A real SMTP listener that wants a user name and password (tests/smtp-inbox.ts).
const USER = "ar@aurora.example";
const PASSWORD = `S3cret-${process.pid}-<&>"æø`;
const smtp = smtpInbox({ auth: { user: USER, pass: PASSWORD } });
beforeAll(() => smtp.listen());
afterAll(() => smtp.close());
let n = 0;
const address = (what: string) => `${what}-${process.pid}-${++n}@customer.example`;

async function orgWithAdmin() {
  const org = await createOrg(db, { name: "Aurora Components AS" });
  const admin = await createUser(db, org.id, "ADMIN");
  const collector = await createUser(db, org.id, "COLLECTOR");
  return { org, admin, collector, ctx: await actionContextFor(db, admin.id) };
}

const settingsForm = (over: Record<string, string> = {}) => ({
  host: "127.0.0.1",
  port: String(smtp.port),
  security: "none",
  user: USER,
  password: PASSWORD,
  fromName: "Aurora Components AS — Accounts",
  fromAddress: "accounts@aurora.example",
  accentColor: "#1E3A8A",
  ...over,
});

describe("Settings → Email", () => {
  it("saves the server with the password sealed, and no page, action result or audit event gives it back", async () => {
    const { org, admin, collector, ctx } = await orgWithAdmin();
    const saved = await runAction(saveEmailSettingsAction, ctx, settingsForm());
    expect(saved).toMatchObject({ ok: true, message: expect.stringContaining("Password set.") });

    const row = await db.orgEmailSettings.findUniqueOrThrow({ where: { orgId: org.id } });
    expect(row).toMatchObject({ smtpHost: "127.0.0.1", smtpSecurity: "none", accentColor: "#1e3a8a" });
    expect(row.smtpPasswordSealed).toMatch(/^v1:[0-9a-f]{8}:/);
    expect(row.smtpPasswordSealed).not.toContain(PASSWORD);
    expect(row.smtpPasswordSealed).not.toContain(Buffer.from(PASSWORD).toString("base64url").slice(0, 12));

    // The page's loader says "set", never the value.
    const page = await emailSettingsPage(db, (await loadSessionUser(db, admin.id))!);
    expect(page.settings).toMatchObject({ host: "127.0.0.1", user: USER, passwordSet: true });
    expect(JSON.stringify(page)).not.toContain("S3cret");
    expect(JSON.stringify(saved)).not.toContain("S3cret");

    // Saved again with the password field empty: the stored one is kept and still opens.
    const again = await runAction(saveEmailSettingsAction, ctx, settingsForm({ password: "", port: "2525" }));
    expect(again).toMatchObject({ ok: true });
    expect((await emailServerOf(db, org.id))?.server).toMatchObject({ port: 2525, password: PASSWORD });
    const replaced = await runAction(saveEmailSettingsAction, ctx, settingsForm({ password: "new-one" }));
    expect(replaced).toMatchObject({ ok: true, message: expect.stringContaining("Password replaced.") });

    const audit = await db.auditEvent.findMany({ where: { orgId: org.id }, orderBy: { createdAt: "asc" } });
    expect(audit.map((e) => [e.kind, (e.payload as { password: string }).password])).toEqual([
      ["email_settings.saved", "set"],
      ["email_settings.saved", "kept"],
      ["email_settings.saved", "replaced"],
    ]);
    expect(audit[1].payload).toMatchObject({ fields: ["port"] });
    expect(JSON.stringify(audit.map((e) => e.payload))).not.toMatch(/S3cret|new-one/);

    // A collector may not, a sender name with a line break (header injection) is refused; neither changes anything.
    const before = await db.orgEmailSettings.findUniqueOrThrow({ where: { orgId: org.id } });
    const asCollector = await runAction(
      saveEmailSettingsAction,
      await actionContextFor(db, collector.id),
      settingsForm(),
    );
    expect(asCollector).toMatchObject({ ok: false, code: "FORBIDDEN" });
    const injected = await runAction(
      saveEmailSettingsAction,
      ctx,
      settingsForm({ fromName: "Aurora\r\nBcc: everyone@evil.example", host: "smtp://x:25" }),
    );
    expect(injected).toMatchObject({ ok: false, code: "INVALID_INPUT" });
    expect(Object.keys((injected as { fieldErrors: object }).fieldErrors).sort()).toEqual(["fromName", "host"]);
    expect(await db.orgEmailSettings.findUniqueOrThrow({ where: { orgId: org.id } })).toEqual(before);
    expect(await db.auditEvent.count({ where: { orgId: org.id } })).toBe(3);
  });

  it("sends a test email through the saved server and reports its answer; a wrong password, host or security is said plainly", async () => {
    const { org, ctx } = await orgWithAdmin();
    const to = address("test");
    expect(await runAction(sendTestEmailAction, ctx, { to })).toMatchObject({
      ok: false,
      code: "NOT_FOUND",
      message: expect.stringContaining("Save the email settings first"),
    });
    await runAction(saveEmailSettingsAction, ctx, settingsForm());
    let started = performance.now();
    const sent = await runAction(sendTestEmailAction, ctx, { to });
    console.log(`test email accepted: ${(performance.now() - started).toFixed(0)} ms`);
    expect(sent).toMatchObject({ ok: true, message: expect.stringMatching(/^Sent to .+ The server answered: 250 /) });
    expect(smtp.mailTo(to)).toHaveLength(1);
    expect(smtp.mailTo(to)[0].from?.text).toBe('"Aurora Components AS — Accounts" <accounts@aurora.example>');

    await runAction(saveEmailSettingsAction, ctx, settingsForm({ password: "not-the-password" }));
    const wrongPassword = await runAction(sendTestEmailAction, ctx, { to });
    expect(wrongPassword).toMatchObject({ ok: false, code: "UNAVAILABLE" });
    expect((wrongPassword as { message: string }).message).toMatch(
      /^Not sent\. The server refused the user name or password\. The server answered: 535 /,
    );

    await runAction(saveEmailSettingsAction, ctx, settingsForm({ password: "", user: "" }));
    const noLogin = await runAction(sendTestEmailAction, ctx, { to });
    expect((noLogin as { message: string }).message).toMatch(
      /The server refused the sender or the recipient|wants a user name/,
    );

    await runAction(saveEmailSettingsAction, ctx, settingsForm({ port: "1", password: PASSWORD }));
    const nothingThere = await runAction(sendTestEmailAction, ctx, { to });
    expect((nothingThere as { message: string }).message).toMatch(
      /Nothing answers at that server and port.*ECONNREFUSED/,
    );

    started = performance.now();
    await runAction(saveEmailSettingsAction, ctx, settingsForm({ host: "no-such-host.invalid" }));
    const noHost = await runAction(sendTestEmailAction, ctx, { to });
    console.log(`unknown host reported: ${(performance.now() - started).toFixed(0)} ms`);
    expect((noHost as { message: string }).message).toMatch(
      /The server's name could not be found.*no-such-host\.invalid/,
    );

    await runAction(saveEmailSettingsAction, ctx, settingsForm({ security: "starttls" }));
    const noTls = await runAction(sendTestEmailAction, ctx, { to });
    expect((noTls as { message: string }).message).toMatch(/could not be secured as chosen/);

    expect(smtp.mailTo(to)).toHaveLength(1); // only the first went
    const tested = await db.auditEvent.findMany({
      where: { orgId: org.id, kind: "email_settings.tested" },
      orderBy: { createdAt: "asc" },
    });
    expect(tested.map((e) => (e.payload as { outcome: string }).outcome)).toEqual([
      "ACCEPTED",
      "FAILED",
      "FAILED",
      "FAILED",
      "FAILED",
      "FAILED",
    ]);
    expect(JSON.stringify(tested.map((e) => e.payload))).not.toContain("S3cret");

    // Removed: back to the server's default; the removal is audited.
    expect(await runAction(removeEmailSettingsAction, ctx, { confirm: "on" })).toMatchObject({ ok: true });
    expect(await emailServerOf(db, org.id)).toBeNull();
  });
});

describe("letters and statements by email, through the organization's server", () => {
  it("sends an HTML letter on the letterhead with a plain-text part, the PDF attached and the customer's page in both", async () => {
    const { org, collector, ctx } = await orgWithAdmin();
    // The letterhead's logo (org_logos is content-addressed; the letter snapshots its hash).
    const logo = largePng(180, 48);
    const sha256 = (await import("node:crypto")).createHash("sha256").update(logo).digest("hex");
    await db.orgLogo.create({ data: { orgId: org.id, sha256, contentType: "image/png", bytes: Buffer.from(logo) } });
    await db.organization.update({
      where: { id: org.id },
      data: {
        logoSha256: sha256,
        addressLine1: "Strandgata 5",
        postalCode: "5013",
        city: "Bergen",
        country: "Norway",
        countryCode: "NO",
        phone: "+47 55 00 00 00",
        email: "ar@aurora.example",
      },
    });
    await runAction(saveEmailSettingsAction, ctx, settingsForm());
    const email = address("letter");
    const customer = await createCustomer(db, org.id, {
      name: 'Bjørnstad <script>alert("x")</script> AS',
      currency: "NOK",
      language: "en",
      email,
    });
    await db.customer.update({
      where: { id: customer.id },
      data: { contactPerson: "<img src=x onerror=alert(1)> Kari" },
    });
    await createInvoice(db, customer, { amountMinor: 125000, dueDate: "2026-11-01", issueDate: "2026-10-02" });
    const sent = await sendNextLetter(db, {
      orgId: org.id,
      customerId: customer.id,
      currency: "NOK",
      actor: { userId: collector.id, role: "COLLECTOR" },
      stage: 1,
      byEmail: true,
      now: at("2026-11-05"),
    });
    // The server's default is the outbox: the organization's own server must win.
    const started = performance.now();
    await runDueJobs(url, deliveryTasks(db, { kind: "outbox" }));
    console.log(
      `HTML letter email (queue run, PDF, logo, SMTP with AUTH): ${(performance.now() - started).toFixed(0)} ms`,
    );
    expect(await db.outboxMessage.count({ where: { orgId: org.id } })).toBe(0);
    expect(smtp.mailTo(email)).toHaveLength(1);
    const mail = smtp.mailTo(email)[0];
    expect(mail.from?.text).toBe('"Aurora Components AS — Accounts" <accounts@aurora.example>');

    // multipart/mixed around multipart/alternative (text, then the HTML with its logo), then the PDF.
    const tree = mimeTree(mail.source);
    expect(mimeShape(tree)).toBe(
      "multipart/mixed(multipart/alternative(text/plain,multipart/related(text/html,image/png)),application/pdf)",
    );
    expect(tree.parts[1].filename).toBe(`letter-1-2026-11-05-${sent.letterId.slice(0, 8)}.pdf`);
    const pdf = mail.attachments.find((a) => a.contentType === "application/pdf")!;
    expect(pdf.filename).toBe(tree.parts[1].filename);
    const logoPart = mail.attachments.find((a) => a.contentType === "image/png")!;
    expect(Buffer.compare(logoPart.content, Buffer.from(logo))).toBe(0);
    // The HTML as sent (mailparser swaps cid: for data: when it parses).
    const html = findPart(tree, "text/html")!.text;
    const plain = findPart(tree, "text/plain")!.text;
    expect(html).toContain(`src="cid:${logoPart.cid}"`);
    expect(findPart(tree, "image/png")!.headers).toMatch(new RegExp(`Content-ID: <${logoPart.cid}>`, "i"));

    // The link: in the text before the sign-off, in the HTML as a button, and printed on the PDF.
    const link = /https?:\/\/\S+\/p\/[A-Za-z0-9_-]{43}/.exec(plain)?.[0];
    expect(link).toBeTruthy();
    expect(plain.indexOf(link!)).toBeLessThan(plain.indexOf("Kind regards"));
    expect(html).toContain(`<a href="${link}"`);
    expect(html).toContain("Open your account");
    expect(flatText(await pdfToText(pdf.content))).toContain(link);
    const token = link!.split("/p/")[1];
    expect(await resolvePortalLink(db, token, at("2026-11-06"))).toMatchObject({
      ok: true,
      account: { customerId: customer.id, currency: "NOK" },
    });
    // The letterhead: accent colour, name and address; everything escaped, nothing external.
    expect(html).toContain("#1e3a8a");
    expect(html).toContain("Strandgata 5 · 5013 Bergen");
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt; Kari");
    expect(html).not.toMatch(/<img src=x|<script|<style|<link|url\(|@import/i);
    expect([...html.matchAll(/\bsrc="([^"]*)"/g)].map((m) => m[1].split(":")[0])).toEqual(["cid"]);
    expect([...html.matchAll(/\bhref="([^"]*)"/g)].map((m) => m[1])).toEqual([link, link]);

    await screenshots(html, logoPart.content, "email-letter");
  }, 90_000);

  it("sends a statement of account with the customer's page link, in the text, the HTML and on its PDF", async () => {
    const { org, collector, ctx } = await orgWithAdmin();
    await runAction(saveEmailSettingsAction, ctx, settingsForm({ accentColor: "#fde047" }));
    const email = address("statement");
    const customer = await createCustomer(db, org.id, { name: "Fjellheim AS", currency: "NOK", language: "nb", email });
    await createInvoice(db, customer, { amountMinor: 50000, dueDate: "2026-11-01", issueDate: "2026-10-02" });
    const sent = await emailStatement(db, {
      orgId: org.id,
      customerId: customer.id,
      actor: { userId: collector.id, role: "COLLECTOR" },
      now: at("2026-12-01"),
    });
    await runDueJobs(url, deliveryTasks(db, { kind: "outbox" }));
    expect(smtp.mailTo(email)).toHaveLength(1);
    const mail = smtp.mailTo(email)[0];
    expect(mimeShape(mimeTree(mail.source))).toBe(
      "multipart/mixed(multipart/alternative(text/plain,text/html),application/pdf)",
    );
    const link = /https?:\/\/\S+\/p\/[A-Za-z0-9_-]{43}/.exec(mail.text ?? "")?.[0];
    expect(link).toBeTruthy();
    expect(mail.text!.indexOf(link!)).toBeLessThan(mail.text!.indexOf("Med vennlig hilsen"));
    expect(mail.html).toContain(`<a href="${link}"`);
    expect(mail.html).toContain("Åpne kontoen deres");
    // A light accent gets dark button text.
    expect(mail.html).toMatch(/background:#fde047[^>]*><a [^>]*color:#0f172a/);
    const pdf = mail.attachments.find((a) => a.contentType === "application/pdf")!;
    expect(flatText(await pdfToText(pdf.content))).toContain(link);
    const links = await db.portalLink.findMany({ where: { statementId: sent.statementId } });
    expect(links).toHaveLength(1);
    expect(await resolvePortalLink(db, link!.split("/p/")[1], at("2026-12-02"))).toMatchObject({
      ok: true,
      account: { customerId: customer.id, currency: "NOK" },
    });
    await screenshots(mail.html as string, null, "email-statement");
  }, 90_000);
});

describe("a policy's courtesy reminder", () => {
  it("goes through the organization's server and sender, not the default", async () => {
    const { org, ctx } = await orgWithAdmin();
    await runAction(saveEmailSettingsAction, ctx, settingsForm());
    const email = address("reminder");
    const customer = await createCustomer(db, org.id, { name: "Vik AS", currency: "NOK", language: "nb", email });
    const run = await db.workflowStepRun.create({
      data: {
        orgId: org.id,
        customerId: customer.id,
        currency: "NOK",
        policyName: "Forbrukere",
        stepKey: "remind",
        stepKind: "reminder_email",
        anchorOn: new Date("2026-11-04T00:00:00Z"),
        runOn: new Date("2026-11-01T00:00:00Z"),
        recipient: email,
        subject: "Påminnelse: faktura forfaller snart",
        body: "Hei,\n\nfakturaen forfaller 4. november.",
      },
    });
    expect(await sendPolicyReminder(db, { runId: run.id, transport: { kind: "outbox" } })).toBe("sent");
    expect(smtp.mailTo(email)).toHaveLength(1);
    expect(smtp.mailTo(email)[0].from?.text).toBe('"Aurora Components AS — Accounts" <accounts@aurora.example>');
    expect(await db.workflowStepRun.findUniqueOrThrow({ where: { id: run.id } })).toMatchObject({ transport: "smtp" });
  });
});

/** The HTML as a mail client would show it (the CID logo given as data), at 390 and 1440 px; no request may leave. */
async function screenshots(html: string, logo: Buffer | null, name: string) {
  const shown = logo ? html.replace(/src="cid:[^"]+"/, `src="data:image/png;base64,${logo.toString("base64")}"`) : html;
  const browser = await chromium.launch(await chromiumLaunchOptions());
  try {
    mkdirSync("test-results/screens", { recursive: true });
    for (const width of [390, 1440]) {
      const page = await browser.newPage({ viewport: { width, height: 900 } });
      const requests: string[] = [];
      page.on("request", (r) => {
        if (!r.url().startsWith("data:")) requests.push(r.url());
      });
      await page.setContent(shown, { waitUntil: "load" });
      expect(requests).toEqual([]);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await page.screenshot({ path: `test-results/screens/${name}-${width}.png`, fullPage: true });
      await page.close();
    }
  } finally {
    await browser.close();
  }
}
