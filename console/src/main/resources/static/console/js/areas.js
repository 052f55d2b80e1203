/** Areas from the evaluation service's tree, cached for the session: names, levels, children. */
import { get } from './api.js';

const cache = new Map();
const names = new Map();

/** The area with its ancestors' codes and its first children: GET /api/evaluation/areas/{code}. */
export async function area(code) {
  if (!cache.has(code)) {
    cache.set(code, get(`/api/evaluation/areas/${code}`, { limit: 200 }).then((found) => {
      names.set(found.area.code, found.area.nameZh);
      (found.children || []).forEach((child) => names.set(child.code, child.nameZh));
      return found;
    }).catch((e) => {
      cache.delete(code);
      throw e;
    }));
  }
  return cache.get(code);
}

/** An area's name if a page has read it already (from the area itself or its parent's children), else its code. */
export function knownName(code) {
  return names.get(code) || code;
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
