import { redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { startPage } from "@/lib/users/start-page";

// Where sign-in sends a user who asked for no page in particular: their role's start page.
export default async function StartPage() {
  const user = await requireUser();
  redirect(startPage(user.role));
}
