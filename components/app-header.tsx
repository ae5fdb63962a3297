import Link from "next/link";
import { Logo } from "./logo";
import { NavLink } from "./nav-link";

const ROLE_LABEL = { ADMIN: "Admin", COLLECTOR: "Collector", VIEWER: "Viewer" } as const;
type Role = keyof typeof ROLE_LABEL;

function MainLinks({ role }: { role: Role }) {
  return (
    <>
      <NavLink href="/today">Today</NavLink>
      <NavLink href="/dashboard">Dashboard</NavLink>
      <NavLink href="/">Aging report</NavLink>
      <NavLink href="/customers">Customers</NavLink>
      <NavLink href="/worklist" also={["/letters"]}>
        Worklist
      </NavLink>
      {role !== "VIEWER" && <NavLink href="/print">Print</NavLink>}
      <NavLink href="/outbox">Outbox</NavLink>
      {role !== "VIEWER" && (
        <NavLink href="/import" also={["/bank"]}>
          Import
        </NavLink>
      )}
      {(role === "ADMIN" || role === "VIEWER") && <NavLink href="/audit">Audit log</NavLink>}
      <NavLink href="/settings" also={["/users"]}>
        Settings
      </NavLink>
    </>
  );
}

function SignOut({ signOut }: { signOut: () => Promise<void> }) {
  return (
    <form action={signOut}>
      <button
        type="submit"
        className="whitespace-nowrap rounded-md px-2 py-1 text-slate-600 hover:bg-slate-100 hover:text-slate-900"
      >
        Sign out
      </button>
    </form>
  );
}

/**
 * The main menu: a row of links from 1024 px up; below that a "Menu" disclosure
 * (<details>, so it works without JavaScript and by keyboard) that opens as a column.
 */
export function AppHeader(props: { orgName: string; userName: string; role: Role; signOut: () => Promise<void> }) {
  const badge = (
    <span
      className="max-w-[12rem] truncate rounded-full bg-slate-100 px-2.5 py-0.5 text-xs font-medium text-slate-700"
      title={props.userName}
    >
      {props.userName} · {ROLE_LABEL[props.role]}
    </span>
  );
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex h-14 max-w-[100rem] items-center gap-6 px-4 sm:px-6">
        <Link href="/start" aria-label="Dunning Desk home" className="shrink-0">
          <Logo />
        </Link>
        <nav aria-label="Main" className="hidden items-center gap-1 text-sm lg:flex">
          <MainLinks role={props.role} />
        </nav>
        <div className="ml-auto hidden items-center gap-3 text-sm lg:flex">
          {/* With Today and the dashboard in the row, the name fits beside it from 1536 px (it is in the badge's title and the menu too). */}
          <span className="hidden text-slate-500 2xl:inline">{props.orgName}</span>
          {badge}
          <SignOut signOut={props.signOut} />
        </div>
        <details className="group ml-auto lg:hidden">
          <summary className="flex cursor-pointer list-none items-center gap-2 rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-50 [&::-webkit-details-marker]:hidden">
            <svg aria-hidden="true" viewBox="0 0 20 20" className="h-4 w-4" fill="currentColor">
              <path d="M3 5h14v2H3zM3 9h14v2H3zM3 13h14v2H3z" />
            </svg>
            Menu
          </summary>
          <div className="absolute inset-x-0 top-14 z-20 border-b border-slate-200 bg-white px-4 pb-4 shadow-lg">
            <nav aria-label="Main" className="flex flex-col gap-1 pt-2 text-sm">
              <MainLinks role={props.role} />
            </nav>
            <div className="mt-3 flex flex-wrap items-center gap-3 border-t border-slate-200 pt-3 text-sm">
              <span className="text-slate-600">
                {props.userName} ({ROLE_LABEL[props.role]}), {props.orgName}
              </span>
              <SignOut signOut={props.signOut} />
            </div>
          </div>
        </details>
      </div>
    </header>
  );
}
