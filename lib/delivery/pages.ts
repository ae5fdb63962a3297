import type { SessionUser } from "@/lib/auth/session-user";
import { type DbOrTx, db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { failedDeliveries } from "./delivery-status";
import { emailSettingsView } from "./email-settings";
import { sealingKey } from "./secret-box";

// What these pages read, for the signed-in user: pages and components call these and
// never hold the database client (the layer rule "pages-read-through-lib").

/** The outbox (emails kept while no SMTP server is configured) and the deliveries that failed. */
export async function getOutboxPage(user: SessionUser) {
  const [messages, failed] = await Promise.all([
    db().outboxMessage.findMany({
      where: { orgId: user.orgId },
      orderBy: { createdAt: "desc" },
      take: 100,
      select: {
        id: true,
        toAddress: true,
        fromAddress: true,
        subject: true,
        text: true,
        attachmentName: true,
        createdAt: true,
        delivery: { select: { letterId: true, customerId: true } },
      },
    }),
    failedDeliveries(db(), { orgId: user.orgId }),
  ]);
  return { messages, failed };
}

/** For the worklist's banner: the latest failed deliveries. */
export function getFailedDeliveries(user: Pick<SessionUser, "orgId">, limit: number) {
  return failedDeliveries(db(), { orgId: user.orgId, limit });
}

/** An outbox message's PDF attachment. Throws NOT_FOUND for another org's message. */
export async function getOutboxAttachment(user: SessionUser, messageId: string) {
  const message = await db().outboxMessage.findFirst({
    where: { id: messageId, orgId: user.orgId },
    select: { attachment: true, attachmentName: true },
  });
  if (!message) throw new AppError("NOT_FOUND", "That message was not found.");
  return message;
}

/** Settings → Email: the saved settings without the password (only whether one is set), and what applies without them. */
export function getEmailSettingsPage(user: SessionUser) {
  return emailSettingsPage(db(), user);
}

/** The same, on a given client (the tests read it as the page would). */
export async function emailSettingsPage(client: DbOrTx, user: Pick<SessionUser, "orgId" | "email">) {
  const settings = await emailSettingsView(client, user.orgId);
  let keyProblem: string | null = null;
  try {
    if (!sealingKey()) keyProblem = "EMAIL_SETTINGS_KEY is not set on the server, so a password cannot be saved.";
  } catch (error) {
    keyProblem = (error as Error).message;
  }
  return {
    settings,
    /** Where email goes while no settings are saved. */
    fallback: process.env.SMTP_URL ? ("smtp" as const) : ("outbox" as const),
    keyProblem,
    userEmail: user.email,
  };
}
