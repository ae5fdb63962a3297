"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { clientIpFrom } from "@/lib/auth/request-ip";
import type { AppError } from "@/lib/errors/app-error";
import { assertSameOrigin } from "@/lib/http/same-origin";
import { answerFromPortal } from "@/lib/portal/pages";
import type { PortalActionKind, PortalResult } from "@/lib/portal/submit-request";
import { clockNow } from "@/lib/time/dates";

// The customer's answers. Public POST endpoints: the link in the form (the token) is
// the only key, checked with its rate limits in lib/portal/submit-request.ts.

async function submit(kind: PortalActionKind, formData: FormData): Promise<PortalResult> {
  const h = await headers();
  try {
    assertSameOrigin(h);
  } catch (error) {
    return { ok: false, code: (error as AppError).code, message: (error as AppError).message };
  }
  const raw: Record<string, unknown> = {};
  for (const [key, value] of formData.entries()) if (!key.startsWith("$ACTION")) raw[key] = value;
  const token = typeof raw.token === "string" ? raw.token : "";
  delete raw.token;
  const result = await answerFromPortal({
    token,
    ip: clientIpFrom(h),
    now: clockNow(),
    rateNow: new Date(),
    kind,
    raw,
  });
  if (result.ok) revalidatePath(`/p/${token}`);
  return result;
}

export async function reportPayment(_prev: unknown, formData: FormData) {
  return submit("paid", formData);
}
export async function disputeInvoice(_prev: unknown, formData: FormData) {
  return submit("dispute", formData);
}
export async function askForTime(_prev: unknown, formData: FormData) {
  return submit("time", formData);
}
export async function writeMessage(_prev: unknown, formData: FormData) {
  return submit("message", formData);
}
