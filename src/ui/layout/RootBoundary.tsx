import { Component, useState, type ErrorInfo, type ReactNode } from 'react';
import { errorMessage, plural } from '../../core';
import { downloadBlob } from '../download';
import { rescueFiles } from '../runs/rescueExport';
import { idbRunBackend } from '../runs/runStore';
import { useAppStore } from '../store';
import { FaultPoint } from './FaultPoint';

/**
 * The last net under the whole page: a crash no panel boundary caught (in the page's frame
 * itself) shows what went wrong, Reload, and an export of every kept run read straight from
 * storage, so that a page that will not come back never costs a kept run.
 */
export class RootBoundary extends Component<{ children: ReactNode }, { error: unknown }> {
  override state = { error: null as unknown };

  static getDerivedStateFromError(error: unknown): { error: unknown } {
    return { error: error ?? new Error('unknown error') };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error('The page crashed', error, info.componentStack);
  }

  override render() {
    if (this.state.error !== null) return <PageCrashed error={this.state.error} />;
    return <FaultPoint name="Page">{this.props.children}</FaultPoint>;
  }
}

/** Every run storage holds, exactly as stored, plus those in memory it never took. */
async function exportKeptRuns(): Promise<string> {
  let stored: [string, unknown][] = [];
  let unreadable = '';
  try {
    stored = await idbRunBackend().readAll();
  } catch (error) {
    unreadable = ` Storage could not be read (${errorMessage(error)}), so only the runs in memory were exported.`;
  }
  const files = rescueFiles(stored, useAppStore.getState().runs.list);
  for (const file of files) {
    downloadBlob(new Blob([file.text], { type: 'application/json' }), file.fileName);
  }
  if (files.length === 0) return `No kept runs to export.${unreadable}`;
  return `Exported ${plural(files.length, 'kept run')}, one file each: Import JSON (several files at once) reads them back.${unreadable}`;
}

function PageCrashed({ error }: { error: unknown }) {
  const [note, setNote] = useState<string | null>(null);
  return (
    <main className="page-crashed" role="alert" aria-label="The page stopped">
      <h1>LR Playground stopped</h1>
      <p>
        The page stopped working: {errorMessage(error)}. Your kept runs are still stored in this
        browser, and Reload usually brings the page back; export them first if you want a copy.
      </p>
      <div className="button-row">
        <button type="button" onClick={() => window.location.reload()}>
          Reload
        </button>
        <button
          type="button"
          className="secondary"
          onClick={() => void exportKeptRuns().then(setNote)}
        >
          Export kept runs
        </button>
      </div>
      {note ? <p role="status">{note}</p> : null}
    </main>
  );
}
