import { useRef, useState, type KeyboardEvent } from 'react';
import {
  DEFAULT_RANGE_TEST_SCRIPT,
  errorMessage,
  rangeTestScript,
  type RangeTestConfig,
  type RangeTestScriptFlavour,
} from '../../core';
import { kerasCode, pytorchCode, type ExportOptions } from '../../core/codeExport';
import { ASSUMED_TRAIN_SIZE, iterationsPerEpoch } from '../schedule/epochInfo';
import { draftToSpec } from '../schedule/scheduleDraft';
import { useAppStore } from '../store';

const LANGUAGES = [
  { id: 'pytorch', label: 'PyTorch', file: 'lr_schedule_pytorch.py' },
  { id: 'keras', label: 'Keras', file: 'lr_schedule_keras.py' },
  { id: 'range-test', label: 'Range test', file: 'lr_range_test.py' },
] as const;
type LanguageIdx = 0 | 1 | 2;

const FLAVOURS: Record<RangeTestScriptFlavour, { label: string; file: string }> = {
  pytorch: { label: 'PyTorch script', file: 'lr_range_test.py' },
  keras: { label: 'Keras callback', file: 'lr_range_test_keras.py' },
};

/** The range test as Python with the page's sweep, stop and repeats (the engine's stop β, 0.98). */
function rangeTestCode(config: RangeTestConfig, flavour: RangeTestScriptFlavour): string {
  try {
    return rangeTestScript(
      {
        ...config,
        smoothingBeta: DEFAULT_RANGE_TEST_SCRIPT.smoothingBeta,
        repeats: config.repeats,
      },
      flavour,
    );
  } catch (error) {
    return `# ${errorMessage(error)}\n# Fix the range-test settings to export it.`;
  }
}

/**
 * The current schedule as ready-to-paste PyTorch or Keras code with the session's optimizer:
 * the same LR per batch as the preview. Copy it or download it as a .py file.
 */
