import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Logo } from "@/components/logo";
import { SetupForm } from "@/components/setup-form";
import { organizationFormOptions, serverNeedsSetup } from "@/lib/setup/setup-page";
import { setupAction } from "./actions";

export const metadata: Metadata = { title: "Set up Dunning Desk" };
export const dynamic = "force-dynamic";

export default async function SetupPage() {
  if (!(await serverNeedsSetup())) redirect("/sign-in");
  return (
    <main className="mx-auto max-w-3xl px-4 py-10">
      <div className="mb-8 flex justify-center">
        <Logo />
      </div>
      <h1 className="text-2xl font-semibold tracking-tight">Set up your company</h1>
      <p className="mt-1 text-sm text-slate-600">
        This server has no organization yet. Enter your company and its first administrator; you will then sign in with
        that email and password. Everything here can be changed later under Settings.
      </p>
      <div className="mt-6">
        <SetupForm action={setupAction} options={organizationFormOptions()} />
      </div>
    </main>
  );
}
