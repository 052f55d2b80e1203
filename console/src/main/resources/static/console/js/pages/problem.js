/**
 * One problem: what it is, where it comes from (the result's observations: department, batch and row; the
 * standard and its revision), its history as a timeline, and the workflow actions the user's role allows.
 */
import { h, show, field, when, num, toast } from '../dom.js';
import { t, term } from '../i18n.js';
import { get, getVersioned, post } from '../api.js';
import { hasRole } from '../auth.js';

const OFFICIAL = ['CITY_OFFICIAL', 'DISTRICT_OFFICIAL', 'ADMINISTRATOR'];
const UNIT = ['RESPONSIBLE_UNIT', ...OFFICIAL];

/** The ledger's workflow table (docs/ledger.md): from which statuses, who, and which fields each action needs. */
const ACTIONS = [
  { action: 'CONFIRM', from: ['IDENTIFIED'], roles: OFFICIAL, fields: [] },
  { action: 'DISMISS', from: ['IDENTIFIED', 'CONFIRMED'], roles: OFFICIAL, fields: ['reason'] },
  { action: 'ASSIGN', from: ['CONFIRMED', 'ASSIGNED', 'IN_PROGRESS', 'REOPENED'], roles: OFFICIAL, fields: ['unit', 'deadline'] },
  { action: 'START', from: ['ASSIGNED', 'REOPENED'], roles: UNIT, fields: [] },
  { action: 'REPORT_PROGRESS', from: ['IN_PROGRESS'], roles: UNIT, fields: ['text', 'evidence'] },
  { action: 'REPORT_FIXED', from: ['IN_PROGRESS'], roles: UNIT, fields: ['text', 'evidence'] },
  { action: 'VERIFY', from: ['REPORTED_FIXED'], roles: OFFICIAL, fields: ['inspectionRecord'] },
  { action: 'REOPEN', from: ['REPORTED_FIXED', 'VERIFIED'], roles: OFFICIAL, fields: ['reason'] },
];

const FIELD_CONTROLS = {
  reason: () => field(t('problem.reason'), h('textarea', { name: 'reason', rows: 2, required: true })),
  unit: (p) => field(t('ledger.unit'), h('input', { name: 'unit', value: p.responsibleUnit || '', required: true })),
  deadline: (p) => field(t('ledger.deadline'), h('input', { type: 'date', name: 'deadline', value: p.deadline || '' })),
  text: () => field(t('problem.text'), h('textarea', { name: 'text', rows: 2, required: true })),
  evidence: () => field(t('problem.evidence'), h('textarea', { name: 'evidence', rows: 2 })),
  inspectionRecord: () => field(t('problem.inspection'), h('textarea', { name: 'inspectionRecord', rows: 2, required: true })),
};

export async function render(view, params, [id]) {
  const { body: problem, etag } = await getVersioned(`/api/ledger/problems/${id}`);
  const lineage = problem.sourceResultId
    ? await get(`/api/evaluation/results/${problem.sourceResultId}/lineage`, { size: 20 }).catch(() => null)
    : null;
  show(view,
    h('p', {}, h('a', { href: '#/ledger' }, `← ${t('ledger.title')}`)),
    h('h1', {}, `${problem.indicatorCode} ${problem.indicatorNameZh}`),
    h('div', { class: 'row' },
      h('section', { class: 'card' }, h('h2', {}, t('problem.title')), facts(problem)),
      h('section', { class: 'card' }, h('h2', {}, t('problem.lineage')), lineageView(problem, lineage))),
    actionsView(problem, etag, () => render(view, params, [id])),
    h('section', { class: 'card' }, h('h2', {}, t('problem.history')), timeline(problem.history || [])));
}

function facts(p) {
  const rows = [
    [t('ledger.description'), p.description],
    [t('problem.result'), `${num(p.resultValue)} ${p.unit || ''}`],
    [t('problem.standard'), p.standard],
    [t('problem.explanation'), p.explanation],
    [t('ledger.area'), p.rectificationArea || p.areaCode],
    [t('ledger.class'), h('span', { class: `badge class-${p.rectificationClass}` }, term('class', p.rectificationClass))],
    [t('problem.classReason'), p.classReason],
    [t('ledger.status'), h('strong', { id: 'problem-status' }, term('status', p.status))],
    [t('ledger.unit'), p.responsibleUnit],
    [t('ledger.deadline'), p.deadline ? h('span', { class: p.overdue ? 'overdue' : null }, p.deadline) : null],
    [t('ledger.suggestion'), p.suggestion],
    [t('problem.identifiedAt'), when(p.identifiedAt)],
    [t('problem.version'), p.version],
  ];
  return h('dl', { class: 'facts' }, rows.flatMap(([label, value]) => [h('dt', {}, label), h('dd', {}, value ?? '—')]));
}

