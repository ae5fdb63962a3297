import type { Metadata } from "next";
import { CreateUserForm, UserActions } from "@/components/user-admin";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password";
import { ADMIN_ONLY } from "@/lib/auth/roles";
import { requireRole } from "@/lib/auth/session";
import { bindAction } from "@/lib/server-actions/bind";
import { getUsersPage } from "@/lib/users/pages";

const createUser = bindAction("users.create");
const resetUserPassword = bindAction("users.reset_password");
const setUserActive = bindAction("users.set_active");
const setUserRole = bindAction("users.set_role");

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  const me = await requireRole(ADMIN_ONLY);
  const users = await getUsersPage(me);
  const fmt = new Intl.DateTimeFormat(me.locale, { dateStyle: "medium", timeStyle: "short", timeZone: me.timeZone });
  const now = new Date();
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Users</h1>
        <p className="text-sm text-slate-500">
          Who can sign in to {me.orgName}, and what they may do. Changes take effect on the person&apos;s next click.
        </p>
      </div>
      <section
        aria-labelledby="users-heading"
        className="relative overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm"
      >
        <h2 id="users-heading" className="sr-only">
          All users
        </h2>
        <table className="w-full text-sm">
          <thead className="border-b border-slate-200 bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th className="px-4 py-2">Name</th>
              <th className="px-4 py-2">Email</th>
              <th className="px-4 py-2">Status</th>
              <th className="px-4 py-2">Manage</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {users.map((u) => (
              <tr key={u.id} className={u.active ? "" : "text-slate-500"}>
                <td className="px-4 py-3 align-top font-medium">
                  {u.name}
                  {u.id === me.userId && <span className="ml-1 text-xs font-normal text-slate-500">(you)</span>}
                </td>
                <td className="px-4 py-3 align-top">{u.email}</td>
                <td className="px-4 py-3 align-top">
                  {u.active ? (
                    <span className="rounded bg-emerald-50 px-1.5 py-0.5 text-xs text-emerald-700">Active</span>
                  ) : (
                    <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-600">Deactivated</span>
                  )}
                  {u.lockedUntil && u.lockedUntil > now && (
                    <p className="mt-1 text-xs text-amber-700">Locked until {fmt.format(u.lockedUntil)}</p>
                  )}
                </td>
                <td className="px-4 py-3 align-top">
                  <UserActions
                    user={{ id: u.id, name: u.name, role: u.role, active: u.active }}
                    minPasswordLength={MIN_PASSWORD_LENGTH}
                    setRole={setUserRole}
                    setActive={setUserActive}
                    resetPassword={resetUserPassword}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section
        aria-labelledby="new-user-heading"
        className="max-w-xl rounded-xl border border-slate-200 bg-white p-5 shadow-sm"
      >
        <h2 id="new-user-heading" className="text-lg font-semibold">
          Add a user
        </h2>
        <CreateUserForm action={createUser} minPasswordLength={MIN_PASSWORD_LENGTH} />
      </section>
    </div>
  );
}
