"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

/** A main-menu link, highlighted on its own pages and on the `also` path prefixes. */
export function NavLink({ href, also = [], children }: { href: string; also?: string[]; children: React.ReactNode }) {
  const pathname = usePathname();
  const active = href === "/" ? pathname === "/" : [href, ...also].some((p) => pathname.startsWith(p));
  return (
    <Link
      href={href}
      aria-current={active ? "page" : undefined}
      className={`rounded-md px-3 py-1.5 font-medium min-[1400px]:whitespace-nowrap ${active ? "bg-brand-50 text-brand-700" : "text-slate-600 hover:bg-slate-100 hover:text-slate-900"}`}
    >
      {children}
    </Link>
  );
}
