/**
 * The project library (项目库): totals by type and department, the list (TIME_LIMITED first, as the service
 * sorts it), merging drafts, submitting the year's drafts to the executive meeting as one batch, the approver's
 * decision on submitted batches, and the progress of issued projects.
 */
import { h, show, field, select, num, toast } from '../dom.js';
import { t, term } from '../i18n.js';
import { get, post } from '../api.js';
import { hasRole, homeArea } from '../auth.js';
import { defaultYear } from '../areas.js';
import { simpleTable } from '../table.js';
import { stackedBars } from '../charts.js';
import { navigate } from '../app.js';

export const STATUSES = ['DRAFT', 'SUBMITTED', 'APPROVED', 'RETURNED', 'ISSUED', 'IN_PROGRESS', 'COMPLETED', 'CANCELLED'];
const TYPES = ['FACILITY_CONSTRUCTION', 'MANAGEMENT_IMPROVEMENT', 'SERVICE_OPTIMISATION'];
const PAGE = 50;

export async function render(view, params) {
  const area = params.area || homeArea();
  const planYear = params.planYear || String(defaultYear() + 1);
  const page = Number(params.page || 0);
  // one more than a page tells whether there is a next one
  const query = { areaCode: area, planYear, status: params.status, type: params.type, department: params.department,
    limit: PAGE + 1, offset: page * PAGE };
  const approver = hasRole('PROJECT_APPROVER', 'ADMINISTRATOR');
  const [rows, totals, submitted] = await Promise.all([
    get('/api/projects', query),
    get('/api/projects/library/totals', { planYear, areaCode: area }),
    approver ? get('/api/projects', { areaCode: area, planYear, status: 'SUBMITTED', limit: 1000 }) : [],
  ]);
  const projects = rows.slice(0, PAGE);
  const reload = () => render(view, params);
  const form = h('form', { class: 'filters', id: 'project-filters', onsubmit: (event) => {
    event.preventDefault();
    navigate('projects', Object.fromEntries(new FormData(form)));
  } },
  field(t('app.area'), h('input', { name: 'area', value: area, inputmode: 'numeric', size: 14 })),
  field(t('projects.planYear'), h('input', { name: 'planYear', value: planYear, type: 'number', min: 2020, max: 2100 })),
  field(t('projects.status'), select('status', [['', t('app.all')], ...STATUSES.map((s) => [s, term('pstatus', s)])], params.status)),
  field(t('projects.type'), select('type', [['', t('app.all')], ...TYPES.map((s) => [s, term('ptype', s)])], params.type)),
  field(t('projects.department'), h('input', { name: 'department', value: params.department || '', size: 10 })),
  h('button', { type: 'submit' }, t('app.search')));

  const selected = new Set();
  show(view,
    h('h1', {}, t('projects.title')),
    form,
    totalsCard(totals),
    approver ? decisionCard(submitted, reload) : null,
    h('section', { class: 'card' },
      hasRole('CITY_OFFICIAL', 'ADMINISTRATOR') ? officialActions(projects, selected, { planYear, area }, reload) : null,
      projectTable(projects, selected),
      pager(page, rows.length > PAGE, params)),
    issuedCard(projects));
}

function totalsCard(totals) {
  const line = (key) => [
    { key: 'name', label: key, render: (r) => r.name || '—' },
    { key: 'projects', label: t('projects.count'), numeric: true },
    { key: 'investmentWan', label: t('projects.investment'), numeric: true, render: (r) => num(r.investmentWan) },
    { key: 'progress', label: t('projects.progress'), numeric: true, render: (r) => `${num(r.progress)}%` },
  ];
  return h('div', { class: 'row', id: 'project-totals' },
    h('section', { class: 'card' }, h('h2', {}, t('projects.totals')),
      h('p', {}, `${t('projects.count')} ${totals.total.projects} · ${t('projects.investment')} ${num(totals.total.investmentWan)}`),
      h('h2', {}, t('projects.byType')), simpleTable(line(t('projects.type')), totals.byType, t('projects.byType'))),
    h('section', { class: 'card' }, h('h2', {}, t('projects.byDepartment')),
      simpleTable(line(t('projects.department')), totals.byDepartment, t('projects.byDepartment')),
      totals.byDepartment.length ? stackedBars(t('projects.byDepartment'), totals.byDepartment.map((d) => d.name || '—'),
        [{ key: 'investmentWan', name: t('projects.investment'), colour: '#4098d7' }], totals.byDepartment) : null));
}

