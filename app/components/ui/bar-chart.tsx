import { useId } from "react";

export type ChartSeries = { label: string; tone: "primary" | "success" | "danger" };
export type ChartGroup = { label: string; values: number[] };

/** Fill and legend classes per tone; they follow the theme's variables, so dark mode too. */
const TONES = {
  primary: { fill: "fill-primary", swatch: "bg-primary" },
  success: { fill: "fill-emerald-600 dark:fill-emerald-400", swatch: "bg-emerald-600 dark:bg-emerald-400" },
  danger: { fill: "fill-danger", swatch: "bg-danger" },
} as const;

const WIDTH = 640;
const HEIGHT = 240;
const MARGIN = { top: 12, right: 8, bottom: 28, left: 40 };
const Y_TICKS = 4;

/** The smallest 1/2/5×10ⁿ step that fits `max` into `Y_TICKS` gridlines (at least 1). */
function niceStep(max: number): number {
  const raw = Math.max(max / Y_TICKS, 1);
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 5, 10].map((m) => m * magnitude).find((step) => step >= raw)!;
}

/**
 * A server-rendered grouped bar chart with axes, a legend and a visually hidden table with
 * every number, which is what screen readers get instead of the picture. No chart library:
 * the SVG scales with its container and keeps a minimum width (scrolling sideways on a phone).
 */
export function BarChart({
  title,
  description,
  series,
  groups,
  groupHeader,
}: {
  title: string;
  description: string;
  series: ChartSeries[];
  groups: ChartGroup[];
  /** The table's first column heading (e.g. "Day (UTC)"). */
  groupHeader: string;
}) {
  const id = useId();
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const max = Math.max(0, ...groups.flatMap((group) => group.values));
  const step = niceStep(max);
  const yMax = step * Y_TICKS;
  const y = (value: number) => MARGIN.top + plotHeight - (value / yMax) * plotHeight;
  const groupWidth = plotWidth / Math.max(groups.length, 1);
  const barWidth = (groupWidth * 0.8) / series.length;
  const labelEvery = Math.ceil(groups.length / 8);

  return (
    <figure className="flex flex-col gap-3">
      <figcaption className="flex flex-wrap items-center justify-between gap-2">
        <span className="text-sm font-semibold">{title}</span>
        <ul className="flex flex-wrap gap-3 text-xs text-muted" aria-hidden="true">
          {series.map((s) => (
            <li key={s.label} className="flex items-center gap-1.5">
              <span className={`inline-block size-2.5 rounded-sm ${TONES[s.tone].swatch}`} />
              {s.label}
            </li>
          ))}
        </ul>
      </figcaption>
      {/* row-reverse starts a narrow screen scrolled to the newest bars, at the right; keyboard
          users scroll it too (it is focusable, named after the chart). */}
      <div
        className="flex flex-row-reverse overflow-x-auto focus-visible:outline-2 focus-visible:outline-primary"
        tabIndex={0}
        role="group"
        aria-label={title}
      >
        <svg
          viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
          role="img"
          aria-labelledby={`${id}-title`}
          aria-describedby={`${id}-desc`}
          className="w-full min-w-[480px] text-muted"
        >
          <title id={`${id}-title`}>{title}</title>
          <desc id={`${id}-desc`}>{description}</desc>
          {Array.from({ length: Y_TICKS + 1 }, (_, i) => i * step).map((tick) => (
            <g key={tick}>
              <line
                x1={MARGIN.left}
                x2={WIDTH - MARGIN.right}
                y1={y(tick)}
                y2={y(tick)}
                className="stroke-border"
                strokeDasharray={tick === 0 ? undefined : "3 3"}
              />
              <text
                x={MARGIN.left - 6}
                y={y(tick)}
                textAnchor="end"
                dominantBaseline="middle"
                fontSize="11"
                className="fill-current"
              >
                {tick}
              </text>
            </g>
          ))}
          {groups.map((group, g) => {
            const x0 = MARGIN.left + g * groupWidth + groupWidth * 0.1;
            return (
              <g key={group.label}>
                <title>{`${group.label}: ${series.map((s, i) => `${group.values[i]} ${s.label.toLowerCase()}`).join(", ")}`}</title>
                {/* A transparent full-height target so the tooltip shows for empty groups too. */}
                <rect x={x0} y={MARGIN.top} width={groupWidth * 0.8} height={plotHeight} fill="transparent" />
                {series.map((s, i) => {
                  const value = group.values[i] ?? 0;
                  return (
                    <rect
                      key={s.label}
                      x={x0 + i * barWidth}
                      y={y(value)}
                      width={Math.max(barWidth - 1, 1)}
                      height={y(0) - y(value)}
                      rx={1}
                      className={TONES[s.tone].fill}
                    />
                  );
                })}
                {g % labelEvery === 0 ? (
                  <text
                    x={MARGIN.left + (g + 0.5) * groupWidth}
                    y={HEIGHT - 8}
                    textAnchor="middle"
                    fontSize="11"
                    className="fill-current"
                  >
                    {group.label}
                  </text>
                ) : null}
              </g>
            );
          })}
        </svg>
      </div>
      {/* Hidden in a box rather than on the table itself: a table is never narrower than its
          cells, so a hidden one would still stick out past a phone's screen. */}
      <div className="sr-only">
        <table>
          <caption>{title}</caption>
          <thead>
            <tr>
              <th scope="col">{groupHeader}</th>
              {series.map((s) => (
                <th key={s.label} scope="col">
                  {s.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {groups.map((group) => (
              <tr key={group.label}>
                <th scope="row">{group.label}</th>
                {group.values.map((value, i) => (
                  <td key={series[i]?.label ?? i}>{value}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
