"use server";

import { signOutEverywhere } from "@/lib/auth/sign-out";

export async function signOutAction() {
  await signOutEverywhere();
}
