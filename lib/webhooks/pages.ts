import type { SessionUser } from "@/lib/auth/session-user";
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/errors/app-error";

/** Settings → Webhooks: the endpoints, with how their recent deliveries went. */
export async function getWebhooksPage(user: SessionUser) {
  const endpoints = await db().webhookEndpoint.findMany({
    where: { orgId: user.orgId },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      url: true,
      events: true,
      enabled: true,
      disabledAt: true,
      disabledReason: true,
      createdAt: true,
    },
  });
  const counts = await db().webhookDelivery.groupBy({
    by: ["endpointId", "status"],
    where: { orgId: user.orgId, createdAt: { gte: new Date(Date.now() - 7 * 86_400_000) } },
    _count: true,
  });
  return endpoints.map((e) => ({
    ...e,
    events: e.events as string[],
    lastWeek: Object.fromEntries(counts.filter((c) => c.endpointId === e.id).map((c) => [c.status, c._count])),
  }));
}

export const DELIVERIES_SHOWN = 100;

/** One endpoint's newest deliveries, each with every try (status and response time). */
export async function getWebhookDeliveriesPage(user: SessionUser, endpointId: string) {
  const endpoint = await db().webhookEndpoint.findFirst({
    where: { id: endpointId, orgId: user.orgId },
    select: { id: true, url: true, enabled: true, disabledReason: true },
  });
  if (!endpoint) throw notFound("That webhook endpoint");
  const deliveries = await db().webhookDelivery.findMany({
    where: { endpointId },
    orderBy: { createdAt: "desc" },
    take: DELIVERIES_SHOWN,
    include: { tries: { orderBy: { attempt: "asc" } } },
  });
  return { endpoint, deliveries };
}
