import type { ScheduleChange, ScheduleSpec } from '../../core';
import type { RangeTestConfig, RunLength, SessionConfig } from '../../worker/contract';

/**
 * What a run started with, recorded by the action that starts it: the forms may change while it
 * runs, and what it ran with is what the charts read it by and what is kept when it ends.
 */
export interface RunStart {
  /** The id its kept record takes, so a run is kept once however its end is reported. */
  id: string;
  /** `Date.now()` as it started. */
  startedAt: number;
  session: SessionConfig;
}

export interface RangeTestRanWith extends RunStart {
  config: RangeTestConfig;
}

export interface TrainingRanWith extends RunStart {
  schedule: ScheduleSpec;
  /** The length asked for: the Training panel's, or a race leg's own. */
  length: RunLength;
  /** The kept run's name when the starter gives one (a race leg: its row in the race table). */
  name?: string;
  /** Changes the engine was asked to replay at their iterations (an opened link's run). */
  plannedChanges?: ScheduleChange[];
}
