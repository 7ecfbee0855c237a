import { useState } from 'react';
import { FASTAI_SMOOTHING, type SmoothingRule } from '../../core';
import { formatStartedAt } from '../format';
import { downloadBlob } from '../download';
import { useAppStore } from '../store';
import { exportFileName, runToCsv, runToJson } from './runExport';
import { runKeeper } from './runKeeper';
import { runSummary } from './runList';
import type { RunRecord } from './runRecord';
import { ScheduleChangeList } from './ScheduleChangeList';

interface KeptRunItemProps {
  run: RunRecord;
  /** Its colour on the charts, when shown. */
  color: string | undefined;
  unsaved: boolean;
  onDelete: (run: RunRecord) => void;
}

function download(run: RunRecord, format: 'csv' | 'json', rangeTestBeta: number): void {
  // The smoothed loss is the one the charts draw: beta 0.98 for training, the slider's for tests.
  const smoothing: SmoothingRule =
    run.kind === 'training'
      ? FASTAI_SMOOTHING
      : { rule: 'fastai-debiased-ema', beta: rangeTestBeta };
  const text = format === 'csv' ? runToCsv(run, smoothing) : runToJson(run);
  const type = format === 'csv' ? 'text/csv' : 'application/json';
  downloadBlob(new Blob([text], { type }), exportFileName(run, format));
}

/** One kept run: show it on the charts, rename, pin, export or delete it. */
export function KeptRunItem({ run, color, unsaved, onDelete }: KeptRunItemProps) {
  const [editing, setEditing] = useState(false);
  const rangeTestBeta = useAppStore((state) => state.rangeTest.smoothing);
  const finishRename = (name: string | null) => {
    setEditing(false);
    const trimmed = name?.trim();
    if (trimmed && trimmed !== run.name) void runKeeper.update(run.id, { name: trimmed });
  };
  const started = formatStartedAt(run.startedAt);

  return (
    <li className={`kept-run${run.pinned ? ' kept-run-pinned' : ''}`} data-testid="kept-run">
      <div className="kept-run-head">
        <input
          type="checkbox"
          checked={run.shown}
          onChange={(event) => void runKeeper.update(run.id, { shown: event.target.checked })}
          aria-label={`Show ${run.name} on the charts`}
          title="Show on the charts"
        />
        <span
          className="kept-run-swatch"
          style={{ background: color ?? 'transparent' }}
          aria-hidden="true"
        />
        {editing ? (
          <input
            className="kept-run-name-input"
            defaultValue={run.name}
            aria-label="New name"
            autoFocus
            onBlur={(event) => finishRename(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter') finishRename(event.currentTarget.value);
              if (event.key === 'Escape') finishRename(null);
            }}
          />
        ) : (
          <span className="kept-run-name">{run.name}</span>
        )}
        {run.pinned ? (
          <span className="kept-run-pin" title="Pinned">
            pinned
          </span>
        ) : null}
      </div>
      <p className="kept-run-meta" title={run.message}>
        {runSummary(run)} · {started}
      </p>
      {run.kind === 'training' ? <ScheduleChangeList changes={run.scheduleChanges} /> : null}
      {unsaved ? (
        <p className="kept-run-unsaved">Not saved in this browser: export it to keep it.</p>
      ) : null}
      <div className="kept-run-actions">
        <button
          type="button"
          className="link"
          onClick={() => setEditing(true)}
          aria-label={`Rename ${run.name}`}
        >
          Rename
        </button>
        <button
          type="button"
          className="link"
          onClick={() => void runKeeper.update(run.id, { pinned: !run.pinned })}
          aria-label={`${run.pinned ? 'Unpin' : 'Pin'} ${run.name}`}
        >
          {run.pinned ? 'Unpin' : 'Pin'}
        </button>
        <button
          type="button"
          className="link"
          onClick={() => download(run, 'csv', rangeTestBeta)}
          aria-label={`Export ${run.name} as CSV`}
        >
          CSV
        </button>
        <button
          type="button"
          className="link"
          onClick={() => download(run, 'json', rangeTestBeta)}
          aria-label={`Export ${run.name} as JSON`}
        >
          JSON
        </button>
        <button
          type="button"
          className="link kept-run-delete"
          onClick={() => onDelete(run)}
          aria-label={`Delete ${run.name}`}
        >
          Delete
        </button>
      </div>
    </li>
  );
}
