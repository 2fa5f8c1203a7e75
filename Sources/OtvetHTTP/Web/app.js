// The cabinet's shell: sign-in, the header with the role switcher, and the
// hash router (#/folder/new, #/message/12, #/trainer, #/trainer/<case>,
// #/rating, #/rating/2021-07). Pages live in their own modules.

import { api, token, setToken, whenUnauthorized, dropCache } from './api.js';
import { el, clear, announce, ROLE_TITLES } from './util.js';
import { showFolder, defaultFolder } from './folders.js';
import { showCard } from './card.js';
import { showCorpus, showCase } from './trainer.js';
import { showRating } from './rating.js';

const main = document.getElementById('main');
const nav = document.getElementById('mainnav');
const userbox = document.getElementById('userbox');
const currentUser = document.getElementById('current-user');
const roleSwitch = document.getElementById('role-switch');

/** Who is signed in and in which role; pages read it through `session`. */
export const session = { user: null, role: null };

// Each navigation gets a number; a page that finished loading after the
// user moved on must not draw over the newer page.
let viewSeq = 0;
export const isCurrent = (seq) => seq === viewSeq;

const RATING_ROLES = new Set(['admin', 'curator', 'head', 'coordinator']);

function setSession(user, role) {
  session.user = user;
  session.role = role;
  if (!user) {
    nav.hidden = true;
    userbox.hidden = true;
    return;
  }
  currentUser.textContent = user.name || user.login;
  currentUser.title = user.organisation ? `${user.login}, ${user.organisation.name}` : user.login;
  clear(roleSwitch, (user.roles || [role]).map((id) => el('option', { value: id, selected: id === role }, ROLE_TITLES[id] || id)));
  roleSwitch.value = role;
  roleSwitch.disabled = (user.roles || []).length < 2;
  nav.querySelector('[data-section="rating"]').hidden = !RATING_ROLES.has(role);
  nav.querySelector('[data-section="folder"]').href = `#/folder/${defaultFolder(role)}`;
  nav.hidden = false;
  userbox.hidden = false;
}

function renderLogin(notice = '') {
  viewSeq += 1;
  setSession(null, null);
  const error = el('p.error-text', { role: 'alert' });
  const form = el('form#login-form', { novalidate: true },
    el('div.field', el('label', { for: 'login-name' }, 'Логин'),
      el('input#login-name', { name: 'login', autocomplete: 'username', required: true, autocapitalize: 'none', spellcheck: 'false' })),
    el('div.field', el('label', { for: 'login-password' }, 'Пароль'),
      el('input#login-password', { name: 'password', type: 'password', autocomplete: 'current-password', required: true })),
    error,
    el('button.primary', { type: 'submit' }, 'Войти'));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const login = form.elements.login.value.trim();
    const password = form.elements.password.value;
    if (!login || !password) {
      error.textContent = 'Введите логин и пароль.';
      (login ? form.elements.password : form.elements.login).focus();
      return;
    }
    const button = form.querySelector('button[type="submit"]');
    button.disabled = true;
    error.textContent = '';
    try {
      const answer = await api.login(login, password);
      setToken(answer.token);
      dropCache();
      setSession(answer.user, answer.role);
      route();
    } catch (failure) {
      error.textContent = failure.status === 401 ? 'Неверный логин или пароль.' : `Не удалось войти: ${failure.message}`;
      form.elements.password.select();
    } finally {
      button.disabled = false;
    }
  });
  clear(main, el('section.login.panel', { 'aria-labelledby': 'login-title' },
    el('h1#login-title', 'Вход в личный кабинет организации'),
    notice ? el('p.notice', notice) : null,
    form,
    el('p.hint', 'Проверить текст ответа можно и без входа: ', el('a', { href: '/check' }, 'проверка текста'), '.')));
  document.title = 'Вход — Ответ';
  form.elements.login.focus();
}

/** Reads the hash and draws the page. */
export function route() {
  if (!session.user) { renderLogin(); return; }
  const seq = ++viewSeq;
  const [section = '', ...rest] = location.hash.replace(/^#\/?/, '').split('/').map((part) => decodeURIComponent(part));
  for (const link of nav.querySelectorAll('a[data-section]')) {
    link.toggleAttribute('aria-current', link.dataset.section === (section === 'message' ? 'folder' : section));
    if (link.hasAttribute('aria-current')) link.setAttribute('aria-current', 'page');
  }
  // Pages get what they need here rather than importing this module (no import cycle).
  const context = { session, current: () => isCurrent(seq), reload: route };
  switch (section) {
    case 'folder':
      if (!rest[0]) { location.replace(`#/folder/${defaultFolder(session.role)}`); return; }
      showFolder(main, rest[0], context);
      break;
    case 'message': showCard(main, rest[0], context); break;
    case 'trainer':
      if (rest[0]) showCase(main, rest[0], context);
      else showCorpus(main, context);
      break;
    case 'rating': showRating(main, rest[0], context); break;
    default: location.replace(`#/folder/${defaultFolder(session.role)}`);
  }
}

async function switchRole() {
  const role = roleSwitch.value;
  roleSwitch.disabled = true;
  try {
    const answer = await api.switchRole(role);
    dropCache();
    setSession(answer.user, answer.activeRole);
    announce(`Вы работаете как ${ROLE_TITLES[answer.activeRole] || answer.activeRole}.`);
    // A folder list jumps to the new role's own folder; a card is redrawn with the new role's buttons.
    if (location.hash.startsWith('#/folder') || !location.hash) location.hash = `#/folder/${defaultFolder(answer.activeRole)}`;
    else route();
  } catch (error) {
    roleSwitch.value = session.role;
    announce(`Роль не сменилась: ${error.message}`, 'error');
  } finally {
    roleSwitch.disabled = (session.user?.roles || []).length < 2;
  }
}

async function logout() {
  try { await api.logout(); } catch { /* the token may be gone already */ }
  setToken(null);
  dropCache();
  renderLogin('Вы вышли из кабинета.');
}

async function boot() {
  whenUnauthorized(() => {
    setToken(null);
    document.getElementById('action-dialog')?.close();
    renderLogin('Сессия истекла или завершена. Войдите снова.');
  });
  window.addEventListener('hashchange', route);
  roleSwitch.addEventListener('change', switchRole);
  document.getElementById('logout-button').addEventListener('click', logout);
  if (token()) {
    try {
      const me = await api.me();
      setSession(me.user, me.activeRole);
    } catch {
      setToken(null);
    }
  }
  route();
}

boot();
