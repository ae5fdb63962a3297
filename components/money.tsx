import { formatMoney } from "@/lib/money/money";

/** An amount in minor units; zero shows as a quiet dash so the eye finds the real figures. */
export function Money({
  minor,
  currency,
  locale,
  quietZero = false,
  className = "",
}: {
  minor: number;
  currency: string;
  locale: string;
  quietZero?: boolean;
  className?: string;
}) {
  if (quietZero && minor === 0) return <span className={`text-slate-500 ${className}`}>—</span>;
  return <span className={`whitespace-nowrap ${className}`}>{formatMoney(minor, currency, locale)}</span>;
}
