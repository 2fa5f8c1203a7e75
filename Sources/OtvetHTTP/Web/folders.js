// The guide's folders with their counts, and a folder's message list.

import { api, cached } from './api.js';
import { el, clear, FOLDERS, STATE_TITLES, SOURCE_TITLES, formatMoment, deadlineInfo, shorten } from './util.js';

const PAGE = 50;

/** Where each role starts: the folder with its own work. */
export function defaultFolder(role) {
  return { coordinator: 'new', executor: 'in-work', head: 'prepared', curator: 'new', admin: 'sent' }[role] || 'new';
}

/** Which folder a message in this state lives in (for the card's sidebar). */
export const folderOfState = (state) => (FOLDERS.some(([id]) => id === state) ? state : 'new');

export function categoriesById() {
  return cached('categories', async () => new Map((await api.categories()).map((c) => [c.id, c]))).catch(() => new Map());
}

export function usersById() {
  return cached('users', async () => new Map((await api.users()).map((u) => [u.id, u]))).catch(() => new Map());
}

/** The folder sidebar; «Отправленные заявителю» and «Перенаправленные» sit under «Обработанные», as in ЛКО. */
export function folderNav(counts, current) {
  const list = el('ul.folders');
  for (const [id, title] of FOLDERS) {
    const count = counts ? counts[id] ?? 0 : '…';
    const link = el('a', { href: `#/folder/${id}`, dataset: { folder: id } },
      el('span.folder-title', title), el('span.count', { 'aria-label': `сообщений: ${count}` }, String(count)));
    if (id === current) link.setAttribute('aria-current', 'page');
    list.append(el(`li${id === 'sent' || id === 'redirected' ? '.sub' : ''}`, link));
  }
  return el('nav.sidebar', { 'aria-label': 'Папки сообщений' }, list);
}

/**
 * The two-column layout: folders on the left, `content` on the right.
 * Returns sidebar(current, counts), which redraws only the folder list
 * (moving `content` would drop the focus inside it).
 */
export function withFolders(main, current, content, counts = null) {
  const side = el('div.sidebar-host', folderNav(counts, current));
  clear(main, el('div.layout', side, content));
  return (folder, fresh) => clear(side, folderNav(fresh, folder));
}

/** Counts of every folder (the list route answers them with any folder). */
export async function folderCounts() {
  return (await api.messages('new', 0, 1)).counts;
}

export async function showFolder(main, folder, context) {
  const entry = FOLDERS.find(([id]) => id === folder);
  const content = el('section.content.panel', { 'aria-labelledby': 'folder-title' });
  const setCounts = withFolders(main, folder, content);
  if (!entry) {
    clear(content, el('h1#folder-title', 'Нет такой папки'), el('p', el('a', { href: '#/folder/new' }, 'К новым сообщениям')));
    return;
  }
  document.title = `${entry[1]} — Ответ`;
  clear(content, el('h1#folder-title', entry[1]), el('p.muted', 'Загрузка…'));
  let answer, categories;
  try {
    [answer, categories] = await Promise.all([api.messages(folder, 0, PAGE), categoriesById()]);
  } catch (error) {
    if (!context.current()) return;
    clear(content, el('h1#folder-title', entry[1]), el('p.notice.error', { role: 'alert' }, `Список не загрузился: ${error.message}`));
    return;
  }
  if (!context.current()) return;
  setCounts(folder, answer.counts);
  const body = el('tbody');
  const table = el('table.messages',
    el('caption.visually-hidden', `Папка «${entry[1]}»: номер, категория, текст, поступление, срок ответа, отметки`),
    el('thead', el('tr', ['Номер', 'Категория', 'Сообщение', 'Поступление', 'Срок ответа', 'Отметки'].map((t) => el('th', { scope: 'col' }, t)))),
    body);
  let offset = 0;
  const more = el('button.more', { type: 'button' }, 'Показать ещё');
  const addRows = (items) => {
    for (const item of items) body.append(messageRow(item, categories, folder));
    offset += items.length;
    more.hidden = items.length < PAGE;
  };
  more.addEventListener('click', async () => {
    more.disabled = true;
    try {
      const next = await api.messages(folder, offset, PAGE);
      addRows(next.messages);
      setCounts(folder, next.counts);
    } catch (error) {
      more.after(el('p.error-text', { role: 'alert' }, `Не загрузилось: ${error.message}`));
    } finally {
      more.disabled = false;
    }
  });
  addRows(answer.messages);
  clear(content, el('h1#folder-title', entry[1], ' ', el('span.muted', `(${answer.counts[folder] ?? answer.messages.length})`)),
    answer.messages.length ? el('div.table-wrap', table) : el('p.muted', 'В папке нет сообщений.'),
    more);
}

function messageRow({ message, overdue }, categories, folder) {
  const category = categories.get(message.categoryID);
  const subcategory = categories.get(message.subcategoryID);
  const deadline = deadlineInfo(message, overdue);
  const open = () => { location.hash = `#/message/${message.id}`; };
  const row = el('tr', { dataset: { messageId: message.id, state: message.state }, onclick: (e) => { if (!e.target.closest('a')) open(); } },
    el('td', el('a', { href: `#/message/${message.id}` }, message.number)),
    el('td', category ? category.name : '—', subcategory ? el('div.muted', subcategory.name) : null),
    el('td.msg-text', shorten(message.text)),
    el('td', { title: SOURCE_TITLES[message.source] || '' }, formatMoment(message.receivedAt)),
    el(`td${deadline.overdue ? '.overdue' : ''}`, deadline.text, el('div.muted', `до ${formatMoment(message.deadline)}`)),
    el('td',
      message.fastTrack ? el('span.badge.fast', { title: 'Ускоренный срок ответа' }, 'Фаст-трек') : null,
      message.repeatCount > 0 ? el('span.badge.repeat', `Повторное рассмотрение${message.repeatCount > 1 ? ` ×${message.repeatCount}` : ''}`) : null,
      folder === 'processed' ? el('span.badge.state', STATE_TITLES[message.state] || message.state) : null,
      deadline.overdue ? el('span.badge.overdue-badge', 'Просрочено') : null));
  return row;
}
