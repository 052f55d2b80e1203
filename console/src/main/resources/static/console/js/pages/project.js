/**
 * One project: its fields and linked problems, its history, and what the user's role may do with it now: edit or
 * split a draft (city official), the workflow actions (submit, approve or return with the resolution, issue,
 * start, report progress, complete, cancel).
 */
import { h, show, field, num, when, toast } from '../dom.js';
import { t, term, lang } from '../i18n.js';
import { getVersioned, post, patch } from '../api.js';
import { hasRole } from '../auth.js';

const OFFICIAL = ['CITY_OFFICIAL', 'ADMINISTRATOR'];
const APPROVER = ['PROJECT_APPROVER', 'ADMINISTRATOR'];
const UNIT = ['RESPONSIBLE_UNIT', ...OFFICIAL];

/** The workflow table of docs/project-library.md, with each action's fields. */
const ACTIONS = [
  { action: 'SUBMIT', from: ['DRAFT', 'RETURNED'], roles: OFFICIAL, fields: [] },
  { action: 'APPROVE', from: ['SUBMITTED'], roles: APPROVER, fields: ['resolutionNumber', 'resolutionDate'] },
  { action: 'RETURN', from: ['SUBMITTED'], roles: APPROVER, fields: ['resolutionNumber', 'resolutionDate', 'reason'] },
  { action: 'ISSUE', from: ['APPROVED'], roles: OFFICIAL, fields: ['department'] },
  { action: 'START', from: ['ISSUED'], roles: UNIT, fields: [] },
  { action: 'REPORT_PROGRESS', from: ['IN_PROGRESS'], roles: UNIT, fields: ['note', 'completedQuantity'] },
  { action: 'COMPLETE', from: ['IN_PROGRESS'], roles: UNIT, fields: ['acceptanceRecord', 'acceptedOn'] },
  { action: 'CANCEL', from: ['DRAFT', 'RETURNED', 'APPROVED', 'ISSUED', 'IN_PROGRESS'], roles: OFFICIAL, fields: ['reason'] },
];

const ACTION_NAMES = {
  zh: { SUBMIT: '提交', APPROVE: '批准', RETURN: '退回', ISSUE: '下达', START: '开工', REPORT_PROGRESS: '报告进度', COMPLETE: '竣工验收', CANCEL: '取消' },
  en: { SUBMIT: 'Submit', APPROVE: 'Approve', RETURN: 'Return', ISSUE: 'Issue', START: 'Start', REPORT_PROGRESS: 'Report progress', COMPLETE: 'Complete', CANCEL: 'Cancel' },
};

const EDITABLE = ['name', 'constructionContent', 'scale', 'investmentWan', 'expectedEffect', 'department', 'startYear', 'endYear'];

function actionName(action) {
  return ACTION_NAMES[lang()][action] || action;
}

function input(name, value = '') {
  const type = name.endsWith('Date') || name === 'acceptedOn' ? 'date'
    : ['investmentWan', 'startYear', 'endYear', 'completedQuantity'].includes(name) ? 'number' : 'text';
  return h('input', { name, type, value: value ?? '', step: type === 'number' ? 'any' : null });
}

export async function render(view, params, [id]) {
  const { body: project, etag } = await getVersioned(`/api/projects/${id}`);
  const reload = () => render(view, params, [id]);
  const editable = (project.status === 'DRAFT' || project.status === 'RETURNED') && hasRole(...OFFICIAL);
  show(view,
    h('p', {}, h('a', { href: '#/projects' }, `← ${t('projects.title')}`)),
    h('h1', {}, project.name),
    h('section', { class: 'card' }, facts(project)),
    actionsCard(project, etag, reload),
    editable ? editCard(project, etag, reload) : null,
    h('section', { class: 'card' }, h('h2', {}, t('projects.problems')), links(project, editable, etag, reload)),
    h('section', { class: 'card' }, h('h2', {}, t('projects.history')), h('ol', { class: 'timeline' },
      (project.history || []).map((e) => h('li', {}, h('time', { datetime: e.at }, when(e.at)), h('strong', {}, e.action), ' ',
        h('span', { class: 'muted' }, `${term('pstatus', e.fromStatus)} → ${term('pstatus', e.toStatus)} · ${e.actor}`),
        e.reason ? h('div', {}, e.reason) : null)))));
}

