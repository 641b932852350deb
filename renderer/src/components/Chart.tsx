// A small chart (uPlot, loaded on demand) with the same numbers in a hidden table for screen readers and tests.
import { useEffect, useRef } from 'react';
import type uPlot from 'uplot';

export interface ChartProps {
  title: string;
  /** Category labels along the x axis (days, run numbers). */
  labels: string[];
  values: (number | null)[];
  kind: 'bars' | 'points';
  valueLabel: string;
  height?: number;
  formatValue?: (v: number) => string;
  testId?: string;
}

function cssVar(name: string, fallback: string): string {
  const v = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  return v || fallback;
}

/** uPlot needs a real canvas; jsdom (component tests) has none, so the table alone is shown there. */
function canDraw(): boolean {
  return typeof window.matchMedia === 'function' && typeof ResizeObserver === 'function';
}

export function Chart({ title, labels, values, kind, valueLabel, height = 220, formatValue, testId }: ChartProps) {
  const host = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const el = host.current;
    if (!el || !canDraw()) return;
    let plot: uPlot | null = null;
    let observer: ResizeObserver | null = null;
    let cancelled = false;
    void import('uplot').then(({ default: UPlot }) => {
      if (cancelled) return;
      const accent = cssVar('--accent', '#2563eb');
      const muted = cssVar('--text-muted', '#667085');
      const grid = cssVar('--border', '#e4e7ec');
      const xs = labels.map((_, i) => i);
      const axis = { stroke: muted, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid, width: 1 } };
      const series: uPlot.Series =
        kind === 'bars'
          ? {
              label: valueLabel,
              fill: accent,
              stroke: accent,
              paths: UPlot.paths.bars?.({ size: [0.7, 28] }),
              points: { show: false },
            }
          : { label: valueLabel, stroke: accent, width: 0, points: { show: true, size: 6, fill: accent } };
      plot = new UPlot(
        {
          width: Math.max(200, el.clientWidth),
          height,
          legend: { show: false },
          cursor: { drag: { x: false, y: false } },
          scales: {
            x: { time: false, range: [-0.5, Math.max(0.5, xs.length - 0.5)] },
            y: { range: (_u, _min, max) => [0, Math.max(1, max * 1.1)] },
          },
          axes: [
            { ...axis, values: (_u, splits) => splits.map((s) => labels[Math.round(s)] ?? '') },
            { ...axis, values: (_u, splits) => splits.map((s) => (formatValue ? formatValue(s) : String(s))) },
          ],
          series: [{}, series],
        },
        [xs, values],
        el,
      );
      observer = new ResizeObserver(() => plot?.setSize({ width: Math.max(200, el.clientWidth), height }));
      observer.observe(el);
    });
    return () => {
      cancelled = true;
      observer?.disconnect();
      plot?.destroy();
    };
  }, [labels, values, kind, valueLabel, height, formatValue]);

  return (
    <figure className="chart" data-testid={testId}>
      <figcaption>{title}</figcaption>
      <div ref={host} className="chart-canvas" aria-hidden="true" style={{ minHeight: height }} />
      {/* A table ignores height/overflow, so the visually hidden box is a div around it (else it grows the page). */}
      <div className="sr-only">
        <table>
          <caption>{title}</caption>
          <tbody>
            {labels.map((label, i) => (
              <tr key={label + i}>
                <th scope="row">{label}</th>
                <td>
                  {values[i] === null || values[i] === undefined
                    ? '—'
                    : formatValue
                      ? formatValue(values[i])
                      : values[i]}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
