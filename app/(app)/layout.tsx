import { AppHeader } from "@/components/app-header";
import { WorkerDownBanner } from "@/components/worker-down-banner";
import { requireUser } from "@/lib/auth/session";
import { getQueueStalled } from "@/lib/jobs/worker-status";
import { signOutAction } from "./actions";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const [user, stalled] = await Promise.all([requireUser(), getQueueStalled()]);
  return (
    <div className="min-h-screen">
      <AppHeader orgName={user.orgName} userName={user.name} role={user.role} signOut={signOutAction} />
      <WorkerDownBanner stalled={stalled} />
      <main className="mx-auto max-w-[100rem] px-4 py-6 sm:px-6">{children}</main>
    </div>
  );
}
