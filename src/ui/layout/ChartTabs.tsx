import { useRef, type KeyboardEvent, type ReactNode } from 'react';
import { useAppStore } from '../store';
import { CHART_TABS, type ChartTab } from '../store/layoutSlice';

const LABELS: Record<ChartTab, string> = {
  train: 'Range test & training',
  race: 'Race',
  code: 'Code export',
};

/**
 * The charts column as tabs (the ARIA tabs pattern: arrow keys, Home and End move between
 * them). Every view stays mounted, so a race or a chart keeps its state while another shows.
 */
export function ChartTabs({ views }: { views: Record<ChartTab, ReactNode> }) {
  const active = useAppStore((state) => state.chartTab);
  const setChartTab = useAppStore((state) => state.setChartTab);
  const raceRunning = useAppStore((state) => state.race.status === 'running');
  const tabRefs = useRef<Partial<Record<ChartTab, HTMLButtonElement | null>>>({});

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const idx = CHART_TABS.indexOf(active);
    const next =
      event.key === 'ArrowRight'
        ? CHART_TABS[(idx + 1) % CHART_TABS.length]
        : event.key === 'ArrowLeft'
          ? CHART_TABS[(idx + CHART_TABS.length - 1) % CHART_TABS.length]
          : event.key === 'Home'
            ? CHART_TABS[0]
            : event.key === 'End'
              ? CHART_TABS[CHART_TABS.length - 1]
              : null;
    if (!next) return;
    event.preventDefault();
    setChartTab(next);
    tabRefs.current[next]?.focus();
  };

  return (
    <>
      <div className="chart-tabs" role="tablist" aria-label="Views" onKeyDown={onKeyDown}>
        {CHART_TABS.map((tab) => (
          <button
            key={tab}
            ref={(element) => {
              tabRefs.current[tab] = element;
            }}
            type="button"
            role="tab"
            id={`chart-tab-${tab}`}
            aria-selected={tab === active}
            aria-controls={`chart-view-${tab}`}
            tabIndex={tab === active ? 0 : -1}
            className={tab === active ? 'chart-tab active' : 'chart-tab'}
            onClick={() => setChartTab(tab)}
          >
            {LABELS[tab]}
            {tab === 'race' && raceRunning ? <span className="tab-badge"> (running)</span> : null}
          </button>
        ))}
      </div>
      {CHART_TABS.map((tab) => (
        <div
          key={tab}
          role="tabpanel"
          id={`chart-view-${tab}`}
          aria-labelledby={`chart-tab-${tab}`}
          className="chart-view"
          hidden={tab !== active}
        >
          {views[tab]}
        </div>
      ))}
    </>
  );
}
