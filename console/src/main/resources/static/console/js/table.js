/**
 * A table that pages on the server and sorts by a column.
 *
 * pagedTable({columns, load, pageSize, caption}) returns {element, reload}. load({page, size, sort}) answers
 * {items, total}; sort is {key, dir} or null and is passed on to the API (the loader decides how). Columns:
 * {key, label, sortable, numeric, render(row) -> Node|string}.
 */
import { h, show } from './dom.js';
import { t } from './i18n.js';

export function pagedTable({ columns, load, pageSize = 50, caption, id }) {
  const state = { page: 0, size: pageSize, sort: null, total: 0 };
  const body = h('tbody');
  const head = h('thead');
  const status = h('span', { class: 'muted', 'aria-live': 'polite' });
  const prev = h('button', { type: 'button', class: 'secondary', onclick: () => go(state.page - 1) }, t('table.prev'));
  const next = h('button', { type: 'button', class: 'secondary', onclick: () => go(state.page + 1) }, t('table.next'));
  const table = h('table', { id }, caption ? h('caption', { class: 'visually-hidden' }, caption) : null, head, body);
  const element = h('div', { class: 'paged-table' }, table, h('div', { class: 'pager' }, prev, next, status));

  function header() {
    show(head, h('tr', {}, columns.map((column) => {
      const sorted = state.sort && state.sort.key === column.key;
      const ariaSort = sorted ? (state.sort.dir === 'asc' ? 'ascending' : 'descending') : null;
      const label = column.sortable
        ? h('button', { type: 'button', class: 'sort', onclick: () => sortBy(column.key) },
          column.label, sorted ? (state.sort.dir === 'asc' ? ' ▲' : ' ▼') : '')
        : column.label;
      return h('th', { scope: 'col', class: column.numeric ? 'num' : null, 'aria-sort': ariaSort }, label);
    })));
  }

  function sortBy(key) {
    const dir = state.sort && state.sort.key === key && state.sort.dir === 'asc' ? 'desc' : 'asc';
    state.sort = { key, dir };
    go(0);
  }

  async function go(page) {
    state.page = Math.max(0, page);
    header();
    status.textContent = t('app.loading');
    try {
      const { items, total } = await load({ page: state.page, size: state.size, sort: state.sort });
      state.total = total;
      show(body, items.length
        ? items.map((row) => h('tr', {}, columns.map((column) => h('td', { class: column.numeric ? 'num' : null },
          column.render ? column.render(row) : (row[column.key] ?? '—')))))
        : h('tr', {}, h('td', { colspan: columns.length, class: 'muted' }, t('table.empty'))));
      const pages = Math.max(1, Math.ceil(total / state.size));
      status.textContent = t('table.page', { page: state.page + 1, pages, total });
      prev.disabled = state.page === 0;
      next.disabled = state.page + 1 >= pages;
    } catch (e) {
      status.textContent = t('app.error', { message: e.message });
      status.classList.add('error');
    }
  }

  return { element, reload: () => go(0), refresh: () => go(state.page) };
}

/** A plain table of all rows (short lists: per unit, per type). */
export function simpleTable(columns, rows, caption) {
  return h('table', {},
    caption ? h('caption', { class: 'visually-hidden' }, caption) : null,
    h('thead', {}, h('tr', {}, columns.map((c) => h('th', { scope: 'col', class: c.numeric ? 'num' : null }, c.label)))),
    h('tbody', {}, rows.length
      ? rows.map((row) => h('tr', {}, columns.map((c) => h('td', { class: c.numeric ? 'num' : null },
        c.render ? c.render(row) : (row[c.key] ?? '—')))))
      : h('tr', {}, h('td', { colspan: columns.length, class: 'muted' }, t('table.empty')))));
}
