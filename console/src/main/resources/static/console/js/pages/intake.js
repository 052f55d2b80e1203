/**
 * Data intake (数据报送): a department uploads a CSV or XLSX file and watches it run (a progress bar from the
 * batch's phase and rows read), then reads the import summary with the row-level errors; everyone sees the
 * batches they may see, and officials see which departments have not yet submitted (报送完整性).
 */
import { h, show, field, select, num, when, toast } from '../dom.js';
import { t, term, lang } from '../i18n.js';
import { get, upload, url } from '../api.js';
import { hasRole, homeArea } from '../auth.js';
import { defaultYear, yearOptions } from '../areas.js';
import { simpleTable } from '../table.js';
import { navigate } from '../app.js';

const KINDS = ['VALUE', 'FINDING', 'SURVEY', 'HOTLINE'];
const PHASES = ['QUEUED', 'READING', 'VALIDATING', 'MERGING', 'DONE'];
const POLL_MS = 400;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export async function render(view, params) {
  const year = params.year || String(defaultYear());
  const submitter = hasRole('DEPARTMENT_SUBMITTER');
  const official = hasRole('CITY_OFFICIAL', 'DISTRICT_OFFICIAL', 'PROVINCIAL_REVIEWER', 'ADMINISTRATOR');
  const [batches, completeness] = await Promise.all([
    get('/api/intake/submissions', { checkYear: year, limit: 50 }),
    official ? get('/api/intake/completeness', { checkYear: year, areaCode: params.area || homeArea() }) : null,
  ]);
  const batchList = h('div', { id: 'batch-list' }, batchTable(batches));
  const yearPicker = select('year', yearOptions(), year);
  yearPicker.addEventListener('change', () => navigate('intake', { year: yearPicker.value }));
  show(view,
    h('h1', {}, t('intake.title')),
    h('div', { class: 'filters' }, field(t('app.year'), yearPicker)),
    submitter ? uploadCard(year, () => refreshBatches(batchList, year)) : null,
    completeness ? missingCard(completeness) : null,
    h('section', { class: 'card' }, h('h2', {}, t('intake.batches')), batchList));
}

async function refreshBatches(container, year) {
  show(container, batchTable(await get('/api/intake/submissions', { checkYear: year, limit: 50 })));
}

/** @param onFinished called when an upload has finished, to show it among the batches */
function uploadCard(year, onFinished) {
  const progress = h('progress', { max: 100, value: 0, id: 'upload-progress', 'aria-label': t('intake.send') });
  const status = h('p', { id: 'upload-status', 'aria-live': 'polite' });
  const result = h('div', { id: 'upload-result' });
  const running = h('div', { hidden: true }, progress, status);
  const form = h('form', { class: 'form', id: 'upload-form', onsubmit: async (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const file = data.get('file');
    if (!file || !file.name) return;
    const expectedRows = await countRows(file);
    const path = url('/api/intake/submissions', {
      kind: data.get('kind'), checkYear: year, fileName: file.name, wait: 'false',
      coverage: data.get('coverage'), dryRun: data.get('dryRun') ? 'true' : '',
    });
    const contentType = file.name.toLowerCase().endsWith('.xlsx') ? XLSX : 'text/csv';
    running.hidden = false;
    show(result);
    form.querySelector('button').disabled = true;
    try {
      const { body } = await upload(path, file, contentType);
      const finished = await follow(body, (batch) => {
        const phaseShare = PHASES.indexOf(batch.phase) / (PHASES.length - 1);
        const readShare = expectedRows ? Math.min(1, batch.rowsRead / expectedRows) : phaseShare;
        progress.value = Math.round(100 * (batch.status === 'RUNNING' ? Math.min(0.99, (readShare + phaseShare) / 2) : 1));
        status.textContent = t('intake.running', { phase: term('phase', batch.phase), rows: num(batch.rowsRead) });
      });
      status.textContent = term('bstatus', finished.status);
      show(result, summary(finished));
      await onFinished();
    } catch (e) {
      toast(e.message, true);
      status.textContent = e.message;
    } finally {
      form.querySelector('button').disabled = false;
    }
  } },
  field(t('intake.kind'), select('kind', KINDS.map((k) => [k, term('kind', k)]), 'VALUE')),
  field(t('intake.file'), h('input', { type: 'file', name: 'file', id: 'upload-file', accept: '.csv,.xlsx,text/csv', required: true })),
  field(t('intake.coverage'), h('input', { name: 'coverage', id: 'upload-coverage' })),
  h('label', { class: 'inline' }, h('input', { type: 'checkbox', name: 'dryRun', value: 'true' }), t('intake.dryRun')),
  h('div', {}, h('button', { type: 'submit', id: 'upload-send' }, t('intake.send'))));
  return h('section', { class: 'card' }, h('h2', {}, t('intake.upload')), form, running, result);
}

