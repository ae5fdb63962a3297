import { AppHeader } from "@/components/app-header";
import { requireUser } from "@/lib/auth/session";
import { signOutAction } from "./actions";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  return (
    <div className="min-h-screen">
      <AppHeader orgName={user.orgName} userName={user.name} role={user.role} signOut={signOutAction} />
      <main className="mx-auto max-w-[100rem] px-4 py-6 sm:px-6">{children}</main>
    </div>
  );
}
