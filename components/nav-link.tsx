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
      // Its look is the .nav-link rule in app/globals.css: the menu is on every page, twice (row and phone menu).
      className="nav-link"
    >
      {children}
    </Link>
  );
}