function lineageView(problem, lineage) {
  if (!lineage) return h('p', { class: 'muted' }, '—');
  const observations = lineage.observations || [];
  return h('div', {},
    h('dl', { class: 'facts' },
      h('dt', {}, t('problem.standard')), h('dd', {}, lineage.standard?.text ?? problem.standard),
      h('dt', {}, t('problem.standardRevision')), h('dd', {}, lineage.standard?.indicatorRevision ?? '—'),
      h('dt', {}, t('problem.explanation')), h('dd', {}, lineage.formula?.explanation ?? problem.explanation)),
    observations.length
      ? h('table', { id: 'lineage' },
        h('thead', {}, h('tr', {}, [t('problem.observation'), t('problem.department'), t('problem.batch'), t('problem.row')]
          .map((label) => h('th', { scope: 'col' }, label)))),
        h('tbody', {}, observations.map((o) => h('tr', {},
          h('td', {}, `${o.dataElement || o.indicatorCode || ''} ${o.findingType || ''} = ${num(o.value)} ${o.unit || ''}`),
          h('td', {}, o.department || '—'),
          h('td', {}, h('code', {}, (o.batchId || '').slice(0, 8))),
          h('td', { class: 'num' }, o.rowNo ?? '—')))))
      : h('p', { class: 'muted' }, t('problem.noLineage')));
}

function timeline(history) {
  return h('ol', { class: 'timeline', id: 'problem-history' }, history.map((entry) => h('li', {},
    h('time', { datetime: entry.at }, when(entry.at)),
    h('strong', {}, term('action', entry.action)), ' ',
    h('span', { class: 'muted' }, `${term('status', entry.fromStatus)} → ${term('status', entry.toStatus)} · ${entry.actor}`),
    entry.reason ? h('div', {}, entry.reason) : null,
    payloadText(entry.payload))));
}

function payloadText(payload) {
  if (!payload || !Object.keys(payload).length) return null;
  const parts = Object.entries(payload).filter(([, v]) => v !== null && v !== '' && !(Array.isArray(v) && !v.length))
    .map(([k, v]) => `${k}: ${Array.isArray(v) ? v.join('、') : v}`);
  return parts.length ? h('div', { class: 'muted' }, parts.join(' · ')) : null;
}

/** The actions the problem's status and the user's role allow, each a small form. */
function actionsView(problem, etag, reload) {
  const possible = ACTIONS.filter((a) => a.from.includes(problem.status) && hasRole(...a.roles));
  if (!possible.length) return null;
  const area = h('div', { id: 'action-form' });
  const open = (spec) => {
    const form = h('form', { class: 'form', 'data-action': spec.action, onsubmit: async (event) => {
      event.preventDefault();
      const data = Object.fromEntries(new FormData(form));
      const body = { action: spec.action };
      for (const name of spec.fields) {
        if (name === 'evidence') body.evidence = (data.evidence || '').split('\n').map((s) => s.trim()).filter(Boolean);
        else if (data[name]) body[name] = data[name];
      }
      try {
        await post(`/api/ledger/problems/${problem.id}/actions`, body, { 'If-Match': etag });
        toast(t('problem.done', { action: term('action', spec.action) }));
        reload();
      } catch (e) {
        toast(e.message, true);
      }
    } },
    spec.fields.map((name) => FIELD_CONTROLS[name](problem)),
    h('div', { class: 'actions' }, h('button', { type: 'submit', id: 'action-submit' }, term('action', spec.action)),
      h('button', { type: 'button', class: 'secondary', onclick: () => show(area) }, t('app.cancel'))));
    show(area, form);
    const first = form.querySelector('input, textarea');
    if (first) first.focus();
  };
  return h('section', { class: 'card' }, h('h2', {}, t('problem.actions')),
    h('div', { class: 'actions' }, possible.map((spec) => h('button', {
      type: 'button', class: 'secondary', 'data-action': spec.action, onclick: () => open(spec),
    }, term('action', spec.action)))),
    area);
}
