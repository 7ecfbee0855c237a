/**
 * Lets queued messages (pause, stop, progress reads) run between training steps. A macrotask,
 * not requestAnimationFrame (paused in hidden tabs) and not setTimeout (clamped to 4 ms when
 * nested): a MessageChannel round trip costs microseconds in workers and in Node alike.
 */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
