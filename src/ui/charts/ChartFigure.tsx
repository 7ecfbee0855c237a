import type { ReactNode } from 'react';
import { ChartPngButton } from './ChartPngButton';
import { ChartLegend, type LegendItem } from './ChartLegend';

interface ChartFigureProps {
  title: string;
  /** The figure's accessible name. */
  label: string;
  testId: string;
  legend: readonly LegendItem[];
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

/** The frame of every chart: a titled, labelled figure with its legend, toggles and PNG button. */
export function ChartFigure({
  title,
  label,
  testId,
  legend,
  emptyNote,
  controls,
  footer,
  className,
  children,
}: ChartFigureProps) {
  return (
    <figure
      className={className ? `training-chart ${className}` : 'training-chart'}
      aria-label={label}
      data-testid={testId}
    >
      <figcaption className="training-chart-head">
        <span className="training-chart-title">{title}</span>
        {controls}
        <ChartPngButton title={title} legend={legend} fileName={testId} />
      </figcaption>
      <ChartLegend items={legend} />
      <div className="training-chart-plot">
        {children}
        {emptyNote ? <p className="training-chart-empty">{emptyNote}</p> : null}
      </div>
      {footer}
    </figure>
  );
}
