import type { ReactNode } from 'react';
import { ChartPngButton } from '../charts/ChartPngButton';
import { ChartLegend, type LegendItem } from './ChartLegend';

interface ChartFigureProps {
  title: string;
  label: string;
  testId: string;
  legend: readonly LegendItem[];
  /** Shown over the plot while there is nothing recorded to draw. */
  emptyNote?: string | null;
  /** Beside the title: a scale toggle, a one-line reading. */
  controls?: ReactNode;
  children: ReactNode;
}

/** The frame of one training chart: a titled, labelled figure with its legend and toggles. */
export function ChartFigure({
  title,
  label,
  testId,
  legend,
  emptyNote,
  controls,
  children,
}: ChartFigureProps) {
  return (
    <figure className="training-chart" aria-label={label} data-testid={testId}>
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
    </figure>
  );
}
