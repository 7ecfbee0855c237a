import { useEffect } from 'react';
import { startEngine } from './engineClient/engineActions';
import { CodeExportPanel } from './export/CodeExportPanel';
import { ChartTabs } from './layout/ChartTabs';
import { RangeTestPanel } from './panels/RangeTestPanel';
import { SessionPanel } from './panels/SessionPanel';
import { StatusBar } from './panels/StatusBar';
import { TrainingPanel } from './panels/TrainingPanel';
import { PresetsPanel } from './presets/PresetsPanel';
import { RacePanel } from './race/RacePanel';
import { RangeTestChart } from './rangeTest/RangeTestChart';
import { RangeTestSettings } from './rangeTest/RangeTestSettings';
import { RangeTestSuggestions } from './rangeTest/RangeTestSuggestions';
import { RunsPanel } from './runs/RunsPanel';
import { SchedulePanel } from './schedule/SchedulePanel';
import { ControlsToggle } from './share/ControlsToggle';
import { LinkMessages } from './share/LinkMessages';
import { useLinkSync } from './share/linkSync';
import { ShareLink } from './share/ShareLink';
import { SnapshotPanel } from './snapshots/SnapshotPanel';
import { useAppStore } from './store';
import { TrainingCharts } from './training/TrainingCharts';

/** The page: controls on the left in the order of the method, charts on the right, status below. */
export function App() {
  useLinkSync();
  const controlsHidden = useAppStore((state) => state.share.controlsHidden);
  useEffect(() => {
    void startEngine();
  }, []);

  return (
    <div className="app">
      <header className="app-header">
        <h1>LR Playground</h1>
        <p>
          1. Run a range test. 2. Set the bounds on its chart. 3. Train with a cyclical schedule and
          watch.
        </p>
        <ShareLink />
        <ControlsToggle />
      </header>
      <LinkMessages />
      <main className={controlsHidden ? 'layout layout-charts-only' : 'layout'}>
        <aside className="controls" id="controls-column" hidden={controlsHidden}>
          <PresetsPanel />
          <SessionPanel />
          <RangeTestPanel />
          <RangeTestSettings />
          <RangeTestSuggestions />
          <SchedulePanel />
          <TrainingPanel />
          <RunsPanel />
        </aside>
        <div className="charts">
          <ChartTabs
            views={{
              train: (
                <>
                  <RangeTestChart />
                  <TrainingCharts />
                  <SnapshotPanel />
                </>
              ),
              race: <RacePanel />,
              code: <CodeExportPanel />,
            }}
          />
        </div>
      </main>
      <StatusBar />
    </div>
  );
}
