import { describeSchemaError, runFileSchema, type RunRecord } from './runRecord';

export type RunFileResult = { ok: true; record: RunRecord } | { ok: false; error: string };

/**
 * Reads an exported run file back, checking every field: a bad file gets one message that
 * names the problem and where it is (`run.series.loss.3: must be a number …`).
 */
export function parseRunFile(text: string): RunFileResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, error: `The file is not valid JSON (${reason}).` };
  }
  const parsed = runFileSchema.safeParse(json);
  if (!parsed.success) return { ok: false, error: describeSchemaError(parsed.error) };
  return { ok: true, record: parsed.data.run };
}
