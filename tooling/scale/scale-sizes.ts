/** A scale data set: one organization with `customers` customers and `invoices` invoices. */
export interface ScaleSize {
  /** As typed on the command line: "1m", "100k", "10k". */
  label: string;
  customers: number;
  invoices: number;
}

export const SCALE_INVOICES_PER_CUSTOMER = 10;

/** "1m" -> 1,000,000 invoices for 100,000 customers; "100k", "10k", "2500" likewise. */
export function parseScaleSize(text: string): ScaleSize {
  const match = /^(\d+(?:\.\d+)?)(k|m)?$/i.exec(text.trim());
  if (!match) throw new Error(`Unknown scale "${text}": use a number of invoices such as 10k, 100k or 1m.`);
  const factor = match[2]?.toLowerCase() === "m" ? 1_000_000 : match[2]?.toLowerCase() === "k" ? 1_000 : 1;
  const invoices = Math.round(Number(match[1]) * factor);
  if (invoices < 100 || invoices > 20_000_000) throw new Error(`Scale ${text} is out of range (100 to 20m invoices).`);
  return {
    label: text.trim().toLowerCase(),
    invoices,
    customers: Math.max(10, Math.round(invoices / SCALE_INVOICES_PER_CUSTOMER)),
  };
}

/** The scale data lives in its own database, never the demo one: dunning_desk_scale_1m. */
export function scaleDatabaseName(size: ScaleSize): string {
  return `dunning_desk_scale_${size.label.replace(/[^a-z0-9]+/g, "_")}`;
}
