import { useMemo } from 'react';

/**
 * Builds chart data from the training series once per series version: the buffers are mutated
 * in place outside React, so their version (bumped once a frame at most) is the only key.
 */
export function useSeriesMemo<T>(seriesVersion: number, build: () => T): T {
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the version stands for the mutable series
  return useMemo(() => build(), [seriesVersion]);
}
