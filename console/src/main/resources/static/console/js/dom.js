/** Small helpers to build the DOM without a framework. */

/**
 * Makes an element: h('button', {type: 'button', onclick: fn}, 'text', child...).
 * Attributes starting with "on" become listeners; null and false children are skipped.
 */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.slice(2), value);
    } else if (name === 'dataset') {
      Object.assign(element.dataset, value);
    } else if (value === true) {
      element.setAttribute(name, '');
    } else {
      element.setAttribute(name, String(value));
    }
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return element;
}

/** Replaces what an element shows. */
export function show(element, ...children) {
  element.replaceChildren(...children.flat().filter((child) => child !== null && child !== undefined && child !== false));
  return element;
}

/** A labelled form field: the label wraps the control, so screen readers name it. */
export function field(label, control) {
  return h('label', {}, label, control);
}

/** A <select> of [value, text] pairs with the given value selected. */
export function select(name, options, value) {
  return h('select', { name, id: name },
    options.map(([optionValue, text]) => h('option', { value: optionValue, selected: String(optionValue) === String(value ?? '') }, text)));
}

/** A short message in the corner; bad ones are red. */
export function toast(message, bad = false) {
  const box = document.getElementById('toast');
  const line = h('div', { class: bad ? 'bad' : '' }, message);
  box.append(line);
  setTimeout(() => line.remove(), 6000);
}

/** Formats a number the Chinese way (thousands separators), keeping up to two decimals. */
export function num(value) {
  if (value === null || value === undefined || value === '') return '—';
  const n = Number(value);
  return Number.isFinite(n) ? n.toLocaleString('zh-CN', { maximumFractionDigits: 2 }) : String(value);
}

/** A date-time as local "2026-03-15 09:30". */
export function when(value) {
  if (!value) return '—';
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return String(value);
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
