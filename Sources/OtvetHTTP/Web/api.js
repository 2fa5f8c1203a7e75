// The HTTP API, as the cabinet uses it. The session token lives in
// sessionStorage (per tab, gone when the tab closes) and goes out as
// `Authorization: Bearer`: the server then ignores the cookie, so no CSRF
// token is needed.

const TOKEN_KEY = 'otvet.token';

export function token() {
  try { return sessionStorage.getItem(TOKEN_KEY); } catch { return null; }
}

export function setToken(value) {
  try {
    if (value) sessionStorage.setItem(TOKEN_KEY, value);
    else sessionStorage.removeItem(TOKEN_KEY);
  } catch { /* storage switched off: the token lives as long as the page */ }
  memoryToken = value || null;
}

let memoryToken = null;
const currentToken = () => token() || memoryToken;

/** A refusal from the API: status, the problem document's detail, and findings when the check refused. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem || {};
    this.findings = problem?.findings || null;
    this.field = problem?.field || null;
  }
}

// The app registers this to go back to the log-in form when a token expires.
let onUnauthorized = null;
export function whenUnauthorized(handler) { onUnauthorized = handler; }

export async function request(method, path, body, { raw = false, auth = true } = {}) {
  const headers = { Accept: 'application/json' };
  const bearer = auth ? currentToken() : null;
  if (bearer) headers.Authorization = `Bearer ${bearer}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response;
  try {
    response = await fetch(path, {
      method, headers, body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'omit', cache: 'no-store',
    });
  } catch (error) {
    throw new ApiError(0, { detail: 'Сервер не отвечает. Проверьте соединение и повторите.' });
  }
  if (response.status === 204) return null;
  if (!response.ok) {
    let problem = null;
    try { problem = await response.json(); } catch { /* not JSON */ }
    const error = new ApiError(response.status, problem);
    if (response.status === 401 && bearer && onUnauthorized && !path.startsWith('/v1/login')) onUnauthorized(error);
    throw error;
  }
  if (raw) return response;
  return response.json();
}

const get = (path) => request('GET', path);
const post = (path, body) => request('POST', path, body ?? {});
const query = (params) => new URLSearchParams(Object.entries(params).filter(([, v]) => v !== undefined && v !== null && v !== '')).toString();

export const api = {
  login: (login, password) => request('POST', '/v1/login', { login, password }, { auth: false }),
  logout: () => post('/v1/logout'),
  me: () => get('/v1/me'),
  switchRole: (role) => post('/v1/me/role', { role }),

  messages: (folder, offset = 0, limit = 50) => get(`/v1/messages?${query({ folder, offset, limit })}`),
  card: (id) => get(`/v1/messages/${encodeURIComponent(id)}`),
  act: (id, action, body) => post(`/v1/messages/${encodeURIComponent(id)}/${encodeURIComponent(action)}`, body),

  users: (role) => get(`/v1/users${role ? `?${query({ role })}` : ''}`),
  templates: () => get('/v1/templates'),
  categories: () => get('/v1/categories'),
  organisations: () => get('/v1/organisations'),

  rules: () => request('GET', '/v1/rules', undefined, { auth: false }),
  check: (body) => post('/v1/check', body),

  corpus: () => get('/v1/corpus'),
  corpusCase: (id) => get(`/v1/corpus/${encodeURIComponent(id)}`),
  scoreCase: (id, answer) => post(`/v1/corpus/${encodeURIComponent(id)}/score`, { answer }),

  rating: (from, to) => get(`/v1/reports/rating?${query({ from, to })}`),
  /** The CSV as a Blob: a plain link cannot carry the bearer header. */
  ratingCSV: async (from, to) => (await request('GET', `/v1/reports/rating?${query({ from, to, format: 'csv' })}`, undefined, { raw: true })).blob(),
};

/** Things every page looks up by id (rules, users, categories), fetched once per session and role. */
const cache = new Map();
export function cached(key, load) {
  if (!cache.has(key)) {
    const promise = load().catch((error) => { cache.delete(key); throw error; });
    cache.set(key, promise);
  }
  return cache.get(key);
}
export function dropCache() { cache.clear(); }

/** Rules by id: {name, severity, summary}; an empty map when the server does not answer. */
export function rulesById() {
  return cached('rules', async () => new Map((await api.rules()).map((rule) => [rule.id, rule]))).catch(() => new Map());
}
