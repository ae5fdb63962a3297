import Link from "next/link";
import { getSessionUser } from "@/lib/auth/session";

const ROLE = { ADMIN: "an administrator", COLLECTOR: "a collector", VIEWER: "a viewer" } as const;

/** Shown with status 403 when a signed-in user opens a page their role may not use. */
export default async function Forbidden() {
  const user = await getSessionUser();
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-16">
      <h1 className="text-xl font-semibold text-slate-900">This page is not open to your role</h1>
      <p className="mt-3 text-sm text-slate-600">
        {user ? `You are signed in as ${user.name}, ${ROLE[user.role]}. ` : ""}
        Ask an administrator of your organization if you need it.
      </p>
      <Link href="/" className="mt-6 inline-block text-sm font-medium text-brand-700 underline">
        Back to the aging report
      </Link>
    </main>
  );
}
