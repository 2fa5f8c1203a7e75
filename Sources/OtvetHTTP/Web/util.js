// Small helpers shared by every page: a DOM builder, Russian labels and
// date/duration formatting. No framework: the cabinet must work offline
// and without a build step.

/** el('tag.class#id', {attrs}, children…): attributes starting with "on" become listeners. */
export function el(spec, attrs = {}, ...children) {
  // The attributes may be left out: el('p', 'text') and el('div', child) work too.
  if (attrs instanceof Node || typeof attrs !== 'object' || Array.isArray(attrs) || attrs === null) {
    children.unshift(attrs);
    attrs = {};
  }
  const [, tag = 'div', rest = ''] = spec.match(/^([a-z0-9-]+)?(.*)$/i);
  const node = document.createElement(tag);
  for (const part of rest.match(/[.#][^.#]+/g) || []) {
    if (part[0] === '.') node.classList.add(part.slice(1));
    else node.id = part.slice(1);
  }
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') node.addEventListener(key.slice(2), value);
    else if (key === 'dataset') Object.assign(node.dataset, value);
    else if (key === 'text') node.textContent = value;
    else if (key === 'value' || key === 'checked' || key === 'selected') node[key] = value;
    else node.setAttribute(key, value === true ? '' : String(value));
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : String(child));
  }
}

/** An SVG element (charts); attributes are set verbatim. */
export function svg(tag, attrs = {}, ...children) {
  const node = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [key, value] of Object.entries(attrs)) if (value !== undefined && value !== null) node.setAttribute(key, value);
  append(node, children);
  return node;
}

export function clear(node, ...children) {
  node.replaceChildren();
  append(node, children);
  return node;
}

// The guide's names for roles, folders, states and buttons.
export const ROLE_TITLES = {
  coordinator: 'Координатор', executor: 'Исполнитель', curator: 'Куратор',
  head: 'Руководитель', admin: 'Администратор ЛКО',
};

export const FOLDERS = [
  ['new', 'Новые'], ['returned', 'Возвращены'], ['in-work', 'В работе'],
  ['prepared', 'Подготовленные ответы'], ['awaiting-redirect', 'На перенаправление'],
  ['processed', 'Обработанные'], ['sent', 'Отправленные заявителю'],
  ['redirected', 'Перенаправленные'], ['rejected', 'Отклоненные'],
];

export const STATE_TITLES = {
  new: 'Новое', returned: 'Возвращено', 'in-work': 'В работе', prepared: 'Ответ подготовлен',
  'awaiting-redirect': 'На перенаправлении', sent: 'Отправлено заявителю',
  redirected: 'Перенаправлено', rejected: 'Отклонено',
};

export const ACTION_TITLES = {
  assign: 'Назначить исполнителя', 'assign-org': 'Назначить ответственную организацию',
  escalate: 'Передать в вышестоящую', redirect: 'Перенаправить', take: 'Взять в работу',
  return: 'Вернуть на координацию', draft: 'Подготовить ответ', submit: 'На согласование',
  reject: 'Отклонить ответ', edit: 'Изменить ответ', delegate: 'Передать право утверждения',
  approve: 'Утвердить', 'approve-redirect': 'Утвердить перенаправление',
  'reject-redirect': 'Отклонить перенаправление', reopen: 'Вернуть на повторное рассмотрение',
};

// «Ход работ» says what happened, not what the button was called.
export const HISTORY_TITLES = {
  receive: 'Сообщение поступило', assign: 'Назначен исполнитель', 'assign-org': 'Назначена ответственная организация',
  escalate: 'Передано в вышестоящую организацию', redirect: 'Отправлено на перенаправление', take: 'Взято в работу',
  return: 'Возвращено на координацию', draft: 'Сохранён черновик ответа', submit: 'Ответ отправлен на согласование',
  reject: 'Ответ отклонён руководителем', edit: 'Ответ изменён руководителем', delegate: 'Передано право утверждения',
  approve: 'Ответ утверждён и отправлен заявителю', 'approve-redirect': 'Перенаправление утверждено',
  'reject-redirect': 'Перенаправление отклонено', reopen: 'Заявитель вернул на повторное рассмотрение',
};

