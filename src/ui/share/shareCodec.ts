import type { BackendName } from '../../worker/contract';
import { BACKEND_NAMES } from '../sessionChoices';
import { quoted, readable, type LinkRejection } from './linkRejection';
import {
  decodeOptimizerOptions,
  encodeOptimizerOptions,
  OPTIMIZER_OPTION_PARAMS,
} from './optimizerParams';
import {
  decodeScheduleChanges,
  encodeScheduleChanges,
  isChangeParam,
} from './scheduleChangeParams';
import { compactSpec, decodeSchedule, SPEC_PARAMS } from './scheduleParams';
import { threadsFromUrl } from './urlSettings';
import type { ShareConfig } from './shareConfig';
import {
  decodeGroup,
  encodeGroup,
  paramsOf,
  rangeTestGroup,
  rangeTestViewGroup,
  sessionGroup,
  trainingGroup,
} from './urlFields';

/**
 * The configuration as URL query parameters, one per field, e.g.
 * `?dataset=mnist&…&policy=triangular&baseLr=0.016&maxLr=0.066&stepSize=430&…&trainUnit=epochs`:
 * the schedule as its spec's fields (`scheduleParams.ts`) and its mid-run changes
 * (`scheduleChangeParams.ts`), everything else from the table in
 * `urlFields.ts`, checked field by field so the valid parts of a damaged link are kept.
 */

export interface DecodedLink {
  config: ShareConfig;
  rejections: LinkRejection[];
}

const GROUP_PARAMS = [
  ...paramsOf(sessionGroup),
  ...OPTIMIZER_OPTION_PARAMS,
  ...paramsOf(rangeTestGroup),
  ...paramsOf(rangeTestViewGroup),
  ...paramsOf(trainingGroup),
];

/** Every parameter this page writes; any other parameter in the address is kept as it is. */
const OWN_PARAMS = new Set<string>([...GROUP_PARAMS, ...SPEC_PARAMS, 'backend', 'controls']);
const isOwnParam = (name: string) => OWN_PARAMS.has(name) || isChangeParam(name);

/** The configuration as query parameters, in a fixed order: session, schedule, sweep, view, length. */
export function encodeShareQuery(config: ShareConfig): URLSearchParams {
  const params = new URLSearchParams();
  encodeGroup(params, sessionGroup, config.session);
  encodeOptimizerOptions(params, config.session.optimizerOptions);
  for (const [field, value] of Object.entries(compactSpec(config.schedule))) {
    params.set(field, String(value));
  }
  encodeScheduleChanges(params, config.schedule, config.scheduleChanges);
  encodeGroup(params, rangeTestGroup, config.rangeTest);
  encodeGroup(params, rangeTestViewGroup, config.rangeTestView);
  encodeGroup(params, trainingGroup, config.training);
  return params;
}

/**
 * Reads a configuration from query parameters. A part the link does not mention is the
 * default, silently; a field it gets wrong is the default, with a rejection naming it. The
 * schedule is one spec: if the core rejects it, the whole schedule is the default.
 */
export function decodeShareQuery(params: URLSearchParams, defaults: ShareConfig): DecodedLink {
  const rejections: LinkRejection[] = [];
  const session = decodeGroup(params, sessionGroup, defaults.session, rejections);
  const optimizerOptions = decodeOptimizerOptions(params, session.optimizer, rejections);
  const schedule = decodeSchedule(params, defaults.schedule, rejections);
  const scheduleRead = !rejections.some((rejection) => rejection.field.startsWith('schedule'));
  const config: ShareConfig = {
    session: { ...session, optimizerOptions },
    schedule,
    // Changes of a schedule the page could not read would change another one.
    scheduleChanges: scheduleRead ? decodeScheduleChanges(params, schedule, rejections) : [],
    rangeTest: decodeGroup(params, rangeTestGroup, defaults.rangeTest, rejections),
    rangeTestView: decodeGroup(params, rangeTestViewGroup, defaults.rangeTestView, rejections),
    training: decodeGroup(params, trainingGroup, defaults.training, rejections),
  };
  return { config, rejections: readable([...duplicated(params), ...rejections]) };
}

/** A parameter given more than once: the page uses the first and says so. */
function duplicated(params: URLSearchParams): LinkRejection[] {
  const seen = new Set<string>();
  const rejections: LinkRejection[] = [];
  for (const name of params.keys()) {
    if (seen.has(name) || !(isOwnParam(name) || name === 'threads')) continue;
    seen.add(name);
    const values = params.getAll(name);
    if (values.length < 2) continue;
    rejections.push({
      field: name,
      reason: `is given ${values.length} times (${values.map(quoted).join(', ')})`,
      fallback: `using the first, ${quoted(values[0])}`,
    });
  }
  return rejections;
}

/** How the page is shown and run here, next to the configuration in its address. */
export interface PageOptions {
  backend: BackendName | 'auto';
  controlsHidden: boolean;
}

/**
 * Checks the page's own parameters: `controls=hidden` and `backend=` (which the session slice
 * reads at start-up; an unknown backend is reported here rather than dropped silently).
 */
export function decodePageParams(params: URLSearchParams): {
  controlsHidden: boolean;
  rejections: LinkRejection[];
} {
  const rejections: LinkRejection[] = [];
  const controls = params.get('controls');
  if (controls !== null && controls !== 'hidden' && controls !== 'shown') {
    rejections.push({
      field: 'controls',
      reason: `must be hidden or shown (got ${quoted(controls)})`,
      fallback: 'showing the controls',
    });
  }
  const backend = params.get('backend');
  if (backend !== null && !(BACKEND_NAMES as readonly string[]).includes(backend)) {
    rejections.push({
      field: 'backend',
      reason: `must be one of ${BACKEND_NAMES.join(', ')} (got ${quoted(backend)})`,
      fallback: 'using the best available backend',
    });
  }
  const threads = params.get('threads');
  if (threads !== null && threadsFromUrl(params) === 'auto') {
    rejections.push({
      field: 'threads',
      reason: `must be a whole number from 1 to 8 (got ${quoted(threads)})`,
      fallback: 'one thread per core',
    });
  }
  return { controlsHidden: controls === 'hidden', rejections: readable(rejections) };
}

/** The page's query: the configuration, then the page options, then anyone else's parameters. */
export function pageQuery(
  config: ShareConfig,
  options: PageOptions,
  current: URLSearchParams,
): string {
  const params = encodeShareQuery(config);
  if (options.backend !== 'auto') params.set('backend', options.backend);
  if (options.controlsHidden) params.set('controls', 'hidden');
  for (const [name, value] of current) if (!isOwnParam(name)) params.append(name, value);
  return params.toString();
}
