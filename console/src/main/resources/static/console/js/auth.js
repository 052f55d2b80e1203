/**
 * Who is signed in, and how they sign in.
 *
 * config.json says the mode: "dev" (standalone mode: pick a demo user from the development token issuer,
 * GET /auth/users and POST /auth/token through the gateway) or "oidc" (production: the OpenID Connect
 * provider's authorization-code flow with PKCE, public client tijian-console). Either way the console ends
 * up with an access token whose claims (roles, areas, department, unit, name) decide what it shows; the
 * services check the same token on every call.
 */
const TOKEN_KEY = 'tijian.token';
const PKCE_KEY = 'tijian.pkce';

let config = null;

export async function loadConfig() {
  if (!config) {
    const response = await fetch('config.json', { cache: 'no-store' });
    config = response.ok ? await response.json() : { mode: 'dev' };
  }
  return config;
}

export function token() {
  const stored = sessionStorage.getItem(TOKEN_KEY);
  if (!stored) return null;
  const claims = decode(stored);
  if (!claims || (claims.exp && claims.exp * 1000 < Date.now())) {
    sessionStorage.removeItem(TOKEN_KEY);
    return null;
  }
  return stored;
}

/** The signed-in user's claims, or null. */
export function user() {
  const current = token();
  if (!current) return null;
  const claims = decode(current);
  return {
    username: claims.preferred_username || claims.sub,
    name: claims.name || claims.preferred_username || claims.sub,
    roles: asList(claims.roles),
    areas: asList(claims.areas),
    department: claims.department || null,
    unit: claims.unit || null,
  };
}

export function hasRole(...roles) {
  const current = user();
  return !!current && current.roles.some((role) => roles.includes(role));
}

/** The area the user works on first: the root of every page's area picker. */
export function homeArea() {
  const current = user();
  return current && current.areas.length ? current.areas[0] : null;
}

export function signOut() {
  sessionStorage.removeItem(TOKEN_KEY);
}

// ---- dev mode: the development token issuer -------------------------------------------------------

export async function demoUsers() {
  const response = await fetch('/auth/users');
  if (!response.ok) throw new Error(`/auth/users: ${response.status}`);
  return response.json();
}

export async function signInAs(username) {
  const response = await fetch('/auth/token', {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ username }),
  });
  if (!response.ok) throw new Error(`/auth/token: ${response.status}`);
  const answer = await response.json();
  sessionStorage.setItem(TOKEN_KEY, answer.access_token);
}

// ---- oidc mode: authorization code + PKCE --------------------------------------------------------

async function discovery() {
  const response = await fetch(`${config.oidc.issuer}/.well-known/openid-configuration`);
  if (!response.ok) throw new Error(`OpenID discovery: ${response.status}`);
  return response.json();
}

function redirectUri() {
  return `${location.origin}${location.pathname}`;
}

/** Sends the browser to the provider's sign-in page; it comes back with ?code=&state=. */
export async function startOidcSignIn() {
  const endpoints = await discovery();
  const verifier = base64url(crypto.getRandomValues(new Uint8Array(48)));
  const challenge = base64url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));
  const state = base64url(crypto.getRandomValues(new Uint8Array(16)));
  sessionStorage.setItem(PKCE_KEY, JSON.stringify({ verifier, state, hash: location.hash }));
  const query = new URLSearchParams({
    response_type: 'code',
    client_id: config.oidc.clientId,
    redirect_uri: redirectUri(),
    scope: config.oidc.scope || 'openid',
    state,
    code_challenge: challenge,
    code_challenge_method: 'S256',
  });
  location.assign(`${endpoints.authorization_endpoint}?${query}`);
}

/** On the way back from the provider: trades the code for a token. True when it signed the user in. */
export async function completeOidcSignIn() {
  const params = new URLSearchParams(location.search);
  const pending = JSON.parse(sessionStorage.getItem(PKCE_KEY) || 'null');
  if (!params.has('code') || !pending) return false;
  sessionStorage.removeItem(PKCE_KEY);
  if (params.get('state') !== pending.state) throw new Error('OpenID sign-in: state does not match');
  const endpoints = await discovery();
  const response = await fetch(endpoints.token_endpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code: params.get('code'),
      redirect_uri: redirectUri(),
      client_id: config.oidc.clientId,
      code_verifier: pending.verifier,
    }),
  });
  if (!response.ok) throw new Error(`OpenID token: ${response.status}`);
  const answer = await response.json();
  sessionStorage.setItem(TOKEN_KEY, answer.access_token);
  history.replaceState(null, '', `${redirectUri()}${pending.hash || '#/'}`);
  return true;
}

// ---- tokens -------------------------------------------------------------------------------------------

function decode(jwt) {
  try {
    const payload = jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    const bytes = Uint8Array.from(atob(payload), (c) => c.charCodeAt(0));
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch (e) {
    return null;
  }
}

function asList(value) {
  if (!value) return [];
  return Array.isArray(value) ? value : String(value).split(/[ ,]+/).filter(Boolean);
}

function base64url(bytes) {
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
