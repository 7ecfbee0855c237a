/** True when the bytes start with the gzip magic number (1f 8b). */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/** Unzips with the standard DecompressionStream, present in workers, browsers and Node 20 alike. */
export async function gunzip(bytes: Uint8Array): Promise<Uint8Array> {
  // Streams take no views of shared memory: copy in that (unlikely) case rather than cast.
  const chunk =
    bytes.buffer instanceof ArrayBuffer
      ? new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength)
      : bytes.slice();
  const input = new ReadableStream<Uint8Array<ArrayBuffer>>({
    start(controller) {
      controller.enqueue(chunk);
      controller.close();
    },
  });
  const output = input.pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(output).arrayBuffer());
}
