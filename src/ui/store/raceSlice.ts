import type { StateCreator } from 'zustand';
import type { ValidationResult } from '../../worker/contract';
import type { OptimizerLegSchedule, RaceLength } from '../race/raceLegs';
import { DEFAULT_POLICY_LEG_IDS, type PolicyLegId } from '../sessionChoices';

/** The suggestion race trains from each distinct suggestion of the last range test. */
export type RaceKind = 'policy' | 'optimizer' | 'suggestion';

/** waiting → (rangeTest →) training → done / diverged / cancelled / failed. */
export type RaceLegStatus =
  'waiting' | 'rangeTest' | 'training' | 'done' | 'diverged' | 'cancelled' | 'failed';

export interface RaceLeg {
  id: string;
  label: string;
  /** The schedule the leg trains with, in words; for an optimizer leg, known after its range test. */
  detail: string;
  status: RaceLegStatus;
  /** Every validation of the leg, once it has ended (the running leg's live in the training series). */
  validations: ValidationResult[];
  numIterations: number;
  /** Training time of the leg (its range test not included). */
  wallMs: number | null;
  /** Why it diverged, failed or was cancelled. */
  message: string | null;
  /** A suggestion race's leg: the bounds "Use this" puts into the schedule form. */
  bounds?: { maxLr: number; baseLr: number };
}

export interface RaceSlice {
  race: {
    kind: RaceKind;
    length: RaceLength;
    /** Target validation accuracy in percent; null: the dataset's default. */
    targetPercent: number | null;
    /** Policy race: the legs that run (all by default; a teaching preset may pick two). */
    policyLegIds: PolicyLegId[];
    /** Optimizer race: what each range-tested leg trains with between its own bounds. */
    legSchedule: OptimizerLegSchedule;
    /** Suggestion race: each suggestion also as a fixed LR. */
    alsoFixed: boolean;
    status: 'idle' | 'running' | 'done';
    /** What the legs below raced, which may differ from `kind` once the user switches. */
    ranKind: RaceKind | null;
    legs: RaceLeg[];
    currentLegIdx: number | null;
    /** Training steps per leg of the current (or last) race. */
    numLegIterations: number;
    cancelRequested: boolean;
  };
  setRace: (change: Partial<RaceSlice['race']>) => void;
  updateRaceLeg: (legIdx: number, change: Partial<RaceLeg>) => void;
}

export const createRaceSlice: StateCreator<RaceSlice> = (set) => ({
  race: {
    kind: 'policy',
    length: { unit: 'epochs', value: 1 },
    targetPercent: null,
    policyLegIds: [...DEFAULT_POLICY_LEG_IDS],
    legSchedule: 'triangular',
    alsoFixed: false,
    status: 'idle',
    ranKind: null,
    legs: [],
    currentLegIdx: null,
    numLegIterations: 0,
    cancelRequested: false,
  },
  setRace: (change) => set((state) => ({ race: { ...state.race, ...change } })),
  updateRaceLeg: (legIdx, change) =>
    set((state) => ({
      race: {
        ...state.race,
        legs: state.race.legs.map((leg, i) => (i === legIdx ? { ...leg, ...change } : leg)),
      },
    })),
});
