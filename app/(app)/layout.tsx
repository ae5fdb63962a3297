import { AppHeader } from "@/components/app-header";
import { requireUser } from "@/lib/auth/session";
import { signOutAction } from "./actions";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  return (
    <div className="min-h-screen">
      <a
        href="#main"
        className="sr-only rounded-md bg-brand-700 px-3 py-2 text-sm font-semibold text-white focus:not-sr-only focus:absolute focus:left-4 focus:top-2 focus:z-50"
      >
        Skip to content
      </a>
      <AppHeader orgName={user.orgName} userName={user.name} role={user.role} signOut={signOutAction} />
      <main id="main" tabIndex={-1} className="mx-auto max-w-[100rem] px-4 py-6 outline-none sm:px-6">
        {children}
      </main>
    </div>
  );
}