function facts(p) {
  const rows = [
    [t('projects.type'), term('ptype', p.type)], [t('projects.status'), h('strong', { id: 'project-status' }, term('pstatus', p.status))],
    [t('projects.location'), p.areaCodes.join('、')], [t('projects.content'), p.constructionContent],
    [t('projects.scale'), p.scale], [t('projects.investment'), `${num(p.investmentWan)}（${p.estimate || '—'}）`],
    [t('projects.effect'), p.expectedEffect], [t('projects.department'), p.department],
    [t('projects.schedule'), p.schedule], [t('projects.progress'), `${num(p.progress)}%`],
    [t('projects.resolution'), p.resolutionNumber ? `${p.resolutionNumber}（${p.resolutionDate}）` : null],
  ];
  return h('dl', { class: 'facts' }, rows.flatMap(([label, value]) => [h('dt', {}, label), h('dd', {}, value ?? '—')]));
}

function actionsCard(project, etag, reload) {
  const possible = ACTIONS.filter((a) => a.from.includes(project.status) && hasRole(...a.roles));
  if (!possible.length) return null;
  const area = h('div');
  const open = (spec) => {
    const form = h('form', { class: 'form', 'data-action': spec.action, onsubmit: async (event) => {
      event.preventDefault();
      const data = Object.fromEntries(new FormData(form));
      const body = { action: spec.action };
      spec.fields.forEach((name) => {
        if (data[name]) body[name] = name === 'completedQuantity' ? Number(data[name]) : data[name];
      });
      try {
        await post(`/api/projects/${project.id}/actions`, body, { 'If-Match': etag });
        toast(t('projects.saved'));
        reload();
      } catch (e) {
        toast(e.message, true);
      }
    } },
    spec.fields.map((name) => field(name, input(name, name === 'department' ? project.department : ''))),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, actionName(spec.action))));
    show(area, form);
  };
  return h('section', { class: 'card' }, h('h2', {}, t('problem.actions')),
    h('div', { class: 'actions' }, possible.map((spec) => h('button', {
      type: 'button', class: 'secondary', 'data-action': spec.action, onclick: () => open(spec),
    }, actionName(spec.action)))), area);
}

function editCard(project, etag, reload) {
  const labels = { name: t('projects.name'), constructionContent: t('projects.content'), scale: t('projects.scale'),
    investmentWan: t('projects.investment'), expectedEffect: t('projects.effect'), department: t('projects.department'),
    startYear: t('projects.schedule'), endYear: t('projects.schedule') };
  const form = h('form', { class: 'form', id: 'project-edit', onsubmit: async (event) => {
    event.preventDefault();
    const data = Object.fromEntries(new FormData(form));
    const body = {};
    EDITABLE.forEach((name) => {
      const before = project[name] ?? '';
      if (String(data[name]) !== String(before)) body[name] = ['investmentWan', 'startYear', 'endYear'].includes(name) ? Number(data[name]) : data[name];
    });
    if (!Object.keys(body).length) return;
    try {
      await patch(`/api/projects/${project.id}`, body, { 'If-Match': etag });
      toast(t('projects.saved'));
      reload();
    } catch (e) {
      toast(e.message, true);
    }
  } },
  EDITABLE.map((name) => field(labels[name], input(name, project[name]))),
  h('div', {}, h('button', { type: 'submit' }, t('app.save'))));
  return h('section', { class: 'card' }, h('h2', {}, t('projects.edit')), form);
}

/** The linked problems; a draft's may be split off into a new draft. */
function links(project, editable, etag, reload) {
  const chosen = new Set();
  const table = h('table', {},
    h('thead', {}, h('tr', {}, ['', t('ledger.indicator'), t('ledger.area'), t('problem.standard'), t('projects.scale')]
      .map((label) => h('th', { scope: 'col' }, label)))),
    h('tbody', {}, (project.links || []).map((l) => h('tr', {},
      h('td', {}, editable ? h('input', { type: 'checkbox', 'aria-label': l.problemId,
        onchange: (e) => (e.target.checked ? chosen.add(l.problemId) : chosen.delete(l.problemId)) }) : ''),
      h('td', {}, h('a', { href: `#/problem/${l.problemId}` }, `${l.indicatorCode} ${l.indicatorNameZh}`)),
      h('td', {}, l.areaCode), h('td', {}, l.standard), h('td', { class: 'num' }, num(l.quantity))))));
  if (!editable || (project.links || []).length < 2) return table;
  const split = async () => {
    if (!chosen.size) {
      toast(t('projects.splitWhich'), true);
      return;
    }
    try {
      await post(`/api/projects/${project.id}/split`, { problemIds: [...chosen] }, { 'If-Match': etag });
      toast(t('projects.saved'));
      reload();
    } catch (e) {
      toast(e.message, true);
    }
  };
  return h('div', {}, table, h('div', { class: 'actions' },
    h('button', { type: 'button', class: 'secondary', onclick: split }, t('projects.split'))));
}
