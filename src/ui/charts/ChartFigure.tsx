import { useId, useState, type ReactNode } from 'react';
import { ChartDataTable } from './ChartDataTable';
import { ChartPngButton } from './ChartPngButton';
import { ChartLegend, type LegendItem } from './ChartLegend';
import type { ChartTable } from './chartTable';

interface ChartFigureProps {
  title: string;
  /** The figure's accessible name, e.g. "Loss chart". */
  label: string;
  testId: string;
  legend: readonly LegendItem[];
  /** What the chart shows now, in a sentence or two: the figure's accessible description. */
  summary?: string;
  /** The data behind the chart; built only while "Show data" is open. */
  table?: () => ChartTable;
  /** Shown over the plot while there is nothing recorded to draw. */
  emptyNote?: string | null;
  /** Beside the title: a scale toggle, a one-line reading. */
  controls?: ReactNode;
  /** Below the plot: keys and hints that do not fit the legend. */
  footer?: ReactNode;
  /** Added to the figure's class. */
  className?: string;
  children: ReactNode;
}

/**
 * The frame of every chart: a titled, named figure with its legend, toggles, PNG button, a text
 * summary for screen readers and its data as a table on demand.
 */
export function ChartFigure({
  title,
  label,
  testId,
  legend,
  summary,
  table,
  emptyNote,
  controls,
  footer,
  className,
  children,
}: ChartFigureProps) {
  const summaryId = useId();
  const tableId = useId();
  const [showData, setShowData] = useState(false);
  return (
    <figure
      className={className ? `training-chart ${className}` : 'training-chart'}
      aria-label={label}
      aria-describedby={summary ? summaryId : undefined}
      data-testid={testId}
    >
      <figcaption className="training-chart-head">
        <span className="training-chart-title">{title}</span>
        {controls}
        {table ? (
          <button
            type="button"
            className="link chart-data-toggle"
            aria-expanded={showData}
            aria-controls={tableId}
            onClick={() => setShowData((open) => !open)}
          >
            {showData ? 'Hide data' : 'Show data'}
          </button>
        ) : null}
        <ChartPngButton title={title} legend={legend} fileName={testId} />
      </figcaption>
      <ChartLegend items={legend} />
      <div className="training-chart-plot">
        {children}
        {emptyNote ? <p className="training-chart-empty">{emptyNote}</p> : null}
      </div>
      {summary ? (
        <p id={summaryId} className="visually-hidden">
          {summary}
        </p>
      ) : null}
      {table && showData ? (
        <ChartDataTable id={tableId} caption={summary ?? title} table={table()} />
      ) : null}
      {footer}
    </figure>
  );
}
