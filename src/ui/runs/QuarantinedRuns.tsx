import { downloadBlob } from '../download';
import { useAppStore } from '../store';
import { plural } from '../../core';
import { quarantinedFileName, quarantinedToJson, type QuarantinedRun } from './quarantine';
import { runKeeper } from './runKeeper';

function exportEntry(entry: QuarantinedRun): void {
  const blob = new Blob([quarantinedToJson(entry)], { type: 'application/json' });
  downloadBlob(blob, quarantinedFileName(entry));
}

/**
 * Stored runs this page could not read, set aside by name with why: export one as stored (to
 * repair it and import it back) or delete it. Nothing is deleted without a click.
 */
export function QuarantinedRuns() {
  const quarantined = useAppStore((state) => state.runs.quarantined);
  if (quarantined.length === 0) return null;
  return (
    <div className="stale-note quarantined-runs" role="alert">
      <p>
        {plural(quarantined.length, 'stored run')} could not be read and{' '}
        {quarantined.length === 1 ? 'is' : 'are'} set aside (not shown, not lost):
      </p>
      <ul aria-label="Runs set aside">
        {quarantined.map((entry) => (
          <li key={entry.key}>
            {entry.name}: {entry.reason}.{' '}
            <button
              type="button"
              className="link"
              onClick={() => exportEntry(entry)}
              aria-label={`Export ${entry.name} as stored`}
            >
              Export as stored
            </button>{' '}
            <button
              type="button"
              className="link"
              onClick={() => void runKeeper.deleteQuarantined(entry.key)}
              aria-label={`Delete ${entry.name}`}
            >
              Delete
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
