import { redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { startPage } from "@/lib/users/start-page";

// Where sign-in sends a user no page asked for: their role's start page (lib/users/start-page.ts).
export default async function StartPage() {
  const user = await requireUser();
  redirect(startPage(user.role));
}
