"use server";

import { rmSync } from "node:fs";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { ActionResult } from "@/lib/actions/run-action";
import type { AppError } from "@/lib/errors/app-error";
import { assertSameOrigin } from "@/lib/http/same-origin";
import { SETUP_CODE_FILE } from "@/lib/setup/setup-code";
import { submitSetupForm } from "@/lib/setup/setup-page";

export async function setupAction(_prev: unknown, formData: FormData): Promise<ActionResult<{ email: string }>> {
  try {
    assertSameOrigin(await headers());
  } catch (error) {
    const refusal = error as AppError;
    return { ok: false, code: refusal.code, message: refusal.message };
  }
  const raw = Object.fromEntries([...formData.entries()].filter(([k]) => !k.startsWith("$ACTION")));
  const result = await submitSetupForm(raw);
  if (!result.ok) return result;
  rmSync(SETUP_CODE_FILE, { force: true }); // spent: the code no longer opens anything
  redirect(`/sign-in?setup=done&email=${encodeURIComponent(result.data!.email)}`);
}
