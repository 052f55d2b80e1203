/** Areas from the evaluation service's tree, cached for the session: names, levels, children. */
import { get } from './api.js';

const cache = new Map();

/** The area with its ancestors' codes and its first children: GET /api/evaluation/areas/{code}. */
export async function area(code) {
  if (!cache.has(code)) {
    cache.set(code, get(`/api/evaluation/areas/${code}`, { limit: 200 }).catch((e) => {
      cache.delete(code);
      throw e;
    }));
  }
  return cache.get(code);
}

/** The default check year: last year (the check of a year runs into the next). */
export function defaultYear() {
  return new Date().getFullYear() - 1;
}

/** Check years to pick from: the default and the four before it. */
export function yearOptions() {
  const last = defaultYear() + 1;
  return Array.from({ length: 6 }, (_, i) => last - i).map((y) => [y, String(y)]);
}
