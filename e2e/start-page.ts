import { expect, type Page } from "@playwright/test";
import type { Role } from "@/lib/generated/prisma/enums";
import { startPage } from "@/lib/users/start-page";

/**
 * After signing in with no page asking for it: the role's start page
 * (lib/users/start-page.ts), rendered. Without a role (one that changes during
 * a spec), any page of the app other than sign-in.
 */
export async function expectStartPage(page: Page, role?: Role, opts: { timeout?: number } = {}) {
  if (role) await expect(page).toHaveURL((url) => url.pathname === startPage(role), opts);
  else await expect(page).not.toHaveURL(/\/(sign-in|start)(\?|$)/, opts);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible(opts);
}
