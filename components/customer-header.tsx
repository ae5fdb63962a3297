import Link from "next/link";
import { Money } from "./money";

const LANGUAGE = { en: "English", it: "Italiano", nb: "Norsk bokmål" } as const;

export function CustomerHeader({
  customer,
  totals,
  locale,
  editHref,
}: {
  customer: {
    name: string;
    reference: string;
    contactPerson: string;
    email: string;
    phone: string;
    addressLine1: string;
    addressLine2: string;
    postalCode: string;
    city: string;
    country: string;
    language: keyof typeof LANGUAGE;
    currency: string;
    dunningPausedReason?: string | null;
    dunningPausedUntil?: Date | null;
  };
  totals: { currency: string; open: number; overdue: number }[];
  locale: string;
  /** Shown to those who may correct the customer. */
  editHref?: string;
}) {
  const address = [
    customer.addressLine1,
    customer.addressLine2,
    `${customer.postalCode} ${customer.city}`.trim(),
    customer.country,
  ].filter(Boolean);
  return (
    <div className="flex flex-wrap items-start justify-between gap-6 rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">{customer.name}</h1>
        <p className="text-sm text-slate-500">
          {customer.reference} · {LANGUAGE[customer.language]} · {customer.currency}
          {editHref && (
            <>
              {" · "}
              <Link href={editHref} className="font-medium text-brand-700 hover:underline">
                Edit customer
              </Link>
            </>
          )}
        </p>
        {customer.dunningPausedReason && (
          <p className="mt-2 rounded-md bg-amber-50 px-3 py-1.5 text-sm text-amber-900" data-testid="dunning-paused">
            Dunning paused
            {customer.dunningPausedUntil ? ` until ${customer.dunningPausedUntil.toISOString().slice(0, 10)}` : ""}:{" "}
            {customer.dunningPausedReason}
          </p>
        )}
        <div className="mt-3 grid gap-x-8 gap-y-1 text-sm text-slate-700 sm:grid-cols-2">
          <div>
            {customer.contactPerson && <p>{customer.contactPerson}</p>}
            {customer.email && (
              <p>
                <a className="text-brand-700 hover:underline" href={`mailto:${customer.email}`}>
                  {customer.email}
                </a>
              </p>
            )}
            {customer.phone && <p>{customer.phone}</p>}
          </div>
          <address className="not-italic">
            {address.map((line) => (
              <p key={line}>{line}</p>
            ))}
          </address>
        </div>
      </div>
      <dl className="flex gap-6" data-testid="customer-totals">
        {totals.length === 0 && (
          <div>
            <dt className="text-xs text-slate-500">Open</dt>
            <dd className="text-xl font-semibold text-emerald-700">Paid up</dd>
          </div>
        )}
        {totals.map((t) => (
          <div key={t.currency} className="text-right">
            <dt className="text-xs text-slate-500">Open {t.currency}</dt>
            <dd className="text-xl font-semibold">
              <Money minor={t.open} currency={t.currency} locale={locale} />
            </dd>
            <dd className={`text-sm ${t.overdue > 0 ? "text-red-700" : "text-slate-500"}`}>
              <Money minor={t.overdue} currency={t.currency} locale={locale} /> overdue
            </dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
