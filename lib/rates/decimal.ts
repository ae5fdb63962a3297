// Exact decimals for exchange rates: a rate is a whole mantissa and a scale
// (11.7150 = 117150 / 10^4), never a float, and every conversion is integer
// division rounded half to even (banker's rounding: no drift upward over many
// conversions). dd_convert_minor in the exchange_rates migration is the same
// rounding in SQL; tests/rates-convert.test.ts checks that they agree.

export interface ExactDecimal {
  mantissa: bigint;
  scale: number;
}

export const RATE_MAX_INTEGER_DIGITS = 12;
export const RATE_MAX_DECIMALS = 10;

export type ParseRateResult = { ok: true; value: ExactDecimal; text: string } | { ok: false; error: string };

/** "11.7150" or "11,7150" (one decimal mark, no grouping) to an exact positive decimal; the canonical text has a point. */
export function parseRateDecimal(input: string): ParseRateResult {
  const text = input.trim();
  if (!text) return { ok: false, error: "Enter a rate." };
  const match = /^(\d+)(?:[.,](\d+))?$/.exec(text);
  if (!match) {
    if (/^-/.test(text))
      return { ok: false, error: `The rate "${text.slice(0, 30)}" is negative: a rate is above zero.` };
    return { ok: false, error: `The rate "${text.slice(0, 30)}" is not a number: write it like 11.7150.` };
  }
  const whole = match[1].replace(/^0+(?=\d)/, "");
  const fraction = (match[2] ?? "").replace(/0+$/, "");
  if (whole.length > RATE_MAX_INTEGER_DIGITS) return { ok: false, error: "That rate is too large." };
  if (fraction.length > RATE_MAX_DECIMALS)
    return { ok: false, error: `A rate has at most ${RATE_MAX_DECIMALS} decimals.` };
  const mantissa = BigInt(whole + fraction);
  if (mantissa === 0n) return { ok: false, error: "A rate of zero cannot convert anything: enter a rate above zero." };
  return {
    ok: true,
    value: { mantissa, scale: fraction.length },
    text: fraction ? `${whole}.${fraction}` : whole,
  };
}

export const pow10 = (n: number): bigint => 10n ** BigInt(n);

/** numerator / denominator (denominator > 0) rounded half to even. */
export function divideHalfEven(numerator: bigint, denominator: bigint): bigint {
  if (denominator <= 0n) throw new RangeError("denominator must be positive");
  const quotient = numerator / denominator; // truncates toward zero
  const remainder = numerator % denominator; // sign of the numerator
  const twice = 2n * (remainder < 0n ? -remainder : remainder);
  const sign = numerator < 0n ? -1n : 1n;
  if (twice > denominator || (twice === denominator && quotient % 2n !== 0n)) return quotient + sign;
  return quotient;
}

/** A decimal's canonical text ("11.715", "0.0854"). */
export function decimalText(value: ExactDecimal): string {
  if (value.scale === 0) return value.mantissa.toString();
  const digits = value.mantissa.toString().padStart(value.scale + 1, "0");
  const text = `${digits.slice(0, -value.scale)}.${digits.slice(-value.scale)}`;
  return text.replace(/\.?0+$/, "");
}

/** a / b as a decimal of RATE_MAX_DECIMALS places, rounded half to even (ECB cross rates). */
export function divideDecimals(a: ExactDecimal, b: ExactDecimal): ExactDecimal {
  const numerator = a.mantissa * pow10(b.scale + RATE_MAX_DECIMALS);
  const denominator = b.mantissa * pow10(a.scale);
  return { mantissa: divideHalfEven(numerator, denominator), scale: RATE_MAX_DECIMALS };
}

/** PostgreSQL NUMERIC(22,10) text keeps ten decimals ("11.7150000000"): shown and parsed as "11.715". */
export const trimNumeric = (text: string) => (text.includes(".") ? text.replace(/\.?0+$/, "") : text);
