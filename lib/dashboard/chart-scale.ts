// The value axis of the dashboard's bar charts: a top that is a round number
// at or above the largest bar, and evenly spaced round ticks from 0 to it
// (steps of 1, 2, 2.5 or 5 times a power of ten), so a reader can read a bar
// against the grid. Values are minor units; ticks stay integers.

export interface ValueScale {
  max: number;
  step: number;
  ticks: number[];
}

const NICE_STEPS = [1, 2, 2.5, 5, 10];

/** A scale from 0 with about `targetTicks` intervals (never more) whose top is >= `maxValue`. */
export function niceScale(maxValue: number, targetTicks = 4): ValueScale {
  if (!(maxValue > 0)) return { max: 1, step: 1, ticks: [0, 1] };
  const rough = maxValue / targetTicks;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = Math.max(1, NICE_STEPS.map((s) => s * power).find((s) => s >= rough) ?? 10 * power);
  const max = Math.ceil(maxValue / step) * step;
  const ticks = Array.from({ length: Math.round(max / step) + 1 }, (_, i) => Math.round(i * step));
  return { max, step, ticks };
}

/** Where a value sits on the scale, 0 (bottom) to 1 (top). */
export function scaleFraction(value: number, scale: ValueScale): number {
  return Math.min(1, Math.max(0, value / scale.max));
}
