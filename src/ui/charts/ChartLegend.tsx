import { Symbols } from 'recharts';

export interface LegendItem {
  label: string;
  color: string;
  mark: 'line' | 'dashed' | 'faint' | 'dots' | 'star' | 'diamond';
}

/** The key to a chart's lines and markers, as plain HTML above the plot. */
export function ChartLegend({ items }: { items: readonly LegendItem[] }) {
  return (
    <ul className="training-legend">
      {items.map((item, i) => (
        <li key={`${i}:${item.label}`}>
          <svg width="18" height="10" aria-hidden="true">
            {item.mark === 'star' || item.mark === 'diamond' ? (
              <Symbols type={item.mark} cx={9} cy={5} size={50} fill={item.color} />
            ) : (
              <line
                x1="1"
                x2="17"
                y1="5"
                y2="5"
                stroke={item.color}
                strokeWidth={item.mark === 'faint' ? 1.5 : 2}
                strokeOpacity={item.mark === 'faint' ? 0.6 : 1}
                strokeDasharray={item.mark === 'dashed' ? '4 3' : undefined}
              />
            )}
            {item.mark === 'dots' ? <circle cx="9" cy="5" r="2.5" fill={item.color} /> : null}
          </svg>
          {item.label}
        </li>
      ))}
    </ul>
  );
}
