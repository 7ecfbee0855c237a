import { ChanceLossWatch } from '../../core';
import type { EngineEvent } from '../../worker/contract';
import { keepTrainingRun } from '../runs/liveRuns';
import { specToDraft } from '../schedule/scheduleDraft';
import { appendRangeTest, appendTraining, trainingSeries } from '../series/runSeries';
import { sameSpec } from '../share/scheduleParams';
import { useAppStore } from '../store';
import { endRangeTestSweep } from './rangeTestSweeps';

/*
 * Where the engine's events land: the store, the live series and the kept runs.
 */

/** Watches the current training run's loss for a divergence that stays finite (set per run). */
let chanceWatch: ChanceLossWatch | null = null;

/** A new training run on `numClasses` classes: its loss is watched against chance from here. */
export function watchChanceLoss(numClasses: number): void {
  chanceWatch = new ChanceLossWatch(numClasses);
}

/** A function that asks for a chart redraw, coalesced to one per animation frame. */
function frameBumper(): () => void {
  let queued = false;
  return () => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => {
      queued = false;
      useAppStore.getState().bumpSeries();
    });
  };
}

/** Writes one engine event into the store and the live series. */
function onEvent(event: EngineEvent, scheduleBump: () => void): void {
  const store = useAppStore.getState();
  switch (event.type) {
    case 'rangeTestProgress':
      appendRangeTest(event);
      scheduleBump();
      break;
    case 'rangeTestEnd':
      endRangeTestSweep(event);
      scheduleBump();
      break;
    case 'trainProgress': {
      appendTraining(event);
      const aboveChance = chanceWatch?.feed(event.fromIdx, event.loss) ?? null;
      store.setTraining({
        numIterationsDone: event.fromIdx + event.loss.length,
        numIterationsPlanned: event.totalIterations,
        epochIdx: event.epochIdx,
        samplesPerSec: event.samplesPerSec,
        ...(aboveChance && !store.training.aboveChance ? { aboveChance } : {}),
      });
      scheduleBump();
      break;
    }
    case 'validation':
      trainingSeries.validations.push(event);
      store.setTraining({ lastValidation: event });
      scheduleBump();
      break;
    case 'test':
      store.setTraining({ test: event });
      break;
    case 'scheduleChanged': {
      const { iteration, spec, totalIterations } = event;
      const kept = store.training.scheduleChanges.filter((change) => change.iteration < iteration);
      store.setTraining({
        scheduleChanges: [...kept, { iteration, spec }],
        numIterationsPlanned: totalIterations,
      });
      // A replayed change (an opened link's run) shows in the form, as the user's own would.
      const planned = store.training.ranWith?.plannedChanges ?? [];
      if (planned.some((p) => p.iteration === iteration && sameSpec(p.spec, spec))) {
        store.updateDraft(specToDraft(spec, store.draft));
      }
      scheduleBump();
      break;
    }
    case 'trainState':
      store.setTraining({
        status: event.state === 'ended' ? 'ended' : event.state,
        ...(event.state === 'ended'
          ? { endReason: event.reason ?? null, message: event.message ?? null }
          : {}),
      });
      if (event.state === 'ended') keepTrainingRun(event);
      break;
  }
}

/** One handler for every engine event, with chart redraws coalesced to one per frame. */
export function engineEventSink(): (event: EngineEvent) => void {
  const scheduleBump = frameBumper();
  return (event) => onEvent(event, scheduleBump);
}
