/** Shown on every page while jobs wait and no job worker has beaten its heartbeat for a minute. */
export function WorkerDownBanner({ stalled }: { stalled: boolean }) {
  if (!stalled) return null;
  return (
    <div
      role="alert"
      className="border-b border-amber-300 bg-amber-50 px-4 py-2 text-sm text-amber-900"
      data-testid="worker-down"
    >
      <p className="mx-auto max-w-[100rem] sm:px-2">
        <span className="font-semibold">
          Letters, emails, imports or printing are queued, but the background worker is not running.
        </span>{" "}
        Nothing is lost: they continue when it is back. <code>npm start</code> restarts it by itself; if this stays, ask
        whoever runs the server to check the worker.
      </p>
    </div>
  );
}
