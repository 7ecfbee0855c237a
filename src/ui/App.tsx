import { SchedulePanel } from './schedule/SchedulePanel';
import { ScheduleExplorer } from './schedule/ScheduleExplorer';

/** The page: controls on the left, charts on the right. */
export function App() {
  return (
    <div className="app">
      <header className="app-header">
        <h1>LR Playground</h1>
        <p>See what the learning rate does: shape a schedule and watch its curve.</p>
      </header>
      <main className="layout">
        <aside className="controls">
          <SchedulePanel />
        </aside>
        <div className="charts">
          <ScheduleExplorer />
        </div>
      </main>
    </div>
  );
}
