/**
 * Runs an import pass after the request that started it has returned; the page
 * polls the import record for progress. The pass records its own failure on the
 * record; a crash leaves it stale, and getImportOrThrow marks it failed.
 */
export function runInBackground(task: () => Promise<unknown>): void {
  void task().catch(() => {
    // Recorded on the import by the pass itself.
  });
}
