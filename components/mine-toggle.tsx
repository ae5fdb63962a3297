import Link from "next/link";

/** "Everyone" or "My accounts" (assigned to me): two links, the current one marked for screen readers too. */
export function MineToggle({ mine, href, label }: { mine: boolean; href: (mine: boolean) => string; label: string }) {
  const item = (on: boolean, text: string) => (
    <Link
      href={href(on)}
      aria-current={mine === on ? "page" : undefined}
      className={`rounded-md px-3 py-1.5 text-sm font-medium ${mine === on ? "bg-slate-900 text-white" : "text-slate-700 hover:bg-slate-100"}`}
    >
      {text}
    </Link>
  );
  return (
    <nav aria-label={`${label}: whose`} className="flex gap-1" data-testid="mine-toggle">
      {item(false, "Everyone")}
      {item(true, "My accounts")}
    </nav>
  );
}
