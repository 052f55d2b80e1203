/** Sign-in: demo users in standalone ("dev") mode, the OpenID Connect provider in production. */
import { h, show } from '../dom.js';
import { t } from '../i18n.js';
import { loadConfig, demoUsers, signInAs, startOidcSignIn } from '../auth.js';

export async function render(view, params) {
  const config = await loadConfig();
  const next = params.next && params.next.startsWith('#/') && !params.next.startsWith('#/signin') ? params.next : '#/';
  const message = h('p', { class: 'error', role: 'alert' });
  if (config.mode === 'oidc') {
    show(view, h('section', { class: 'card' }, h('h1', {}, t('signin.title')),
      h('button', { type: 'button', id: 'oidc-sign-in', onclick: () => startOidcSignIn().catch((e) => {
        message.textContent = t('signin.failed', { message: e.message });
      }) }, t('signin.oidc')), message));
    return;
  }
  const users = await demoUsers();
  const pickUser = async (username) => {
    try {
      await signInAs(username);
      location.hash = next;
    } catch (e) {
      message.textContent = t('signin.failed', { message: e.message });
    }
  };
  show(view, h('section', { class: 'card' },
    h('h1', {}, t('signin.title')),
    h('p', { class: 'muted' }, t('signin.dev')),
    h('div', { class: 'users' }, users.map((u) => h('button', {
      type: 'button', class: 'user', 'data-username': u.username, onclick: () => pickUser(u.username),
    }, h('strong', {}, u.name), h('small', {}, `${u.username} · ${(u.roles || []).join(', ')}`),
    h('small', {}, [t('app.area'), ': ', (u.areas || []).join(', ') || '—'].join(''))))),
    message));
}
