import Link from "next/link";
import { Logo } from "./logo";
import { NavLink } from "./nav-link";

const ROLE_LABEL = { ADMIN: "Admin", COLLECTOR: "Collector", VIEWER: "Viewer" } as const;

export function AppHeader(props: {
  orgName: string;
  userName: string;
  role: keyof typeof ROLE_LABEL;
  signOut: () => Promise<void>;
}) {
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex h-14 max-w-[100rem] items-center gap-6 px-4 sm:px-6">
        <Link href="/" aria-label="Dunning Desk home" className="shrink-0">
          <Logo />
        </Link>
        {/* On a phone the menu scrolls sideways instead of pushing the page wider. */}
        <nav aria-label="Main" className="flex min-w-0 items-center gap-1 overflow-x-auto whitespace-nowrap text-sm">
          <NavLink href="/">Aging report</NavLink>
          <NavLink href="/customers">Customers</NavLink>
          <NavLink href="/worklist" also={["/letters"]}>
            Worklist
          </NavLink>
          {props.role !== "VIEWER" && <NavLink href="/print">Print</NavLink>}
          <NavLink href="/outbox">Outbox</NavLink>
          {props.role !== "VIEWER" && <NavLink href="/import">Import</NavLink>}
          {(props.role === "ADMIN" || props.role === "VIEWER") && <NavLink href="/audit">Audit log</NavLink>}
          <NavLink href="/settings" also={["/users"]}>
            Settings
          </NavLink>
        </nav>
        <div className="ml-auto flex shrink-0 items-center gap-3 text-sm">
          <span className="hidden text-slate-500 sm:inline">{props.orgName}</span>
          <span
            className="rounded-full bg-slate-100 px-2.5 py-0.5 text-xs font-medium text-slate-700"
            title={props.userName}
          >
            {props.userName} · {ROLE_LABEL[props.role]}
          </span>
          <form action={props.signOut}>
            <button
              type="submit"
              className="rounded-md px-2 py-1 text-slate-600 hover:bg-slate-100 hover:text-slate-900"
            >
              Sign out
            </button>
          </form>
        </div>
      </div>
    </header>
  );
}
