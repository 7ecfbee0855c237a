import { describe, expect, it } from 'vitest';
import { chartHeightFor } from './useChartHeight';

describe('chart height for the window', () => {
  it('is the base height at 720 px and below, so the one-screen layout fits a projector', () => {
    expect(chartHeightFor({ width: 1280, height: 720 }, 180, 360)).toBe(180);
    expect(chartHeightFor({ width: 1280, height: 600 }, 180, 360)).toBe(180);
  });

  it('shares the extra height of a taller window between the two chart rows, up to the cap', () => {
    expect(chartHeightFor({ width: 1920, height: 1080 }, 180, 360)).toBe(360);
    expect(chartHeightFor({ width: 1600, height: 900 }, 180, 360)).toBe(270);
    expect(chartHeightFor({ width: 2560, height: 1440 }, 180, 360)).toBe(360);
  });

  it('keeps the base height in the one-column layout, where charts stack', () => {
    expect(chartHeightFor({ width: 768, height: 1024 }, 180, 360)).toBe(180);
    expect(chartHeightFor({ width: 390, height: 844 }, 180, 360)).toBe(180);
  });
});
