/**
 * Python literals for generated code. Numbers use JavaScript's shortest round-trip form,
 * which Python parses back to the same double, so the exported code computes with exactly
 * the values the preview uses.
 */

/** A float literal: `0.001`, `25.0`, `1e-7`. */
export function pyFloat(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`cannot write ${value} as a Python number`);
  const text = String(value);
  return /^-?\d+$/.test(text) ? `${text}.0` : text;
}

/** An int literal where the value is whole (`2000`), a float literal otherwise (`12.5`). */
export function pyNumber(value: number): string {
  return Number.isInteger(value) && Math.abs(value) < 1e21 ? String(value) : pyFloat(value);
}

export function pyBool(value: boolean): string {
  return value ? 'True' : 'False';
}

export function pyString(value: string): string {
  return JSON.stringify(value);
}