/** Data rows in a CSV (lines after the header), to show how far the import has read; unknown for XLSX. */
async function countRows(file) {
  if (!file.name.toLowerCase().endsWith('.csv') || file.size > 50 * 1024 * 1024) return 0;
  const text = await file.text();
  return Math.max(0, text.split('\n').filter((line) => line.trim()).length - 1);
}

/** Polls the batch until it is no longer RUNNING, reporting each state. */
async function follow(batch, onProgress) {
  let current = batch;
  onProgress(current);
  while (current.status === 'RUNNING') {
    await new Promise((resolve) => { setTimeout(resolve, POLL_MS); });
    current = await get(`/api/intake/submissions/${current.id}`);
    onProgress(current);
  }
  return current;
}

function summary(batch) {
  const facts = [
    [t('intake.status'), h('strong', { id: 'upload-outcome', 'data-status': batch.status }, term('bstatus', batch.status))],
    [t('intake.rowsRead'), num(batch.rowsRead)],
    [t('intake.created'), num(batch.created)],
    [t('intake.updated'), num(batch.updated)],
    [t('intake.unchanged'), num(batch.unchanged)],
    [t('intake.rejected'), num(batch.rejected)],
  ];
  return h('section', { class: 'card' }, h('h2', {}, t('intake.summary')),
    h('dl', { class: 'facts' }, facts.flatMap(([label, value]) => [h('dt', {}, label), h('dd', {}, value)])),
    batch.message ? h('p', { class: 'error' }, batch.message) : null,
    batch.errors && batch.errors.length ? [h('h2', {}, t('intake.errors')), simpleTable([
      { key: 'code', label: t('intake.errorCode') },
      { key: 'meaning', label: t('intake.meaning'), render: (e) => (lang() === 'en' ? e.meaningEn : e.meaningZh) },
      { key: 'count', label: t('intake.rejected'), numeric: true },
      { key: 'rows', label: t('intake.rows'), render: (e) => (e.rows || []).map((r) => `${r.row}${r.value ? `（${r.value}）` : ''}`).join('、') },
    ], batch.errors, t('intake.errors'))] : null);
}

function batchTable(batches) {
  return simpleTable([
    { key: 'fileName', label: t('intake.fileName'), render: (b) => b.fileName || b.id.slice(0, 8) },
    { key: 'department', label: t('problem.department') },
    { key: 'kind', label: t('intake.kind'), render: (b) => term('kind', b.kind) },
    { key: 'status', label: t('intake.status'), render: (b) => term('bstatus', b.status) },
    { key: 'rowsRead', label: t('intake.rowsRead'), numeric: true, render: (b) => num(b.rowsRead) },
    { key: 'rejected', label: t('intake.rejected'), numeric: true, render: (b) => num(b.rejected) },
    { key: 'startedAt', label: t('intake.submittedAt'), render: (b) => when(b.startedAt) },
  ], batches, t('intake.batches'));
}

/** Departments with data elements not yet reported for the area. */
function missingCard(completeness) {
  const missing = completeness.departments.filter((d) => d.missing > 0);
  return h('section', { class: 'card', id: 'missing-departments' }, h('h2', {}, t('intake.missing')),
    missing.length ? simpleTable([
      { key: 'departmentZh', label: t('problem.department'), render: (d) => d.departmentZh || d.department },
      { key: 'expected', label: t('intake.expected'), numeric: true },
      { key: 'reported', label: t('intake.reported'), numeric: true },
      { key: 'missing', label: t('intake.missingAreas'), numeric: true },
      { key: 'dataElements', label: t('intake.dataElement'), render: (d) => d.dataElements.filter((e) => e.missing > 0)
        .map((e) => `${e.nameZh}（${e.missing}）`).join('；') },
    ], missing, t('intake.missing')) : h('p', {}, t('intake.allSubmitted')));
}
