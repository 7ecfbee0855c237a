import { useEffect } from 'react';
import { loadKeptDatasets } from './datasets/keptDatasets';
import { useDatasetDrop } from './datasets/useDatasetDrop';
import { startEngine } from './engineClient/engineActions';
import { CodeExportPanel } from './export/CodeExportPanel';
import { ChartTabs } from './layout/ChartTabs';
import { PanelBoundary } from './layout/PanelBoundary';
import { RunBar } from './layout/RunBar';
import { TeachingNotes } from './layout/TeachingNotes';
import { useSpaceTogglesPause } from './layout/useSpaceTogglesPause';
import { RangeTestPanel } from './panels/RangeTestPanel';
import { SessionPanel } from './panels/SessionPanel';
import { StatusBar } from './panels/StatusBar';
import { TrainingPanel } from './panels/TrainingPanel';
import { PresetsPanel } from './presets/PresetsPanel';
import { RacePanel } from './race/RacePanel';
import { RangeTestChart } from './rangeTest/RangeTestChart';
import { RangeTestSuggestions } from './rangeTest/RangeTestSuggestions';
import { runKeeper } from './runs/runKeeper';
import { RunsPanel } from './runs/RunsPanel';
import { SchedulePanel } from './schedule/SchedulePanel';
import { ControlsToggle } from './share/ControlsToggle';
import { LinkMessages } from './share/LinkMessages';
import { LinkReplayNote } from './share/LinkReplayNote';
import { useLinkSync } from './share/linkSync';
import { ShareLink } from './share/ShareLink';
import { SnapshotPanel } from './snapshots/SnapshotPanel';
import { useAppStore } from './store';
import { TrainingCharts } from './training/TrainingCharts';

/**
 * The page on one screen: the run bar on top; the range-test verdict and the schedule on the
 * left, then the settings that need a new run; the range-test and live charts together on the
 * right; teaching text and the status below. Every part sits in a boundary of its own, so a
 * crash in one leaves the others working (RootBoundary, in main.tsx, catches the rest).
 */
export function App() {
  useLinkSync();
  useSpaceTogglesPause();
  useDatasetDrop();
  const controlsHidden = useAppStore((state) => state.share.controlsHidden);
  // Once a run has started the range-test chart shrinks to one tile beside the live charts.
  const compact = useAppStore((state) => state.training.status !== 'idle');
  useEffect(() => {
    void startEngine();
    void loadKeptDatasets();
  }, []);

  return (
    <div className="app">
      <header className="app-header">
        <h1>LR Playground</h1>
        <PanelBoundary name="Page header">
          <ShareLink />
          <ControlsToggle />
        </PanelBoundary>
      </header>
      <PanelBoundary name="Run bar">
        <RunBar />
      </PanelBoundary>
      <PanelBoundary name="Link messages">
        <LinkMessages />
      </PanelBoundary>
      <PanelBoundary name="Link replay note">
        <LinkReplayNote />
      </PanelBoundary>
      <main className={controlsHidden ? 'layout layout-charts-only' : 'layout'}>
        <aside className="controls" id="controls-column" hidden={controlsHidden}>
          <PanelBoundary name="Suggestions">
            <RangeTestSuggestions />
          </PanelBoundary>
          <PanelBoundary name="Schedule">
            <SchedulePanel />
          </PanelBoundary>
          <PanelBoundary name="Data and model">
            <SessionPanel />
          </PanelBoundary>
          <PanelBoundary name="Range test settings">
            <RangeTestPanel />
          </PanelBoundary>
          <PanelBoundary name="Training">
            <TrainingPanel />
          </PanelBoundary>
          <PanelBoundary name="Presets">
            <PresetsPanel />
          </PanelBoundary>
          <PanelBoundary name="Kept runs">
            <RunsPanel />
          </PanelBoundary>
        </aside>
        <div className="charts">
          <ChartTabs
            views={{
              train: (
                <>
                  <div className={compact ? 'core-charts' : 'core-charts core-charts-before-run'}>
                    <PanelBoundary
                      name="Range test chart"
                      onCrash={() => runKeeper.hideShownAfterCrash('Range test chart')}
                    >
                      <RangeTestChart compact={compact} />
                    </PanelBoundary>
                    <PanelBoundary
                      name="Training charts"
                      onCrash={() => runKeeper.hideShownAfterCrash('Training charts')}
                    >
                      <TrainingCharts />
                    </PanelBoundary>
                  </div>
                  <PanelBoundary name="Snapshot ensembles">
                    <SnapshotPanel />
                  </PanelBoundary>
                </>
              ),
              race: (
                <PanelBoundary name="Race">
                  <RacePanel />
                </PanelBoundary>
              ),
              code: (
                <PanelBoundary name="Code export">
                  <CodeExportPanel />
                </PanelBoundary>
              ),
            }}
          />
        </div>
      </main>
      <PanelBoundary name="Teaching notes">
        <TeachingNotes />
      </PanelBoundary>
      <PanelBoundary name="Status bar">
        <StatusBar />
      </PanelBoundary>
    </div>
  );
}
