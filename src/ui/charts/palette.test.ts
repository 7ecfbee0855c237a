import { describe, expect, it } from 'vitest';
import { SUGGESTION_COLORS } from '../rangeTest/suggestionColors';
import { LEG_COLORS, OVERLAY_COLORS, SERIES_COLORS } from './palette';

/** WCAG 2.1 relative luminance of an sRGB colour written #rrggbb. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

// The charts sit on white cards and on the page's panel grey (--panel in layout.css).
const BACKGROUNDS = ['#ffffff', '#f6f8fb'];

const palettes: Record<string, Record<string, string>> = {
  series: SERIES_COLORS,
  overlays: Object.fromEntries(OVERLAY_COLORS.entries()),
  raceLegs: Object.fromEntries(LEG_COLORS.entries()),
  suggestions: SUGGESTION_COLORS,
};

describe('chart palette', () => {
  it('measures contrast by the WCAG formula', () => {
    // The formula's two fixed points: black on white is 21:1, a colour on itself 1:1.
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#5a86d8', '#5a86d8')).toBe(1);
  });

  for (const [name, palette] of Object.entries(palettes)) {
    for (const [key, color] of Object.entries(palette)) {
      for (const background of BACKGROUNDS) {
        it(`${name} ${key} (${color}) has at least 3:1 contrast on ${background}`, () => {
          expect(contrast(color, background)).toBeGreaterThanOrEqual(3);
        });
      }
    }
  }
});
