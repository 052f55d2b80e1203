/**
 * The problem ledger (问题台账): filters kept in the address (area subtree, year, dimension, class, status,
 * unit, overdue), a table paged and sorted on the server, and the problem and suggestion lists as CSV or XLSX.
 */
import { h, show, field, select, toast } from '../dom.js';
import { t, term, lang } from '../i18n.js';
import { getPage, download } from '../api.js';
import { homeArea } from '../auth.js';
import { defaultYear, yearOptions } from '../areas.js';
import { pagedTable } from '../table.js';
import { navigate } from '../app.js';

export const DIMENSIONS = ['HOUSING', 'COMMUNITY', 'BLOCK', 'CITY'];
export const CLASSES = ['TIME_LIMITED', 'BEST_EFFORT'];
export const STATUSES = ['IDENTIFIED', 'CONFIRMED', 'ASSIGNED', 'IN_PROGRESS', 'REPORTED_FIXED', 'VERIFIED', 'REOPENED', 'DISMISSED'];

/** The ledger's filters from the page's parameters, with the user's area and last year as defaults. */
function filtersFrom(params) {
  return {
    area: params.area || homeArea() || '',
    year: params.year || String(defaultYear()),
    dimension: params.dimension || '',
    class: params.class || '',
    status: params.status || '',
    unit: params.unit || '',
    overdue: params.overdue || '',
  };
}

/** The ledger API's query for the filters. */
export function ledgerQuery(filters) {
  return {
    areaCode: filters.area, checkYear: filters.year, dimension: filters.dimension, class: filters.class,
    status: filters.status, unit: filters.unit, overdue: filters.overdue,
  };
}

/** Columns of a problem table; shared with the progress page. */
export function problemColumns() {
  return [
    { key: 'indicator', label: t('ledger.indicator'), sortable: true,
      render: (p) => h('a', { href: `#/problem/${p.id}`, class: 'problem-link' }, `${p.indicatorCode} ${p.indicatorNameZh}`) },
    { key: 'area', label: t('ledger.area'), sortable: true, render: (p) => p.rectificationArea || p.areaCode },
    { key: 'description', label: t('ledger.description'), render: (p) => p.description },
    { key: 'class', label: t('ledger.class'), sortable: true,
      render: (p) => h('span', { class: `badge class-${p.rectificationClass}` }, term('class', p.rectificationClass)) },
    { key: 'status', label: t('ledger.status'), sortable: true, render: (p) => term('status', p.status) },
    { key: 'unit', label: t('ledger.unit'), sortable: true, render: (p) => p.responsibleUnit || '—' },
    { key: 'deadline', label: t('ledger.deadline'), sortable: true,
      render: (p) => (p.deadline ? h('span', { class: p.overdue ? 'overdue' : null }, p.deadline) : '—') },
  ];
}

/** Loads one page of problems: the table's sort goes to the API as sort=deadline,desc. */
export function problemLoader(query) {
  return ({ page, size, sort }) => getPage('/api/ledger/problems', {
    ...query, page, size, sort: sort ? `${sort.key},${sort.dir}` : '',
  });
}

export async function render(view, params) {
  const filters = filtersFrom(params);
  const form = h('form', { class: 'filters card', id: 'ledger-filters', onsubmit: (event) => {
    event.preventDefault();
    navigate('ledger', Object.fromEntries(new FormData(form)));
  } },
  field(t('app.area'), h('input', { name: 'area', id: 'area', value: filters.area, inputmode: 'numeric', size: 14 })),
  field(t('app.year'), select('year', yearOptions(), filters.year)),
  field(t('ledger.dimension'), select('dimension', [['', t('app.all')], ...DIMENSIONS.map((d) => [d, term('dimension', d)])], filters.dimension)),
  field(t('ledger.class'), select('class', [['', t('app.all')], ...CLASSES.map((c) => [c, term('class', c)])], filters.class)),
  field(t('ledger.status'), select('status', [['', t('app.all')], ...STATUSES.map((s) => [s, term('status', s)])], filters.status)),
  field(t('ledger.unit'), h('input', { name: 'unit', id: 'unit', value: filters.unit, size: 10 })),
  field(t('ledger.overdue'), select('overdue', [['', t('app.all')], ['true', t('app.yes')], ['false', t('app.no')]], filters.overdue)),
  h('button', { type: 'submit', id: 'ledger-search' }, t('app.search')),
  h('button', { type: 'button', class: 'secondary', onclick: () => navigate('ledger', {}) }, t('app.reset')));

  const table = pagedTable({ id: 'ledger-table', caption: t('ledger.title'), columns: problemColumns(),
    load: problemLoader(ledgerQuery(filters)), pageSize: 50 });

  show(view, h('h1', {}, t('ledger.title')), form, exports(filters), h('section', { class: 'card' }, table.element));
  table.reload();
}

/** 问题清单 and 整治建议清单 of the chosen dimension, as XLSX or CSV. */
function exports(filters) {
  const button = (kind, format) => h('button', {
    type: 'button', class: 'secondary', 'data-export': `${kind}-${format}`,
    onclick: () => {
      if (!filters.dimension) {
        toast(t('ledger.exportNeedsDimension'), true);
        return;
      }
      download(`/api/ledger/lists/${kind}`, {
        checkYear: filters.year, dimension: filters.dimension, areaCode: filters.area, format, lang: lang() === 'en' ? 'en' : '',
      }, `${kind}.${format}`).catch((e) => toast(e.message, true));
    },
  }, `${t(kind === 'problems' ? 'ledger.exportProblems' : 'ledger.exportSuggestions')} ${format.toUpperCase()}`);
  return h('div', { class: 'actions card' }, h('span', {}, t('ledger.export'), ':'),
    button('problems', 'xlsx'), button('problems', 'csv'), button('suggestions', 'xlsx'), button('suggestions', 'csv'));
}
