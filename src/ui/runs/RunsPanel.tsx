import { useEffect, useRef, useState } from 'react';
import { useAppStore } from '../store';
import { KeptRunItem } from './KeptRunItem';
import { QuarantinedRuns } from './QuarantinedRuns';
import { runKeeper } from './runKeeper';
import { sortRuns } from './runList';
import { overlayColors } from './runOverlays';
import type { RunRecord } from './runRecord';

/**
 * Every range test and training run this browser has kept: show any of them on the charts,
 * rename, pin, export (CSV, JSON) or delete them, and import an exported run back.
 */
export function RunsPanel() {
  const { list, unsaved, loaded, storageError, crashNote, importNote } = useAppStore(
    (state) => state.runs,
  );
  const [deleted, setDeleted] = useState<RunRecord | null>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    void runKeeper.load();
  }, []);
  const colors = overlayColors(list);

  const remove = (run: RunRecord) => {
    setDeleted(run);
    void runKeeper.remove(run.id);
  };
  // One after another (each import reads the list the one before it left); every file's note
  // is kept, so one refused file among many is not hidden by the next one's success.
  const importFiles = async (files: File[]) => {
    const notes: { ok: boolean; text: string }[] = [];
    for (const file of files) {
      await runKeeper.importFile(file.name, await file.text());
      const note = useAppStore.getState().runs.importNote;
      if (note) notes.push(note);
    }
    if (notes.length < 2) return;
    const ok = notes.every((note) => note.ok);
    const text = notes.map((note) => note.text).join(' ');
    useAppStore.getState().setRuns({ importNote: { ok, text } });
  };

  return (
    <section className="panel runs-panel" aria-labelledby="runs-heading">
      <h2 id="runs-heading">Kept runs</h2>
      <p className="field-hint">
        Every range test and training run is kept in this browser. Tick one to draw it beside the
        live run.
      </p>
      {storageError ? (
        <div className="stale-note runs-storage-error" role="alert">
          {storageError}{' '}
          <button type="button" className="link" onClick={runKeeper.dismissStorageError}>
            Dismiss
          </button>
        </div>
      ) : null}
      {crashNote ? (
        <div className="stale-note runs-crash-note" role="alert">
          {crashNote}{' '}
          <button type="button" className="link" onClick={runKeeper.dismissCrashNote}>
            Dismiss
          </button>
        </div>
      ) : null}
      <QuarantinedRuns />
      {!loaded ? (
        <p className="field-hint">Reading kept runs…</p>
      ) : list.length === 0 ? (
        <p className="field-hint">No runs kept yet.</p>
      ) : (
        <ul className="kept-runs" aria-label="Kept runs">
          {sortRuns(list).map((run) => (
            <KeptRunItem
              key={run.id}
              run={run}
              color={colors.get(run.id)}
              unsaved={unsaved.includes(run.id)}
              onDelete={remove}
            />
          ))}
        </ul>
      )}
      {deleted ? (
        <p className="field-hint" role="status">
          Deleted “{deleted.name}”.{' '}
          <button
            type="button"
            className="link"
            onClick={() => {
              void runKeeper.keep(deleted);
              setDeleted(null);
            }}
          >
            Undo
          </button>
        </p>
      ) : null}
      <div className="button-row">
        <button type="button" className="secondary" onClick={() => fileRef.current?.click()}>
          Import JSON…
        </button>
        <input
          ref={fileRef}
          type="file"
          accept=".json,application/json"
          multiple
          hidden
          aria-label="Run file to import"
          onChange={(event) => {
            const files = [...(event.target.files ?? [])];
            event.target.value = '';
            void importFiles(files);
          }}
        />
      </div>
      {importNote ? (
        <p
          className={importNote.ok ? 'field-hint' : 'field-message'}
          role={importNote.ok ? 'status' : 'alert'}
        >
          {importNote.text}
        </p>
      ) : null}
    </section>
  );
}
