/**
 * The check at a glance: an area's indicators by dimension and category (core ones first) with verdict,
 * standard, gap and the trend against last year; bar and radar charts per dimension; the areas below,
 * coloured by their failing indicators, to drill down city → district → street → community → compound → building.
 */
import { h, show, num, select, field } from '../dom.js';
import { t, term } from '../i18n.js';
import { get } from '../api.js';
import { homeArea, user } from '../auth.js';
import { area, knownName, defaultYear, yearOptions } from '../areas.js';
import { stackedBars, radar, failureMap } from '../charts.js';
import { navigate } from '../app.js';

const DIMENSIONS = ['HOUSING', 'COMMUNITY', 'BLOCK', 'CITY'];

export async function render(view, params) {
  const code = withinUserAreas(params.area) ? params.area : homeArea();
  const year = Number(params.year) || defaultYear();
  const [place, results, children] = await Promise.all([
    area(code),
    get(`/api/evaluation/areas/${code}/results`, { checkYear: year }),
    get(`/api/evaluation/areas/${code}/children/verdicts`, { checkYear: year }),
  ]);
  const scorecard = place.area.level === 'CITY' ? await get(`/api/evaluation/scorecards/${code}/${year}`) : null;
  const rows = indicatorRows(scorecard, results);
  const dims = DIMENSIONS.map((dimension) => ({ dimension, ...count(rows.filter((r) => r.dimension === dimension)) }));
  const all = count(rows);
  const open = (next) => navigate('scorecard', { area: next, year });

  show(view,
    h('h1', {}, t('scorecard.title', { area: place.area.nameZh, year })),
    h('div', { class: 'filters' },
      field(t('app.year'), yearPicker(year, (y) => navigate('scorecard', { area: code, year: y })))),
    crumbs(place, open),
    h('p', { id: 'scorecard-counts' }, t('scorecard.counts', all)),
    h('div', { class: 'row' },
      h('section', { class: 'card' }, h('h2', {}, t('scorecard.byDimension')),
        stackedBars(t('scorecard.byDimension'), dims.map((d) => term('dimension', d.dimension)),
          ['pass', 'fail', 'notGraded', 'noData'].map((key) => ({ key, name: term('verdict', verdictOf(key)) })), dims)),
      h('section', { class: 'card' }, h('h2', {}, t('scorecard.radar')),
        radar(t('scorecard.radar'), dims.map((d) => term('dimension', d.dimension)),
          dims.map((d) => (d.total ? Math.round((100 * d.pass) / d.total) : 0)), t('scorecard.radar'))),
      h('section', { class: 'card' }, h('h2', {}, t('scorecard.children')),
        children.length
          ? [failureMap(t('scorecard.children'), children.map((c) => ({ code: c.code, name: c.nameZh, fail: c.counts.fail })), open),
            h('div', { class: 'tree-children' }, children.map((c) => h('button', {
              type: 'button', class: 'secondary child-area', 'data-code': c.code, onclick: () => open(c.code),
            }, `${c.nameZh} (${c.counts.fail})`)))]
          : h('p', { class: 'muted' }, t('scorecard.noChildren')))),
    DIMENSIONS.map((dimension) => dimensionSection(dimension, rows.filter((r) => r.dimension === dimension), code, year)));
}

function withinUserAreas(code) {
  const current = user();
  return !!code && /^\d+$/.test(code) && current.areas.some((a) => code.startsWith(a));
}

function yearPicker(year, onChange) {
  const picker = select('year', yearOptions(), year);
  picker.addEventListener('change', () => onChange(picker.value));
  return picker;
}

/** Breadcrumbs up to the user's own area (never above it), then the area's level. */
function crumbs(place, open) {
  const mine = user().areas;
  const up = [...place.ancestors, place.area.code].filter((c) => mine.some((a) => c.startsWith(a)));
  return h('nav', { class: 'crumbs', 'aria-label': t('scorecard.up') },
    up.map((c) => (c === place.area.code
      ? h('strong', {}, `${place.area.nameZh}（${term('level', place.area.level)}）`)
      : h('button', { type: 'button', onclick: () => open(c) }, knownName(c)))));
}

/**
 * Rows to show: a city's scorecard lists every indicator of its check (also those without data); any area's
 * results add last year's value and the trend.
 */
function indicatorRows(scorecard, results) {
  const trends = new Map(results.results.map((r) => [r.code, r]));
  if (!scorecard) return results.results;
  return scorecard.dimensions.flatMap((d) => d.categories.flatMap((c) => c.indicators.map((i) => ({
    ...trends.get(i.code), ...i, dimension: d.dimension, categoryZh: c.categoryZh,
    previousValue: trends.get(i.code)?.previousValue ?? null, trend: trends.get(i.code)?.trend ?? null,
    better: trends.get(i.code)?.better ?? null,
  }))));
}

function count(rows) {
  const by = (v) => rows.filter((r) => r.verdict === v).length;
  return { total: rows.length, pass: by('PASS'), fail: by('FAIL'), notGraded: by('NOT_GRADED'), noData: by('NO_DATA') };
}

function verdictOf(key) {
  return { pass: 'PASS', fail: 'FAIL', notGraded: 'NOT_GRADED', noData: 'NO_DATA' }[key];
}

/** One dimension: its categories in catalog order, core indicators first, then by code. */
function dimensionSection(dimension, rows, code, year) {
  if (!rows.length) return null;
  const categories = [...new Set(rows.map((r) => r.categoryZh))];
  return h('section', { class: 'card', 'data-dimension': dimension },
    h('h2', {}, term('dimension', dimension)),
    h('table', {},
      h('caption', { class: 'visually-hidden' }, term('dimension', dimension)),
      h('thead', {}, h('tr', {}, [t('scorecard.code'), t('scorecard.indicator'), t('scorecard.value'), t('scorecard.previous'),
        t('scorecard.standard'), t('scorecard.gap'), t('scorecard.verdict'), t('scorecard.trend'), t('scorecard.explanation')]
        .map((label) => h('th', { scope: 'col' }, label)))),
      categories.map((category) => h('tbody', {},
        h('tr', {}, h('th', { colspan: 9, scope: 'rowgroup' }, category || '—')),
        rows.filter((r) => r.categoryZh === category)
          .sort((a, b) => (b.core - a.core) || a.code.localeCompare(b.code))
          .map((r) => indicatorRow(r, dimension, code, year))))));
}

function indicatorRow(r, dimension, code, year) {
  const verdict = h('span', { class: `badge verdict-${r.verdict}` }, term('verdict', r.verdict));
  const trendClass = r.better === true ? 'up' : r.better === false ? 'down' : 'flat';
  return h('tr', { 'data-indicator': r.code },
    h('td', {}, r.code),
    h('td', {}, r.nameZh, r.core ? h('span', { class: 'badge', title: t('scorecard.core') }, ` ${t('scorecard.core')}`) : null),
    h('td', { class: 'num' }, r.value === null || r.value === undefined ? '—' : `${num(r.value)} ${r.unit || ''}`),
    h('td', { class: 'num' }, num(r.previousValue)),
    h('td', {}, r.standard || '—'),
    h('td', { class: 'num' }, num(r.gap)),
    h('td', {}, r.verdict === 'FAIL'
      ? h('a', { href: `#/ledger?area=${code}&year=${year}&dimension=${dimension}`, title: t('nav.ledger') }, verdict)
      : verdict),
    h('td', { class: trendClass }, r.trend ? term('trend', r.trend) : '—'),
    h('td', { class: 'muted' }, r.explanation || (r.missing && r.missing.length ? r.missing.join(', ') : '—')));
}
