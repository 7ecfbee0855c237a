import { Symbols, type SymbolsProps } from 'recharts';

export interface LegendItem {
  label: string;
  color: string;
  /**
   * How the series is drawn: 'noisy' is a raw per-batch series (a jagged thin icon, so it reads
   * apart from its smoothed line without relying on colour), a symbol name a marker.
   */
  mark:
    | 'line'
    | 'dashed'
    | 'noisy'
    | 'dots'
    | 'star'
    | 'diamond'
    | 'triangle'
    | 'square'
    | 'cross'
    | 'wye'
    | 'circle';
}

const SYMBOLS = new Set<LegendItem['mark']>([
  'star',
  'diamond',
  'triangle',
  'square',
  'cross',
  'wye',
  'circle',
]);

/** The legend icon of one series or marker; also used by keys outside a chart's legend. */
export function LegendIcon({ mark, color }: Pick<LegendItem, 'mark' | 'color'>) {
  return (
    <svg width="18" height="12" aria-hidden="true">
      {SYMBOLS.has(mark) ? (
        <Symbols
          type={mark as NonNullable<SymbolsProps['type']>}
          cx={9}
          cy={6}
          size={60}
          fill={color}
          stroke="#fff"
          strokeWidth={0.75}
        />
      ) : mark === 'noisy' ? (
        <polyline
          points="1,7 4,3 6,9 9,4 11,8 14,2 17,6"
          fill="none"
          stroke={color}
          strokeWidth={1}
          strokeLinejoin="round"
        />
      ) : (
        <line
          x1="1"
          x2="17"
          y1="6"
          y2="6"
          stroke={color}
          strokeWidth={2.5}
          strokeDasharray={mark === 'dashed' ? '4 3' : undefined}
        />
      )}
      {mark === 'dots' ? <circle cx="9" cy="6" r="2.5" fill={color} /> : null}
    </svg>
  );
}
