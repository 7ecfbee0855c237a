import { useEffect } from 'react';
import { startEngine } from './engine/engineActions';
import { RangeTestPanel } from './panels/RangeTestPanel';
import { SessionPanel } from './panels/SessionPanel';
import { StatusBar } from './panels/StatusBar';
import { TrainingPanel } from './panels/TrainingPanel';
import { RangeTestChart } from './rangeTest/RangeTestChart';
import { RangeTestSettings } from './rangeTest/RangeTestSettings';
import { RangeTestSuggestions } from './rangeTest/RangeTestSuggestions';
import { SchedulePanel } from './schedule/SchedulePanel';
import { ScheduleExplorer } from './schedule/ScheduleExplorer';
import { TrainingCharts } from './training/TrainingCharts';

/** The page: controls on the left in the order of the method, charts on the right, status below. */
export function App() {
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
      </header>
      <main className="layout">
        <aside className="controls">
          <SessionPanel />
          <RangeTestPanel />
          <RangeTestSettings />
          <RangeTestSuggestions />
          <SchedulePanel />
          <TrainingPanel />
        </aside>
        <div className="charts">
          <RangeTestChart />
          <ScheduleExplorer />
          <TrainingCharts />
        </div>
      </main>
      <StatusBar />
    </div>
  );
}
