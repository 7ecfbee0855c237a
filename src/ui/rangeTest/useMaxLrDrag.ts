import { useRef, type PointerEvent } from 'react';
import type { PlotBox } from '../charts/PlotAreaProbe';
import { useAppStore } from '../store';
import { boundsFromMaxLr } from './rangeTestAnalysis';

/**
 * Click or drag on the range-test plot to set Max LR (and Base LR = Max LR / ratio): the
 * pointer's x read on the chart's log LR axis. A press outside the plot area does nothing; a
 * drag that leaves it clamps to the nearest end.
 */
export function useMaxLrDrag(domain: [number, number]) {
  const ratio = useAppStore((state) => state.rangeTest.ratio);
  const updateDraft = useAppStore((state) => state.updateDraft);
  const plotAreaRef = useRef<PlotBox | null>(null);
  const draggingRef = useRef(false);

  const setMaxFromPointer = (event: PointerEvent<HTMLDivElement>, clamp: boolean): boolean => {
    const area = plotAreaRef.current;
    if (!area || area.width <= 0) return false;
    const rect = event.currentTarget.getBoundingClientRect();
    const x = event.clientX - rect.left - area.x;
    const y = event.clientY - rect.top - area.y;
    if (!clamp && (x < 0 || x > area.width || y < 0 || y > area.height)) return false;
    const fraction = Math.min(1, Math.max(0, x / area.width));
    const [lo, hi] = domain.map(Math.log10);
    updateDraft(boundsFromMaxLr(10 ** (lo + fraction * (hi - lo)), ratio));
    return true;
  };

  const handlers = {
    onPointerDown: (event: PointerEvent<HTMLDivElement>) => {
      if (event.button !== 0 || !setMaxFromPointer(event, false)) return;
      draggingRef.current = true;
      event.currentTarget.setPointerCapture(event.pointerId);
    },
    onPointerMove: (event: PointerEvent<HTMLDivElement>) => {
      if (draggingRef.current) setMaxFromPointer(event, true);
    },
    onPointerUp: () => {
      draggingRef.current = false;
    },
    onPointerCancel: () => {
      draggingRef.current = false;
    },
  };
  return { plotAreaRef, handlers };
}
