import type { IncomingMessage } from 'node:http';

/**
 * A request body of at most maxBytes. Reading stops the moment the limit is passed (a declared
 * Content-Length over it is refused before reading at all): the caller answers 413 and the
 * connection closes, so a huge or endless chunked body is never read to its end.
 */
export function readLimitedBody(req: IncomingMessage, maxBytes: number): Promise<Buffer | 'too-large'> {
  if (Number(req.headers['content-length'] ?? 0) > maxBytes) return Promise.resolve('too-large');
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stopReading = () => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) {
        chunks.push(chunk);
        return;
      }
      stopReading();
      req.pause();
      resolve('too-large');
    };
    const onEnd = () => {
      stopReading();
      resolve(Buffer.concat(chunks));
    };
    const onError = (error: Error) => {
      stopReading();
      reject(error);
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
  });
}
