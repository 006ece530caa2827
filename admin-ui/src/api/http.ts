import { fetchUtils, HttpError } from 'react-admin';
import { session } from '../auth/session';

export interface ApiFieldIssue {
  path: string;
  message: string;
}

/** The server's error shape: `{ code, message, fields?, requestId }`. */
export interface ApiErrorBody {
  code?: string;
  message?: string;
  fields?: ApiFieldIssue[];
  requestId?: string;
  [key: string]: unknown;
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * react-admin shows `body.errors[path]` under the matching input and `errors.root.serverError`
 * as the form's notification, so the server's field issues are reshaped into that form.
 */
function formErrors(body: ApiErrorBody): Record<string, unknown> | undefined {
  if (!body.fields?.length) return undefined;
  const errors: Record<string, unknown> = { root: { serverError: body.message } };
  for (const { path, message } of body.fields) {
    if (!path || path === '(root)') continue;
    const keys = path.split('.');
    let node = errors;
    keys.slice(0, -1).forEach((k) => {
      node[k] = typeof node[k] === 'object' && node[k] !== null ? node[k] : {};
      node = node[k] as Record<string, unknown>;
    });
    node[keys[keys.length - 1]] ??= message;
  }
  return errors;
}

/** How an API error code is said in the reader's language; nothing until the i18n provider says how. */
let errorCodeWords: (code: string) => string | undefined = () => undefined;
export function sayErrorCodesWith(words: (code: string) => string | undefined): void {
  errorCodeWords = words;
}

/**
 * A failed call's message: the server words it in English, so for a reader of another language
 * its code is said first in theirs, with the server's precise words after it.
 */
export function apiErrorMessage(body: ApiErrorBody, fallback: string): string {
  const message = body.message ?? fallback;
  const words = body.code ? errorCodeWords(body.code) : undefined;
  return words ? `${words} (${message})` : message;
}

function toApiError(err: unknown): unknown {
  if (!(err instanceof HttpError)) {
    // fetch itself failed: the server is unreachable.
    return new HttpError('app.errors.network', 0, { code: 'network' });
  }
  const body = (err.body ?? {}) as ApiErrorBody;
  const errors = formErrors(body);
  const message = apiErrorMessage(body, err.message);
  return errors || message !== err.message ? new HttpError(message, err.status, errors ? { ...body, errors } : body) : err;
}

/** The one way the UI talks to the API: same-origin cookie, JSON, and the CSRF token on changes. */
export async function httpClient(url: string, options: fetchUtils.Options = {}) {
  const headers = new Headers(options.headers ?? {});
  if (!headers.has('Accept')) headers.set('Accept', 'application/json');
  const method = (options.method ?? 'GET').toUpperCase();
  if (UNSAFE.has(method)) {
    if (!headers.has('Content-Type')) headers.set('Content-Type', 'application/json');
    const token = session.csrfToken();
    if (token) headers.set('X-CSRF-Token', token);
  }
  try {
    return await fetchUtils.fetchJson(url, { ...options, method, headers, credentials: 'same-origin' });
  } catch (err) {
    throw toApiError(err);
  }
}

/** A JSON call to `/api<path>` returning the parsed body (undefined for 204). */
export async function apiCall<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
  const { json } = await httpClient(`/api${path}`, {
    method,
    body: body === undefined ? (UNSAFE.has(method) ? '{}' : undefined) : JSON.stringify(body),
  });
  return json as T;
}

/** The message to show for a failed call: the server's own words, or a translation key. */
export function errorMessage(err: unknown): string {
  if (err instanceof HttpError) return err.message || 'ra.notification.http_error';
  if (err instanceof Error) return err.message;
  return 'ra.notification.http_error';
}
