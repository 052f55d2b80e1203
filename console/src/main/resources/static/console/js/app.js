/**
 * The console's entry: signs the user in, draws the navigation their roles allow, and shows the page the
 * hash names (#/scorecard?area=3601&year=2025). One module per page under pages/, loaded when first opened.
 */
import { h, show } from './dom.js';
import { t, lang, setLang, translateStatic } from './i18n.js';
import { loadConfig, user, hasRole, signOut, completeOidcSignIn } from './auth.js';
import { disposeCharts } from './charts.js';

const OFFICIALS = ['CITY_OFFICIAL', 'DISTRICT_OFFICIAL', 'PROVINCIAL_REVIEWER', 'ADMINISTRATOR'];

/** Pages: who may open them and where their module is. The first allowed one is the home page. */
const PAGES = [
  { path: 'scorecard', label: 'nav.scorecard', module: './pages/scorecard.js',
    roles: [...OFFICIALS, 'PROJECT_APPROVER', 'RESPONSIBLE_UNIT'] },
  { path: 'ledger', label: 'nav.ledger', module: './pages/ledger.js', roles: [...OFFICIALS, 'RESPONSIBLE_UNIT'] },
  { path: 'problem', module: './pages/problem.js', roles: [...OFFICIALS, 'RESPONSIBLE_UNIT'] },
  { path: 'progress', label: 'nav.progress', module: './pages/progress.js', roles: OFFICIALS },
  { path: 'projects', label: 'nav.projects', module: './pages/projects.js',
    roles: [...OFFICIALS, 'PROJECT_APPROVER', 'RESPONSIBLE_UNIT'] },
  { path: 'project', module: './pages/project.js', roles: [...OFFICIALS, 'PROJECT_APPROVER', 'RESPONSIBLE_UNIT'] },
  { path: 'intake', label: 'nav.intake', module: './pages/intake.js', roles: [...OFFICIALS, 'DEPARTMENT_SUBMITTER', 'OPERATOR'] },
  { path: 'signin', module: './pages/signin.js', roles: null },
];

const view = document.getElementById('view');

/** The current route: #/ledger?status=OPEN → {path: 'ledger', rest: [], params: {status: 'OPEN'}} */
function route() {
  const [pathPart, queryPart] = location.hash.replace(/^#\/?/, '').split('?');
  const [path, ...rest] = pathPart.split('/').filter(Boolean);
  return { path: path || '', rest, params: Object.fromEntries(new URLSearchParams(queryPart || '')) };
}

/** Goes to a page with parameters (empty ones left out); the hashchange listener shows it. */
export function navigate(path, params = {}) {
  const query = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== '' && v !== null && v !== undefined));
  const text = query.toString();
  location.hash = `#/${path}${text ? `?${text}` : ''}`;
}

function allowed(page) {
  return page.roles === null || hasRole(...page.roles);
}

function drawChrome(current) {
  const signedIn = user();
  document.getElementById('user-name').textContent = signedIn ? signedIn.name : '';
  document.getElementById('sign-out').hidden = !signedIn;
  document.getElementById('lang-switch').textContent = t('app.switch');
  translateStatic();
  show(document.getElementById('nav'), signedIn
    ? PAGES.filter((page) => page.label && allowed(page)).map((page) =>
      h('a', { href: `#/${page.path}`, class: page.path === current ? 'active' : null,
        'aria-current': page.path === current ? 'page' : null }, t(page.label)))
    : []);
}

async function render() {
  const { path, rest, params } = route();
  if (!user() && path !== 'signin') {
    navigate('signin', { next: location.hash });
    return;
  }
  const page = PAGES.find((p) => p.path === path) || PAGES.find((p) => p.label && allowed(p));
  if (!page) {
    show(view, h('p', { class: 'error' }, t('app.forbidden')));
    return;
  }
  if (page.path !== path) {
    navigate(page.path);
    return;
  }
  drawChrome(page.path === 'problem' ? 'ledger' : page.path === 'project' ? 'projects' : page.path);
  disposeCharts();
  if (!allowed(page)) {
    show(view, h('p', { class: 'error' }, t('app.forbidden')));
    return;
  }
  // Each visit draws into its own container: a page still waiting for its data when the user moves on
  // (the landing page right after sign-in, say) then finishes into a detached node instead of over the new page.
  const pageView = h('div', { class: 'page', 'data-page': page.path });
  show(view, pageView);
  show(pageView, h('p', { class: 'loading' }, t('app.loading')));
  try {
    const module = await import(page.module);
    await module.render(pageView, params, rest);
    document.dispatchEvent(new CustomEvent('tijian:page-drawn', { detail: page.path }));
  } catch (e) {
    console.warn(e);
    show(pageView, h('p', { class: 'error', role: 'alert' }, t('app.error', { message: e.message })));
  }
}

async function start() {
  setLang(lang());
  const config = await loadConfig();
  if (config.mode === 'oidc') await completeOidcSignIn();
  document.getElementById('lang-switch').addEventListener('click', () => {
    setLang(lang() === 'zh' ? 'en' : 'zh');
    render();
  });
  document.getElementById('sign-out').addEventListener('click', () => {
    signOut();
    navigate('signin');
  });
  window.addEventListener('hashchange', render);
  await render();
}

start();
