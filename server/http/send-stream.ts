import type { Response } from 'express';
import type { Readable } from 'node:stream';

/** Streams a readable into the response; an error mid-way aborts the response rather than truncating silently. */
export function sendStream(res: Response, stream: Readable): Promise<void> {
  return new Promise((resolve, reject) => {
    stream.on('error', (err) => {
      res.destroy(err);
      reject(err);
    });
    res.on('finish', resolve);
    res.on('close', resolve);
    stream.pipe(res);
  });
}
