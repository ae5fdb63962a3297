import type { JobHelpers, TaskList } from "graphile-worker";
import { z } from "zod";

// Typed jobs. A job type is a task name and a zod schema for its payload, declared
// once beside the verb that queues it: addJob takes the type, so the payload is
// checked by the compiler where it is queued, and defineTask parses it where it
// runs. A payload that does not fit (a job queued by an older version, a hand-made
// row) fails that job with the reason, instead of running on a cast.

export interface JobType<S extends z.ZodType = z.ZodType> {
  name: string;
  schema: S;
}

export function jobType<S extends z.ZodType>(name: string, schema: S): JobType<S> {
  return { name, schema };
}

/** What queueing a job of this type takes. */
export type JobPayload<J extends JobType> = z.input<J["schema"]>;

/** The worker's task for a job type: parses the payload, then runs. */
export function defineTask<S extends z.ZodType>(
  def: JobType<S> & { run: (payload: z.output<S>, helpers: JobHelpers) => Promise<unknown> },
): TaskList {
  return {
    [def.name]: async (payload, helpers) => {
      // Cron jobs and payload-less jobs arrive as {} or null.
      const parsed = def.schema.safeParse(payload ?? {});
      if (!parsed.success) {
        throw new Error(`Job ${def.name} has a payload that does not fit its schema: ${z.prettifyError(parsed.error)}`);
      }
      await def.run(parsed.data, helpers);
    },
  };
}
