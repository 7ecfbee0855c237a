import { LegendIcon, type LegendItem } from './LegendIcon';

export type { LegendItem };

/** The key to a chart's lines and markers, as plain HTML above the plot. */
export function ChartLegend({ items }: { items: readonly LegendItem[] }) {
  return (
    <ul className="training-legend">
      {items.map((item, i) => (
        <li key={`${i}:${item.label}`}>
          <LegendIcon mark={item.mark} color={item.color} />
          {item.label}
        </li>
      ))}
    </ul>
  );
}
