import type { LabelProps } from 'recharts';

/** Label size on the range-test chart, and roughly how wide one of its characters is. */
export const MARK_TEXT = 12;
const CHAR_WIDTH = 0.6 * MARK_TEXT;

/**
 * A region's name at the top of its band, or its short name when the full one does not fit,
 * or nothing: a name wider than its band would run into its neighbour's.
 */
export function RegionLabel({
  viewBox,
  names,
}: {
  viewBox: LabelProps['viewBox'];
  /** Longest first. */
  names: readonly string[];
}) {
  if (!viewBox || !('width' in viewBox)) return null;
  const { x, y, width } = viewBox;
  const name = names.find((text) => text.length * CHAR_WIDTH + 6 <= width);
  if (!name) return null;
  return (
    <text
      className="range-test-region-label"
      x={x + width / 2}
      y={y + MARK_TEXT + 2}
      textAnchor="middle"
      fill="#5b6778"
      fontSize={MARK_TEXT}
    >
      {name}
    </text>
  );
}
