import type { DateOnly } from "@/lib/time/dates";

export interface Rate {
  currency: string;
  /** "1 base = rate x currency", the ECB's quote (1 EUR = 11.715 NOK), as exact decimal text. */
  rate: string;
  validOn: DateOnly;
  source: string;
}

/** The latest rate per currency valid on or before `on`, for the organization's base currency. */
export interface RateTable {
  base: string;
  on: DateOnly;
  rates: Map<string, Rate>;
}

/** base minor = amount minor * num / den: the rate and both currencies' minor units as one exact fraction. */
export interface ConversionFactor {
  num: bigint;
  den: bigint;
}
