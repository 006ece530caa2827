import { HttpError } from 'react-admin';
import { session } from '../auth/session';
import { apiErrorMessage } from './http';

export interface UploadProgress {
  loaded: number;
  total: number;
  /** 0..100 */
  percent: number;
}

export interface UploadHandle<T> {
  promise: Promise<T>;
  abort(): void;
}

/**
 * A multipart upload (field "file") with progress: fetch cannot report upload progress, so this
 * uses XMLHttpRequest, with the same cookie session, CSRF header and error shape as http.ts.
 */
export function uploadFile<T = unknown>(path: string, file: File, onProgress: (p: UploadProgress) => void): UploadHandle<T> {
  const xhr = new XMLHttpRequest();
  const promise = new Promise<T>((resolve, reject) => {
    xhr.open('POST', `/api${path}`);
    xhr.withCredentials = true;
    xhr.setRequestHeader('Accept', 'application/json');
    const token = session.csrfToken();
    if (token) xhr.setRequestHeader('X-CSRF-Token', token);
    xhr.upload.onprogress = (e) => {
      const total = e.lengthComputable ? e.total : file.size;
      onProgress({ loaded: e.loaded, total, percent: total ? Math.min(100, Math.round((e.loaded / total) * 100)) : 0 });
    };
    xhr.onload = () => {
      let body: Record<string, unknown> = {};
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : {};
      } catch {
        /* not JSON */
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(body as T);
      else reject(new HttpError(apiErrorMessage(body, xhr.statusText || 'Upload failed'), xhr.status, body));
    };
    xhr.onerror = () => reject(new HttpError('app.errors.network', 0, { code: 'network' }));
    xhr.onabort = () => reject(new HttpError('app.upload.cancelled', 0, { code: 'aborted' }));
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
  return { promise, abort: () => xhr.abort() };
}

/** "1.4 MB", in the interface language's number format. */
export function formatBytes(bytes: number | null | undefined, locale: string): string {
  if (bytes == null) return '';
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: unit === 0 ? 0 : 1 }).format(value)} ${units[unit]}`;
}
