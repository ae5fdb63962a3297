import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Logo } from "@/components/logo";
import { SignInForm } from "@/components/sign-in-form";
import { safeReturnPath } from "@/lib/auth/return-path";
import { getSessionUser } from "@/lib/auth/session";
import { serverNeedsSetup } from "@/lib/setup/setup-page";
import { signInAction } from "./actions";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  // No page asked for: "" here, and sign-in goes to /start, the role's start page.
  const next = params.next ? safeReturnPath(params.next) : "";
  if (await getSessionUser()) redirect(next || "/start");
  // A fresh server has no one to sign in: it offers setup instead.
  if (await serverNeedsSetup()) redirect("/setup");
  const justSetUp = params.setup === "done";
  const demo = process.env.DUNNING_DEMO === "1";
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm">
        <div className="mb-8 flex justify-center">
          <Logo />
        </div>
        <div className="rounded-xl border border-slate-200 bg-white p-8 shadow-sm">
          {justSetUp && (
            <p role="status" className="mb-4 rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
              Your company is set up. Sign in as its administrator
              {typeof params.email === "string" ? ` (${params.email})` : ""}.
            </p>
          )}
          <h1 className="text-lg font-semibold">Sign in</h1>
          <p className="mt-1 text-sm text-slate-500">Receivables, aging and collection letters.</p>
          <SignInForm next={next} action={signInAction} />
        </div>
        {demo && (
          <p className="mt-4 text-center text-xs text-slate-500">
            Demo: <span className="font-mono">collector@demo.dunningdesk.test</span> /{" "}
            <span className="font-mono">demo-password</span>
          </p>
        )}
      </div>
    </main>
  );
}
