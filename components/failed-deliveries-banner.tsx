import Link from "next/link";
import { getFailedDeliveries } from "@/lib/delivery/pages";

/** On the worklist: letters and statements whose email did not arrive, each with a link to retry. */
export async function FailedDeliveriesBanner({ orgId }: { orgId: string }) {
  const failed = await getFailedDeliveries({ orgId }, 20);
  if (!failed.length) return null;
  return (
    <div
      role="alert"
      className="rounded-xl border border-red-200 bg-red-50 p-4 text-sm text-red-900"
      data-testid="failed-deliveries"
    >
      <p className="font-semibold">
        {failed.length} email{failed.length === 1 ? "" : "s"} not delivered
      </p>
      <ul className="mt-1 space-y-0.5">
        {failed.map((f) => (
          <li key={f.documentId}>
            <Link className="underline" href={f.href}>
              {f.label} to {f.customerName}
            </Link>{" "}
            ({f.status.recipient}): {f.status.error}
            {f.status.retrying
              ? " Retrying automatically."
              : f.label.startsWith("Letter")
                ? " Open the letter to retry."
                : " Email a new statement from the customer page."}
          </li>
        ))}
      </ul>
    </div>
  );
}