function projectTable(projects, selected) {
  return simpleTable([
    { key: 'pick', label: '', render: (p) => (p.status === 'DRAFT' || p.status === 'RETURNED'
      ? h('input', { type: 'checkbox', 'aria-label': p.name, 'data-project': p.id,
        onchange: (event) => (event.target.checked ? selected.add(p) : selected.delete(p)) })
      : '') },
    { key: 'type', label: t('projects.type'), render: (p) => term('ptype', p.type) },
    { key: 'name', label: t('projects.name'), render: (p) => h('a', { href: `#/project/${p.id}`, class: 'project-link' }, p.name,
      p.timeLimited ? h('span', { class: 'badge class-TIME_LIMITED' }, ` ${term('class', 'TIME_LIMITED')}`) : null) },
    { key: 'areaCodes', label: t('projects.location'), render: (p) => p.areaCodes.join('、') },
    { key: 'scale', label: t('projects.scale') },
    { key: 'investmentWan', label: t('projects.investment'), numeric: true, render: (p) => num(p.investmentWan) },
    { key: 'department', label: t('projects.department'), render: (p) => p.department || '—' },
    { key: 'schedule', label: t('projects.schedule') },
    { key: 'status', label: t('projects.status'), render: (p) => h('span', { class: 'project-status' }, term('pstatus', p.status)) },
  ], projects, t('projects.title'));
}

/** Pages on the server: the list asks for one page (offset, limit); the totals above count them all. */
function pager(page, hasNext, params) {
  return h('div', { class: 'pager' },
    h('button', { type: 'button', class: 'secondary', disabled: page === 0,
      onclick: () => navigate('projects', { ...params, page: page - 1 }) }, t('table.prev')),
    h('button', { type: 'button', class: 'secondary', disabled: !hasNext,
      onclick: () => navigate('projects', { ...params, page: page + 1 }) }, t('table.next')),
    h('span', { class: 'muted' }, t('projects.page', { page: page + 1 })));
}

/** A city official merges drafts and submits the year's drafts as one batch. */
function officialActions(projects, selected, { planYear, area }, reload) {
  const merge = async () => {
    const chosen = [...selected];
    if (chosen.length < 2) {
      toast(t('projects.selectTwo'), true);
      return;
    }
    const [first, ...others] = chosen;
    try {
      await post(`/api/projects/${first.id}/merge`, { otherIds: others.map((p) => p.id), expectedVersion: first.version });
      toast(t('projects.saved'));
      reload();
    } catch (e) {
      toast(e.message, true);
    }
  };
  const submit = async () => {
    try {
      const batch = await post('/api/projects/batches', { planYear: Number(planYear), areaCode: area });
      toast(t('projects.batchSubmitted', { count: batch.projectIds.length }));
      reload();
    } catch (e) {
      toast(e.message, true);
    }
  };
  return h('div', { class: 'actions' },
    h('button', { type: 'button', class: 'secondary', id: 'merge-projects', onclick: merge }, t('projects.merge')),
    h('button', { type: 'button', id: 'submit-batch', onclick: submit }, t('projects.submitBatch')));
}

/** The approver decides each submitted batch: approve or return, with the meeting's resolution. */
function decisionCard(projects, reload) {
  const batches = new Map();
  projects.filter((p) => p.status === 'SUBMITTED' && p.batchId).forEach((p) => {
    if (!batches.has(p.batchId)) batches.set(p.batchId, []);
    batches.get(p.batchId).push(p);
  });
  if (!batches.size) return null;
  return h('section', { class: 'card', id: 'batch-decisions' }, h('h2', {}, t('pstatus.SUBMITTED')),
    [...batches].map(([batchId, members]) => {
      const form = h('form', { class: 'form', 'data-batch': batchId, onsubmit: (event) => event.preventDefault() },
        h('p', {}, `${members.length} × ${t('projects.count')} · ${num(members.reduce((s, p) => s + Number(p.investmentWan || 0), 0))} ${t('projects.investment')}`),
        field(t('projects.resolution'), h('input', { name: 'resolutionNumber', id: 'resolution-number', required: true })),
        field(t('projects.resolutionDate'), h('input', { type: 'date', name: 'resolutionDate', id: 'resolution-date',
          value: new Date().toISOString().slice(0, 10), required: true })),
        field(t('projects.reason'), h('input', { name: 'reason' })),
        h('div', { class: 'actions' },
          h('button', { type: 'button', id: 'approve-batch', onclick: () => decide('APPROVE') }, t('projects.approve')),
          h('button', { type: 'button', class: 'secondary', id: 'return-batch', onclick: () => decide('RETURN') }, t('projects.return'))));
      async function decide(action) {
        if (!form.reportValidity()) return;
        const data = Object.fromEntries(new FormData(form));
        try {
          await post(`/api/projects/batches/${batchId}/decision`, { action, ...data });
          toast(t('projects.saved'));
          reload();
        } catch (e) {
          toast(e.message, true);
        }
      }
      return form;
    }));
}

function issuedCard(projects) {
  const running = projects.filter((p) => ['ISSUED', 'IN_PROGRESS', 'COMPLETED'].includes(p.status));
  if (!running.length) return null;
  return h('section', { class: 'card' }, h('h2', {}, t('projects.issued')), simpleTable([
    { key: 'name', label: t('projects.name'), render: (p) => h('a', { href: `#/project/${p.id}` }, p.name) },
    { key: 'department', label: t('projects.department') },
    { key: 'status', label: t('projects.status'), render: (p) => term('pstatus', p.status) },
    { key: 'progress', label: t('projects.progress'), render: (p) => h('span', {},
      h('progress', { max: 100, value: Number(p.progress || 0), 'aria-label': p.name }), ` ${num(p.progress)}%`) },
  ], running, t('projects.issued')));
}
