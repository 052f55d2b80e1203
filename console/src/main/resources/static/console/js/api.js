/**
 * Calls the platform's APIs through the gateway with the signed-in user's token. Errors come back as
 * problem+json; they are thrown as ApiError with the service's message (in the console's language).
 */
import { token, signOut } from './auth.js';
import { lang } from './i18n.js';

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.code = problem?.code;
    this.problem = problem;
  }
}

function headers(extra = {}) {
  const all = { 'Accept-Language': lang() === 'en' ? 'en' : 'zh-CN', ...extra };
  const current = token();
  if (current) all.Authorization = `Bearer ${current}`;
  return all;
}

/** A path with its query: empty parameters are left out. */
export function url(path, params = {}) {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && value !== '') query.append(name, value);
  }
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}

async function send(path, options = {}) {
  const response = await fetch(path, { ...options, headers: headers(options.headers) });
  if (response.status === 401) {
    signOut();
    location.hash = '#/signin';
  }
  if (!response.ok) {
    let problem = null;
    try { problem = await response.json(); } catch (e) { /* not JSON */ }
    throw new ApiError(response.status, problem);
  }
  return response;
}

export async function get(path, params) {
  const response = await send(url(path, params));
  return response.json();
}

/** A paged list: the body is the page, X-Total-Count the number of all matches. */
export async function getPage(path, params) {
  const response = await send(url(path, params));
  const items = await response.json();
  const total = Number(response.headers.get('X-Total-Count') ?? items.length);
  return { items, total };
}

/** GET with its ETag, for a later If-Match. */
export async function getVersioned(path) {
  const response = await send(path);
  return { body: await response.json(), etag: response.headers.get('ETag') };
}

export async function post(path, body, extraHeaders = {}) {
  return write('POST', path, body, extraHeaders);
}

export async function patch(path, body, extraHeaders = {}) {
  return write('PATCH', path, body, extraHeaders);
}

async function write(method, path, body, extraHeaders) {
  const response = await send(path, {
    method,
    headers: { 'Content-Type': 'application/json', ...extraHeaders },
    body: JSON.stringify(body ?? {}),
  });
  const text = await response.text();
  return text ? JSON.parse(text) : null;
}

/** Posts a file as the request body (intake's submissions take the file itself, not a form). */
export async function upload(path, file, contentType) {
  const response = await send(path, { method: 'POST', headers: { 'Content-Type': contentType }, body: file });
  return { status: response.status, body: await response.json() };
}

/** Fetches a file with the token and hands it to the browser as a download. */
export async function download(path, params, fallbackName) {
  const response = await send(url(path, params));
  const blob = await response.blob();
  const disposition = response.headers.get('Content-Disposition') || '';
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  const name = encoded ? decodeURIComponent(encoded[1]) : plain ? plain[1] : fallbackName;
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}
