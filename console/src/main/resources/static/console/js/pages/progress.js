/**
 * Rectification progress (整治进展): per responsible unit (open, overdue, reported fixed, verified, on-time rate),
 * the completion rate per class, the year's burn-down, then the problems themselves, 限时解决 first.
 */
import { h, show, field, select, num } from '../dom.js';
import { t, term } from '../i18n.js';
import { get } from '../api.js';
import { homeArea } from '../auth.js';
import { defaultYear, yearOptions } from '../areas.js';
import { simpleTable, pagedTable } from '../table.js';
import { stackedBars, lines } from '../charts.js';
import { navigate } from '../app.js';
import { problemColumns, problemLoader } from './ledger.js';

const DAY = 24 * 3600 * 1000;

export async function render(view, params) {
  const area = params.area || homeArea();
  const year = params.year || String(defaultYear());
  const query = { checkYear: year, areaCode: area };
  const [units, completion, burnDown] = await Promise.all([
    get('/api/ledger/statistics/units', query),
    get('/api/ledger/statistics/completion', query),
    get('/api/ledger/statistics/burn-down', query),
  ]);
  const form = h('form', { class: 'filters', onsubmit: (event) => {
    event.preventDefault();
    navigate('progress', Object.fromEntries(new FormData(form)));
  } },
  field(t('app.area'), h('input', { name: 'area', value: area, inputmode: 'numeric', size: 14 })),
  field(t('app.year'), select('year', yearOptions(), year)),
  h('button', { type: 'submit' }, t('app.search')));

  const byClass = (rectificationClass) => pagedTable({
    id: `progress-${rectificationClass}`, caption: term('class', rectificationClass), columns: problemColumns(),
    load: problemLoader({ areaCode: area, checkYear: year, class: rectificationClass }), pageSize: 20,
  });
  const timeLimited = byClass('TIME_LIMITED');
  const bestEffort = byClass('BEST_EFFORT');

  show(view,
    h('h1', {}, t('progress.title')),
    form,
    h('div', { class: 'row' },
      h('section', { class: 'card' }, h('h2', {}, t('progress.units')), unitsTable(units),
        units.length ? stackedBars(t('progress.units'), units.map((u) => u.unit),
          [{ key: 'overdue', name: t('progress.overdue'), colour: '#d64545' },
            { key: 'openOnTime', name: t('progress.open'), colour: '#f0b429' },
            { key: 'fixed', name: t('progress.fixed'), colour: '#4098d7' },
            { key: 'verified', name: t('progress.verified'), colour: '#3a9d5d' }],
          units.map((u) => ({ ...u, openOnTime: u.open - u.overdue }))) : null),
      h('section', { class: 'card' }, h('h2', {}, t('progress.burndown')), burnDownChart(burnDown),
        h('h2', {}, t('progress.completion')), completionTable(completion))),
    h('section', { class: 'card' }, h('h2', {}, t('progress.timeLimited')), timeLimited.element),
    h('section', { class: 'card' }, h('h2', {}, t('progress.bestEffort')), bestEffort.element));
  timeLimited.reload();
  bestEffort.reload();
}

function unitsTable(units) {
  return simpleTable([
    { key: 'unit', label: t('ledger.unit') },
    { key: 'open', label: t('progress.open'), numeric: true },
    { key: 'overdue', label: t('progress.overdue'), numeric: true, render: (u) => h('span', { class: u.overdue ? 'overdue' : null }, u.overdue) },
    { key: 'fixed', label: t('progress.fixed'), numeric: true },
    { key: 'verified', label: t('progress.verified'), numeric: true },
    { key: 'onTimeRate', label: t('progress.onTimeRate'), numeric: true, render: (u) => percent(u.onTimeRate) },
  ], units, t('progress.units'));
}

function completionTable(rows) {
  return simpleTable([
    { key: 'rectificationClass', label: t('ledger.class'), render: (r) => term('class', r.rectificationClass) },
    { key: 'total', label: t('projects.totals'), numeric: true },
    { key: 'completed', label: t('progress.verified'), numeric: true },
    { key: 'rate', label: t('progress.completion'), numeric: true, render: (r) => percent(r.rate) },
  ], rows, t('progress.completion'));
}

/** Open problems at each week's end, and the straight line to none a year after the first week. */
function burnDownChart(burnDown) {
  if (!burnDown.weeks.length) return h('p', { class: 'muted' }, t('table.empty'));
  const open = burnDown.weeks.map((w) => [w.week, w.open]);
  const start = new Date(burnDown.weeks[0].week).getTime();
  const peak = Math.max(...burnDown.weeks.map((w) => w.open));
  const ideal = [[new Date(start).toISOString().slice(0, 10), peak], [new Date(start + 365 * DAY).toISOString().slice(0, 10), 0]];
  return lines(t('progress.burndown'), [
    { name: t('progress.openLine'), data: open },
    { name: t('progress.ideal'), data: ideal, dashed: true },
  ]);
}

function percent(rate) {
  return rate === null || rate === undefined ? '—' : `${num(Number(rate) * 100)}%`;
}
