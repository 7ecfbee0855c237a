import { trainingSeries } from '../series/runSeries';
import { useAppStore } from '../store';
import type { RaceLeg } from '../store/raceSlice';
import { useSeriesMemo } from '../charts/useSeriesMemo';

/**
 * The race's legs with the running leg's validations read live from the training series (a
 * leg's own list is filled when it ends), refreshed on every series bump.
 */
export function useRaceLegs(): RaceLeg[] {
  const legs = useAppStore((state) => state.race.legs);
  const seriesVersion = useAppStore((state) => state.seriesVersion);
  const live = useSeriesMemo(seriesVersion, () => [...trainingSeries.validations]);
  return legs.map((leg) => (leg.status === 'training' ? { ...leg, validations: live } : leg));
}
