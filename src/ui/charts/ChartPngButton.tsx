import { useState, type MouseEvent } from 'react';
import { downloadBlob } from '../download';
import { chartPng, type PngLegendItem } from './chartPng';

interface ChartPngButtonProps {
  title: string;
  legend: readonly PngLegendItem[];
  /** Without the extension. */
  fileName: string;
}

/** Saves the chart of the figure it sits in as a PNG, with its title and key. */
export function ChartPngButton({ title, legend, fileName }: ChartPngButtonProps) {
  const [error, setError] = useState<string | null>(null);
  const save = async (event: MouseEvent<HTMLButtonElement>) => {
    // The plot's own SVG, not the small ones of a legend inside it.
    const svg = event.currentTarget
      .closest('figure')
      ?.querySelector<SVGSVGElement>('.recharts-wrapper > svg.recharts-surface');
    try {
      if (!svg) throw new Error('there is no chart to save yet');
      downloadBlob(await chartPng(svg, { title, legend }), `${fileName}.png`);
      setError(null);
    } catch (caught) {
      setError(`PNG not saved: ${caught instanceof Error ? caught.message : String(caught)}`);
    }
  };
  return (
    <>
      <button
        type="button"
        className="link chart-png"
        onClick={(event) => void save(event)}
        aria-label={`Save ${title} chart as PNG`}
      >
        PNG
      </button>
      {error ? (
        <span className="field-message" role="alert">
          {error}
        </span>
      ) : null}
    </>
  );
}
