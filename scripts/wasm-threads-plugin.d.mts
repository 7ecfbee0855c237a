export const THREADED_FACTORY_FILE: string;
export function rewriteThreadedFactory(code: string, id: string): string | null;
export function wasmThreadsPlugin(): {
  name: string;
  transform(code: string, id: string): { code: string; map: null } | null;
};
