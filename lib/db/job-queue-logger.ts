import { Logger } from "graphile-worker";

/** graphile-worker's logger, quiet but for errors and warnings: lib/db installs the queue's schema, lib/jobs runs it. */
export const jobQueueLogger = new Logger(() => (level, message) => {
  if (level === "error" || level === "warning") console.error(`[jobs] ${message}`);
});
