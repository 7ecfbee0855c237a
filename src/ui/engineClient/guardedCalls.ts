/**
 * A view of a remote object whose method calls reject once `end` is called (those in flight
 * then, and any made after). A Comlink call to a worker that has died is never answered;
 * without this, whatever awaits it (a race, a training run) waits forever.
 */
export function callsRejectedWhen<T extends object>(
  remote: T,
): { guarded: T; end: (reason: Error) => void } {
  let endedWith: Error | null = null;
  let rejectInFlight: (reason: Error) => void = () => {};
  const ended = new Promise<never>((_resolve, reject) => {
    rejectInFlight = reject;
  });
  // Nobody may be waiting when it ends: that is no unhandled rejection.
  ended.catch(() => {});
  const guarded = new Proxy(remote, {
    get(target, key) {
      const value: unknown = Reflect.get(target, key);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) =>
        endedWith
          ? Promise.reject(endedWith)
          : Promise.race([Promise.resolve(Reflect.apply(value, target, args)), ended]);
    },
  });
  const end = (reason: Error) => {
    endedWith ??= reason;
    rejectInFlight(reason);
  };
  return { guarded, end };
}
