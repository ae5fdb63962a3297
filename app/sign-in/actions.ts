"use server";

import { AuthError } from "next-auth";
import { z } from "zod";
import { signIn } from "@/lib/auth/auth";
import { signInRefusalMessage } from "@/lib/auth/authenticate";
import { safeReturnPath } from "@/lib/auth/return-path";
import type { SignInState } from "@/lib/auth/sign-in-state";

const credentials = z.object({
  email: z.string().trim().min(1, "Enter your email.").max(320, "That email is too long."),
  password: z.string().min(1, "Enter your password.").max(1024, "That password is too long."),
});

export async function signInAction(_prev: SignInState, formData: FormData): Promise<SignInState> {
  const email = String(formData.get("email") ?? "").slice(0, 320);
  const parsed = credentials.safeParse({ email, password: String(formData.get("password") ?? "") });
  if (!parsed.success) return { message: parsed.error.issues[0].message, email };
  try {
    // No page asked for: /start sends each role to its start page (lib/users/start-page.ts).
    const next = formData.get("next");
    await signIn("credentials", { ...parsed.data, redirectTo: next ? safeReturnPath(next) : "/start" });
  } catch (error) {
    if (error instanceof AuthError) {
      const code = (error as AuthError & { code?: string }).code;
      return { email, message: signInRefusalMessage(code) };
    }
    throw error; // the success redirect
  }
  return undefined;
}