export function CodeExportPanel() {
  const spec = useAppStore((state) => state.lastValidSpec);
  const stale = useAppStore((state) => !draftToSpec(state.draft).ok);
  const optimizer = useAppStore((state) => state.session.optimizer);
  const optimizerOptions = useAppStore((state) => state.session.optimizerOptions);
  const batchSize = useAppStore((state) => state.session.batchSize);
  const ranWith = useAppStore((state) => state.training.ranWith);
  const changes = useAppStore((state) => state.training.scheduleChanges);
  const trainSize = useAppStore((state) => state.engine.dataset?.trainSize ?? ASSUMED_TRAIN_SIZE);
  const rangeTestConfig = useAppStore((state) => state.rangeTest.config);
  const [languageIdx, setLanguageIdx] = useState<LanguageIdx>(0);
  const [flavour, setFlavour] = useState<RangeTestScriptFlavour>('pytorch');
  const [message, setMessage] = useState<string | null>(null);
  const codeRef = useRef<HTMLPreElement>(null);
  const tabRefs = useRef<(HTMLButtonElement | null)[]>([]);

  const tab = LANGUAGES[languageIdx];
  const isRangeTest = tab.id === 'range-test';
  const language = isRangeTest
    ? { ...tab, label: `range test (${FLAVOURS[flavour].label})`, file: FLAVOURS[flavour].file }
    : tab;
  const options: ExportOptions = {
    optimizer,
    optimizerOptions,
    batchSize,
    iterationsPerEpoch: iterationsPerEpoch(trainSize, batchSize),
    ...(ranWith && changes.length > 0 ? { history: { initial: ranWith.schedule, changes } } : {}),
  };
  const code = isRangeTest
    ? rangeTestCode(rangeTestConfig, flavour)
    : (tab.id === 'pytorch' ? pytorchCode : kerasCode)(spec, options);

  const choose = (idx: LanguageIdx) => {
    setLanguageIdx(idx);
    setMessage(null);
  };

  /** Arrow keys move between the tabs (the ARIA tabs pattern). */
  const onTabKey = (event: KeyboardEvent<HTMLButtonElement>, idx: LanguageIdx) => {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    event.preventDefault();
    const step = event.key === 'ArrowRight' ? 1 : LANGUAGES.length - 1;
    const next = ((idx + step) % LANGUAGES.length) as LanguageIdx;
    choose(next);
    tabRefs.current[next]?.focus();
  };

  const selectCode = () => {
    const node = codeRef.current;
    const selection = globalThis.getSelection?.();
    if (!node || !selection) return;
    selection.selectAllChildren(node);
  };

  const copy = async () => {
    try {
      if (!navigator.clipboard) throw new Error('no clipboard access');
      await navigator.clipboard.writeText(code);
      setMessage(`Copied the ${language.label} code.`);
    } catch {
      selectCode();
      setMessage('The browser did not allow copying: the code is selected, press Ctrl+C (⌘C).');
    }
  };

  const download = () => {
    const url = URL.createObjectURL(new Blob([code], { type: 'text/x-python' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = language.file;
    link.click();
    URL.revokeObjectURL(url);
    setMessage(`Saved ${language.file}.`);
  };

  return (
    <section className="code-export" aria-labelledby="code-export-heading">
      <div className="toolbar">
        <h2 id="code-export-heading">{isRangeTest ? 'Range test as code' : 'Schedule as code'}</h2>
        <div className="code-export-tabs" role="tablist" aria-label="Language">
          {LANGUAGES.map((entry, idx) => (
            <button
              key={entry.id}
              ref={(node) => {
                tabRefs.current[idx] = node;
              }}
              type="button"
              role="tab"
              id={`code-export-tab-${entry.id}`}
              aria-selected={idx === languageIdx}
              aria-controls="code-export-code"
              tabIndex={idx === languageIdx ? 0 : -1}
              onClick={() => choose(idx as LanguageIdx)}
              onKeyDown={(event) => onTabKey(event, idx as LanguageIdx)}
            >
              {entry.label}
            </button>
          ))}
        </div>
        <button type="button" className="secondary" onClick={() => void copy()}>
          Copy code
        </button>
        <button type="button" className="secondary" onClick={download}>
          Download .py
        </button>
      </div>
      {isRangeTest ? (
        <p className="field-hint">
          <label htmlFor="code-export-flavour">For</label>{' '}
          <select
            id="code-export-flavour"
            value={flavour}
            onChange={(event) => {
              setFlavour(event.target.value === 'keras' ? 'keras' : 'pytorch');
              setMessage(null);
            }}
          >
            {(Object.keys(FLAVOURS) as RangeTestScriptFlavour[]).map((id) => (
              <option key={id} value={id}>
                {FLAVOURS[id].label}
              </option>
            ))}
          </select>{' '}
          Your own model, the page&apos;s sweep ({rangeTestConfig.numIter} iterations, stop at{' '}
          {rangeTestConfig.divergeFactor}× best, {rangeTestConfig.repeats}{' '}
          {rangeTestConfig.repeats === 1 ? 'repeat' : 'repeats'}) and the same suggestion rules;
          weights and optimizer restored afterwards.
        </p>
      ) : (
        <p className="field-hint">
          The same LR per batch as the preview, for the session&apos;s optimizer and batch size{' '}
          {batchSize}.
        </p>
      )}
      {stale && !isRangeTest ? (
        <p className="stale-note" role="status">
          Showing the last valid schedule until the highlighted field is fixed.
        </p>
      ) : null}
      <pre
        ref={codeRef}
        id="code-export-code"
        className="code-export-code"
        role="tabpanel"
        aria-labelledby={`code-export-tab-${language.id}`}
        tabIndex={0}
        data-testid="code-export-code"
      >
        <code>{code}</code>
      </pre>
      <p className="code-export-message" role="status">
        {message}
      </p>
    </section>
  );
}
