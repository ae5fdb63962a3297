import { niceScale, scaleFraction } from "@/lib/dashboard/chart-scale";

// Server-rendered SVG, no chart library: the charts are bars on a grid, a few
// dozen shapes, and drawing them here means no client JavaScript (the page
// works and prints as HTML), full control over accessibility (role="img" with a
// summary, and the same figures as a table beside each chart), and no
// dependency to keep updated. Horizontal positions are percentages and heights
// pixels, so the chart fills any width with text at its real size (a viewBox
// would shrink the labels to nothing on a phone).

export interface ChartSeries {
  key: string;
  label: string;
  /** SVG fill. */
  color: string;
}

export interface ChartBar {
  label: string;
  /** A second line under the label (the year at January and at the first bar). */
  sublabel?: string;
  /** Per series key; null: no figure for this bar (drawn as a gap, said in the table). */
  values: Record<string, number> | null;
}

const HEIGHT = 240;
const TOP = 12;
const BOTTOM = 36;
const GUTTER = 14; // % of the width for the value axis labels
const PLOT = HEIGHT - TOP - BOTTOM;
/** Positions with two decimals: a dozen digits per attribute, sent twice (HTML and RSC payload), draw nothing finer. */
const pct = (value: number) => `${Math.round(value * 100) / 100}%`;
const px = (value: number) => Math.round(value * 10) / 10;

export function BarChart(props: {
  title: string;
  /** What the chart shows in one sentence, for screen readers (role="img"). */
  summary: string;
  series: ChartSeries[];
  bars: ChartBar[];
  formatTick: (value: number) => string;
  testId?: string;
}) {
  const totals = props.bars.map((b) => (b.values ? props.series.reduce((s, x) => s + (b.values?.[x.key] ?? 0), 0) : 0));
  const scale = niceScale(Math.max(0, ...totals));
  const slot = (100 - GUTTER) / Math.max(1, props.bars.length);
  const y = (value: number) => px(TOP + PLOT * (1 - scaleFraction(value, scale)));
  return (
    <figure className="space-y-2" data-testid={props.testId}>
      <svg
        role="img"
        aria-label={props.summary}
        width="100%"
        height={HEIGHT}
        className="block overflow-visible font-sans text-slate-600"
        // Inherited by every label: each <text> carries only what differs.
        fontSize="11"
        textAnchor="middle"
        fill="currentColor"
      >
        <title>{props.title}</title>
        {scale.ticks.map((tick) => (
          <g key={tick}>
            <line x1={`${GUTTER}%`} x2="100%" y1={y(tick)} y2={y(tick)} stroke={tick ? "#e2e8f0" : "#94a3b8"} />
            <text x={`${GUTTER - 1.5}%`} y={y(tick) + 4} textAnchor="end">
              {props.formatTick(tick)}
            </text>
          </g>
        ))}
        {props.bars.map((bar, i) => {
          const centre = GUTTER + slot * (i + 0.5);
          // Below 640 px every other label (always the last bar's), so neighbours do not run together.
          const label = i % 2 === (props.bars.length - 1) % 2 ? undefined : "max-sm:hidden";
          let base = 0;
          return (
            <g key={bar.label + (bar.sublabel ?? "") + String(i)}>
              {bar.values ? (
                props.series.map((s) => {
                  const value = bar.values?.[s.key] ?? 0;
                  if (value <= 0) return null;
                  const top = y(base + value);
                  const bottom = y(base);
                  base += value;
                  return (
                    <rect
                      key={s.key}
                      x={pct(centre - slot * 0.32)}
                      width={pct(slot * 0.64)}
                      y={top}
                      height={px(Math.max(0.5, bottom - top))}
                      fill={s.color}
                    />
                  );
                })
              ) : (
                <text x={pct(centre)} y={y(0) - 4} fill="#64748b">
                  –
                </text>
              )}
              <text x={pct(centre)} y={HEIGHT - BOTTOM + 15} className={label}>
                {bar.label}
              </text>
              {bar.sublabel && (
                <text x={pct(centre)} y={HEIGHT - BOTTOM + 29} fontSize="10" fill="#64748b" className={label}>
                  {bar.sublabel}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      {props.series.length > 1 && (
        <figcaption>
          <ul className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-600">
            {props.series.map((s) => (
              <li key={s.key} className="flex items-center gap-1.5">
                <span aria-hidden="true" className="inline-block h-3 w-3 rounded-sm" style={{ background: s.color }} />
                {s.label}
              </li>
            ))}
          </ul>
        </figcaption>
      )}
    </figure>
  );
}
