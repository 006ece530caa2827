import type { Request } from 'express';
import busboy from 'busboy';
import type { Readable } from 'node:stream';
import { AppError } from '../errors/app-error';

export interface IncomingFile {
  filename: string;
  mimeType: string;
  stream: Readable;
}

/**
 * Streams the single `file` part of a multipart request to `consume`, never buffering it whole.
 * Other fields arrive in `fields` (they must come before the file part in the form).
 */
export function receiveFile<T>(
  req: Request,
  consume: (file: IncomingFile, fields: Record<string, string>) => Promise<T>,
): Promise<T> {
  if (!req.is('multipart/form-data')) {
    return Promise.reject(new AppError('unsupported_media_type', 'Send the file as multipart/form-data in a field named "file"'));
  }
  return new Promise<T>((resolve, reject) => {
    const fields: Record<string, string> = {};
    let handled = false;
    let bb: busboy.Busboy;
    try {
      bb = busboy({ headers: req.headers, limits: { files: 1, fields: 20, fieldSize: 64 * 1024 } });
    } catch {
      return reject(new AppError('bad_request', 'Malformed multipart request'));
    }
    bb.on('field', (name, value) => { fields[name] = value; });
    bb.on('file', (name, stream, info) => {
      if (name !== 'file' || handled) {
        stream.resume();
        return;
      }
      handled = true;
      consume({ filename: info.filename ?? 'upload', mimeType: info.mimeType, stream }, fields).then(resolve, (err) => {
        stream.resume();
        reject(err);
      });
    });
    bb.on('error', () => reject(new AppError('bad_request', 'The upload was interrupted or malformed')));
    bb.on('close', () => {
      if (!handled) reject(new AppError('bad_request', 'No file was sent: use a form field named "file"'));
    });
    req.pipe(bb);
  });
}
