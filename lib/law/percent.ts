// Rates are decimal strings ("4.25"); arithmetic on them is done on integers
// scaled by 10^4 so that no float ever touches a rate or an amount.

export const RATE_SCALE = 10_000n;

/** "12.5" -> 125000n (the percentage x 10^4). */
export function percentToScaled(percent: string): bigint {
  const m = /^(\d+)(?:\.(\d{1,4}))?$/.exec(percent.trim());
  if (!m) throw new Error(`Not a percentage: ${percent}`);
  return BigInt(m[1]) * RATE_SCALE + BigInt((m[2] ?? "").padEnd(4, "0"));
}

/** 125000n -> "12.50" (at least two decimals, up to four). */
export function scaledToPercent(scaled: bigint): string {
  const whole = scaled / RATE_SCALE;
  let frac = (scaled % RATE_SCALE).toString().padStart(4, "0");
  while (frac.length > 2 && frac.endsWith("0")) frac = frac.slice(0, -1);
  return `${whole}.${frac}`;
}

export const addPercents = (a: string, b: string) => scaledToPercent(percentToScaled(a) + percentToScaled(b));

/** Integer division rounding halves away from zero (all our numerators are non-negative: halves up). */
export function divideHalfUp(numerator: bigint, denominator: bigint): bigint {
  return (numerator * 2n + denominator) / (denominator * 2n);
}
