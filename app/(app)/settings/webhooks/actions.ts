"use server";

import { defineAction } from "@/lib/actions/define-action";
import { createWebhookEndpointAction } from "@/lib/webhooks/actions";

export const createWebhookEndpoint = defineAction(createWebhookEndpointAction);
