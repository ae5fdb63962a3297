import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { defineTask, jobType } from "@/lib/jobs/define-task";
import { addDaysTo, clockNow, type DateOnly, dateOnlyToDb, todayIn } from "@/lib/time/dates";
import { takeAgingSnapshot } from "./take-aging-snapshot";

// The dashboard's aging history: each organization's totals at the close of
// each day, taken once. Hourly, so that a day ends within the hour in every
// time zone; each run snapshots "yesterday" in the organization's time zone for
// the organizations that have none for it yet. A day the worker missed
// entirely stays missing: figures are never reconstructed later, when
// corrections made since would leak into them.

export const AGING_SNAPSHOT_TASK = "aging_snapshot";
/** Run by the crontab only; its payload is empty. */
export const AGING_SNAPSHOT_JOB = jobType(AGING_SNAPSHOT_TASK, z.object({}));
/** Hourly at eleven past (the worklist refresh runs at five past). */
export const AGING_SNAPSHOT_CRONTAB = `11 * * * * ${AGING_SNAPSHOT_TASK}`;

/**
 * The day to snapshot at `now`: the one that ended last in the organization's
 * time zone; null while that day is before the organization existed (there
 * were no figures to record, and none are made up).
 */
export function snapshotDay(org: { timeZone: string; createdAt: Date }, now: Date): DateOnly | null {
  const day = addDaysTo(todayIn(org.timeZone, now), -1);
  return day < todayIn(org.timeZone, org.createdAt) ? null : day;
}

/** Snapshots the day that ended last in each organization's time zone; returns the organizations snapshotted. */
export async function takeDueAgingSnapshots(db: Db, now: Date, opts: { orgId?: string } = {}): Promise<number> {
  const orgs = await db.organization.findMany({
    where: opts.orgId ? { id: opts.orgId } : {},
    select: { id: true, timeZone: true, defaultCurrency: true, createdAt: true },
  });
  let taken = 0;
  for (const org of orgs) {
    const day = snapshotDay(org, now);
    if (!day) continue;
    const done = await db.agingSnapshot.findFirst({ where: { orgId: org.id, day: dateOnlyToDb(day) } });
    if (done) continue;
    await takeAgingSnapshot(db, { orgId: org.id, day, defaultCurrency: org.defaultCurrency });
    taken++;
  }
  return taken;
}

export function agingSnapshotTasks(db: Db) {
  return defineTask({
    ...AGING_SNAPSHOT_JOB,
    run: async (_payload, helpers) => {
      const taken = await takeDueAgingSnapshots(db, clockNow());
      if (taken) helpers.logger.info(`Aging snapshots: ${taken} organizations.`);
    },
  });
}
