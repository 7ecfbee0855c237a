import { usePlotArea, type LabelProps } from 'recharts';
import { MARK_TEXT } from './RegionLabel';

/**
 * Where the range test stopped, written above the plot at its line (left of it, or right of it
 * near the plot's left edge): above the plot it never covers a suggestion's marker.
 */
export function StopLabel({
  viewBox,
  text,
  color,
}: {
  viewBox: LabelProps['viewBox'];
  text: string;
  color: string;
}) {
  const plot = usePlotArea();
  if (!plot || !viewBox || !('x' in viewBox)) return null;
  const { x } = viewBox;
  const fitsLeft = x - plot.x >= text.length * 0.6 * MARK_TEXT + 4;
  return (
    <text
      className="range-test-stop-label"
      x={fitsLeft ? x - 3 : x + 3}
      y={plot.y - 4}
      textAnchor={fitsLeft ? 'end' : 'start'}
      fill={color}
      fontSize={MARK_TEXT}
    >
      {text}
    </text>
  );
}