export const ANSWER_TYPES = [['resolved', 'Решено'], ['unresolved', 'Не решено'], ['postponed', 'Отложено'], ['rejected', 'Отклонено']];
export const answerTypeTitle = (id) => (ANSWER_TYPES.find(([key]) => key === id) || [id, id])[1];

export const SOURCE_TITLES = { portal: 'Портал Госуслуг (ЕПУ)', mobile: 'Мобильное приложение', widget: 'Виджет на сайте' };
export const SEVERITY_TITLES = { error: 'ошибка', warning: 'предупреждение', suggestion: 'совет' };
export const VERDICT_TITLES = { pass: 'проходит', fail: 'не проходит' };

/** Russian plural: plural(5, ['день', 'дня', 'дней']) → 'дней'. */
export function plural(n, [one, few, many]) {
  const a = Math.abs(n) % 100, b = a % 10;
  if (a > 10 && a < 20) return many;
  if (b === 1) return one;
  if (b >= 2 && b <= 4) return few;
  return many;
}

const pad = (n) => String(n).padStart(2, '0');

/** The guide's card format: «17:34 | 18.07.2021», in the browser's time zone. */
export function formatMoment(iso) {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${pad(d.getHours())}:${pad(d.getMinutes())} | ${pad(d.getDate())}.${pad(d.getMonth() + 1)}.${d.getFullYear()}`;
}

export function formatDate(iso) {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : `${pad(d.getDate())}.${pad(d.getMonth() + 1)}.${d.getFullYear()}`;
}

/** «2 дня 3 часа», «23 часа 18 минут», «5 минут»: the two largest units, as the guide's card shows. */
export function formatDuration(ms) {
  const minutes = Math.max(0, Math.floor(Math.abs(ms) / 60000));
  const days = Math.floor(minutes / 1440), hours = Math.floor((minutes % 1440) / 60), mins = minutes % 60;
  const parts = [];
  if (days) parts.push(`${days} ${plural(days, ['день', 'дня', 'дней'])}`);
  if (hours) parts.push(`${hours} ${plural(hours, ['час', 'часа', 'часов'])}`);
  if (!days && (mins || !hours)) parts.push(`${mins} ${plural(mins, ['минута', 'минуты', 'минут'])}`);
  return parts.slice(0, 2).join(' ');
}

/** Time left to the deadline: {text, overdue}. Closed messages say when they were answered instead. */
export function deadlineInfo(message, overdueFlag, now = Date.now()) {
  const deadline = new Date(message.deadline).getTime();
  if (message.answeredAt) {
    const late = new Date(message.answeredAt).getTime() - deadline;
    return { overdue: late > 0, text: late > 0 ? `ответ с опозданием на ${formatDuration(late)}` : 'ответ дан в срок' };
  }
  if (['sent', 'redirected', 'rejected'].includes(message.state)) return { overdue: !!overdueFlag, text: '—' };
  const left = deadline - now;
  if (left < 0 || overdueFlag) return { overdue: true, text: `просрочено на ${formatDuration(left)}` };
  return { overdue: false, text: `осталось ${formatDuration(left)}` };
}

export function formatScore(score) {
  return typeof score === 'number' ? score.toFixed(1) : '—';
}

export function formatBytes(size) {
  if (typeof size !== 'number') return '';
  if (size < 1024) return `${size} Б`;
  if (size < 1024 * 1024) return `${(size / 1024).toFixed(0)} КБ`;
  return `${(size / 1024 / 1024).toFixed(1)} МБ`;
}

/** Shortens a message for the list without cutting a word in half. */
export function shorten(text, max = 140) {
  const flat = String(text || '').replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max - 20))}…`;
}

/** Calls fn after `wait` ms of quiet; `.cancel()` drops a pending call. */
export function debounce(fn, wait) {
  let timer = null;
  const wrapped = (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => { timer = null; fn(...args); }, wait);
  };
  wrapped.cancel = () => clearTimeout(timer);
  return wrapped;
}

/** A status line for screen readers and everyone else (role=status is in index.html). */
export function announce(text, kind = 'info') {
  const node = document.getElementById('status');
  if (!node) return;
  node.textContent = text;
  node.dataset.kind = kind;
  clearTimeout(announce.timer);
  announce.timer = setTimeout(() => { node.textContent = ''; }, 6000);
}
