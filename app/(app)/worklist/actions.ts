"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { WORKING_ROLES } from "@/lib/auth/roles";
import { listDueLetters, sendDueLetters, SEND_CHUNK_SIZE, type DueLetter, type SendResult } from "@/lib/collections/send-all-due";
import { db } from "@/lib/db/client";
import { clockNow } from "@/lib/time/dates";

// "Send all due letters" runs as a series of short requests driven by the page
// (one plan, then chunks of SEND_CHUNK_SIZE), so progress shows and no request outlives its timeout.
export const planDueLettersAction = defineAction<z.ZodObject<{}>, DueLetter[]>({
  roles: WORKING_ROLES,
  schema: z.object({}),
  run: async (ctx) => {
    const letters = await listDueLetters(db(), { orgId: ctx.orgId, now: clockNow() });
    return { message: `${letters.length} letter${letters.length === 1 ? "" : "s"} due.`, data: letters };
  },
});

const dueLetter = z.object({
  customerId: z.uuid(),
  currency: z.string().regex(/^[A-Z]{3}$/),
  name: z.string().max(300),
  stage: z.number().int().min(1).max(4),
});

export const sendDueChunkAction = defineAction<z.ZodObject<{ letters: z.ZodArray<typeof dueLetter> }>, SendResult[]>({
  roles: WORKING_ROLES,
  schema: z.object({ letters: z.array(dueLetter).min(1).max(SEND_CHUNK_SIZE) }),
  run: async (ctx, input) => {
    const results = await sendDueLetters(db(), {
      orgId: ctx.orgId, actor: { userId: ctx.userId, role: ctx.role }, letters: input.letters as DueLetter[], now: clockNow(),
    });
    revalidatePath("/worklist");
    return { message: "Chunk done.", data: results };
  },
});
