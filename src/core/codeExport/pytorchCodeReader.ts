import type { PyValue, TorchCalls } from './pytorchScheduler';
import { WSD_MULTIPLIER } from './pytorchWsd';

/**
 * Reads the torch calls back out of exported PyTorch code: the keyword arguments of
 * `torch.optim.<Optimizer>(model.parameters(), …)` (or Schedule-Free's or Prodigy's) and of `torch.optim.lr_scheduler.<Name>(…)`,
 * or of `transformers.get_wsd_schedule(optimizer, …)`. A `LambdaLR` reads only as the WSD
 * export's `wsd_multiplier(…)`, which takes get_wsd_schedule's keywords.
 * It reads the export's own shape (keyword arguments with literal values), not any Python.
 */
export function readPyTorchCode(code: string): TorchCalls {
  const source = stripComments(code);
  const optimizer = findCall(source, /(?:torch\.optim|schedulefree|prodigyopt)\.(\w+)\(/g);
  if (!optimizer) throw new Error('no torch.optim optimizer call found');
  const [params, ...allOptimizerArgs] = splitArgs(optimizer.body);
  // Adam's betas=(β1, β2) is a tuple, and no schedule reads it: only lr and momentum matter here.
  const optimizerArgs = allOptimizerArgs.filter((arg) => !/^betas\s*=/.test(arg));
  if (params !== 'model.parameters()') {
    throw new Error(`the optimizer's first argument should be model.parameters(), got ${params}`);
  }
  const scheduler =
    findCall(source, /torch\.optim\.lr_scheduler\.(\w+)\(/g) ??
    findCall(source, /transformers\.(get_wsd_schedule)\(/g);
  if (!scheduler) return { optimizerArgs: keywordArgs(optimizerArgs), scheduler: null };
  const [target, ...schedulerArgs] = splitArgs(scheduler.body);
  if (target !== 'optimizer') {
    throw new Error(`${scheduler.name}'s first argument should be optimizer, got ${target}`);
  }
  const wsd = scheduler.name === 'LambdaLR' ? wsdMultiplierArgs(schedulerArgs) : null;
  return {
    optimizerArgs: keywordArgs(optimizerArgs),
    scheduler: wsd
      ? { name: 'get_wsd_schedule', args: wsd }
      : { name: scheduler.name, args: keywordArgs(schedulerArgs) },
  };
}

/** The keywords of `LambdaLR(optimizer, wsd_multiplier(…))`, the one LambdaLR the export writes; else null. */
function wsdMultiplierArgs(args: readonly string[]): Record<string, PyValue> | null {
  if (args.length !== 1) return null;
  const inner = findCall(args[0], new RegExp(`^(${WSD_MULTIPLIER})\\(`, 'g'));
  return inner ? keywordArgs(splitArgs(inner.body)) : null;
}

/** Drops `# …` to the end of each line, keeping `#` inside string literals. */
function stripComments(code: string): string {
  let out = '';
  let quote: string | null = null;
  for (let i = 0; i < code.length; i++) {
    const char = code[i];
    if (quote) {
      if (char === quote) quote = null;
    } else if (char === '"' || char === "'") {
      quote = char;
    } else if (char === '#') {
      while (i < code.length && code[i] !== '\n') i++;
      out += '\n';
      continue;
    }
    out += char;
  }
  return out;
}

/** The first call matching `opener` (whose group 1 is the name) and the text inside its parentheses. */
function findCall(source: string, opener: RegExp): { name: string; body: string } | null {
  const match = opener.exec(source);
  if (!match) return null;
  const start = match.index + match[0].length;
  let depth = 1;
  for (let i = start; i < source.length; i++) {
    if (source[i] === '(') depth++;
    if (source[i] === ')') depth--;
    if (depth === 0) return { name: match[1], body: source.slice(start, i) };
  }
  throw new Error(`${match[1]}( is never closed`);
}

/** Top-level, comma-separated arguments, trimmed; a trailing comma adds nothing. */
function splitArgs(body: string): string[] {
  const args: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of body) {
    if (char === '(' || char === '[') depth++;
    if (char === ')' || char === ']') depth--;
    if (char === ',' && depth === 0) {
      args.push(current.trim());
      current = '';
    } else {
      current += char;
    }
  }
  if (current.trim()) args.push(current.trim());
  return args;
}

function keywordArgs(args: readonly string[]): Record<string, PyValue> {
  const result: Record<string, PyValue> = {};
  for (const arg of args) {
    const match = /^(\w+)\s*=\s*(.+)$/s.exec(arg);
    if (!match) throw new Error(`expected a keyword argument (name=value), got ${arg}`);
    result[match[1]] = literal(match[2].trim(), match[1]);
  }
  return result;
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

function literal(text: string, name: string): PyValue {
  if (text === 'True') return true;
  if (text === 'False') return false;
  if (text === 'None') return null;
  if (NUMBER.test(text)) return Number(text);
  const quoted = /^"([^"]*)"$|^'([^']*)'$/.exec(text);
  if (quoted) return quoted[1] ?? quoted[2];
  throw new Error(`${name}=${text} is not a number, string, True, False or None`);
}
