// The message card: the guide's fields, the answer with its check (the
// head's view), «Ход работ», and the active role's buttons.

import { api, rulesById } from './api.js';
import {
  el, clear, announce, STATE_TITLES, SOURCE_TITLES, ROLE_TITLES, ACTION_TITLES, HISTORY_TITLES,
  formatMoment, deadlineInfo, formatBytes, answerTypeTitle, formatScore, VERDICT_TITLES,
} from './util.js';
import { withFolders, folderOfState, folderCounts, usersById, categoriesById } from './folders.js';
import { annotatedView } from './highlight.js';
import { openAction } from './actions.js';

// Who may press which button in which state: Sources/OtvetWorkflow/Workflow/Action.swift `rule`, in the guide's order.
const ACTION_RULES = [
  ['assign', ['coordinator'], ['new', 'returned']],
  ['assign-org', ['coordinator'], ['new', 'returned']],
  ['escalate', ['coordinator'], ['new', 'returned']],
  ['redirect', ['coordinator'], ['new', 'returned']],
  ['take', ['coordinator'], ['new', 'returned']],
  ['draft', ['executor', 'coordinator'], ['in-work']],
  ['submit', ['executor', 'coordinator'], ['in-work']],
  ['return', ['executor', 'coordinator'], ['in-work']],
  ['approve', ['head'], ['prepared']],
  ['edit', ['head'], ['prepared']],
  ['reject', ['head'], ['prepared']],
  ['delegate', ['head'], ['prepared']],
  ['approve-redirect', ['head'], ['awaiting-redirect']],
  ['reject-redirect', ['head'], ['awaiting-redirect']],
  ['reopen', ['admin'], ['sent']],
];
const ASSIGNEE_ONLY = new Set(['draft', 'submit', 'return']);
const APPROVER_ONLY = new Set(['approve', 'edit', 'reject', 'delegate']);

/** The buttons the active role may press on this message (the server checks again). */
export function availableActions(message, session) {
  const me = session.user, role = session.role;
  const actions = ACTION_RULES.filter(([action, roles, states]) => {
    if (!roles.includes(role) || !states.includes(message.state)) return false;
    if (ASSIGNEE_ONLY.has(action) && message.executorID !== me.id) return false;
    if (APPROVER_ONLY.has(action) && message.headID && message.headID !== me.id) return false;
    // Without a higher organisation there is nowhere to escalate to.
    if (action === 'escalate' && message.organisationID === me.organisation?.id && !me.organisation?.parentID) return false;
    return true;
  }).map(([action]) => action);
  return actions;
}

export async function showCard(main, id, context) {
  const content = el('div.content');
  const sidebar = withFolders(main, null, content);
  let folder = null, counts = null;
  const refreshCounts = () => folderCounts()
    .then((fresh) => { if (context.current()) { counts = fresh; sidebar(folder, counts); } })
    .catch(() => { /* the counts are a convenience */ });
  clear(content, el('p.muted', 'Загрузка карточки…'));
  let card, users, categories, rules;
  try {
    [card, users, categories, rules] = await Promise.all([api.card(id), usersById(), categoriesById(), rulesById()]);
  } catch (error) {
    if (!context.current()) return;
    clear(content, el('div.panel', el('h1', 'Карточка не открылась'),
      el('p.notice.error', { role: 'alert' }, error.status === 404 ? 'Такого сообщения нет или оно другой организации.' : error.message),
      el('p', el('a', { href: '#/folder' }, 'К папкам'))));
    return;
  }
  if (!context.current()) return;
  const deps = { users, categories, rules, session: context.session };
  // The card is redrawn after the dialog closes, so the button that opened it is gone:
  // focus its successor, or the card's title, rather than losing the focus to <body>.
  const refocus = (action) => {
    const target = content.querySelector(`button[data-action="${action}"]`) || content.querySelector('#card-title');
    target?.focus();
  };
  const hooks = {
    // After a step: reload the card and the counts. After a cancel: redraw (the editor borrowed the ids).
    done: async (outcome, action) => {
      announce(`Готово: ${(HISTORY_TITLES[outcome?.entry?.action] || 'действие выполнено').toLowerCase()}.`);
      try {
        const next = await api.card(id);
        if (!context.current()) return;
        redraw(next);
        refocus(action);
      } catch (error) {
        announce(`Карточка не обновилась: ${error.message}`, 'error');
      }
    },
    cancelled: (action) => {
      if (!context.current()) return;
      redraw(card);
      refocus(action);
    },
    reload: async () => { const next = await api.card(id); if (context.current()) redraw(next); },
  };
  const redraw = (fresh) => {
    card = fresh;
    folder = folderOfState(card.message.state);
    sidebar(folder, counts);
    renderCard(content, card, deps, hooks);
    refreshCounts();
    document.title = `Сообщение ${card.message.number} — Ответ`;
  };
  redraw(card);
}

function nameOf(users, id) {
  if (!id) return '—';
  const user = users.get(id);
  return user ? user.name : `пользователь № ${id}`;
}

function facts(pairs) {
  const list = el('dl.facts');
  for (const [term, value] of pairs) {
    if (value === null || value === undefined || value === '') continue;
    list.append(el('dt', term), el('dd', value));
  }
  return list;
}

function renderCard(content, card, deps, hooks) {
  const { message, overdue, drafts = [], history = [] } = card;
  const { users, categories, rules, session } = deps;
  const deadline = deadlineInfo(message, overdue);
  const myOrg = session.user.organisation;
  const organisation = myOrg && myOrg.id === message.organisationID ? myOrg.name : `Организация № ${message.organisationID}`;
  const latest = drafts[drafts.length - 1];
  const actions = availableActions(message, session);

  const section = el('section#message-card', {
    dataset: { messageId: message.id, state: message.state, version: message.version },
    'aria-labelledby': 'card-title',
  },
    el('p', el('a', { href: `#/folder/${folderOfState(message.state)}` }, '← К списку')),
    el('div.card-head',
      el('h1#card-title', { tabindex: '-1' }, `Сообщение № ${message.number}`),
      el('span.badge.state', STATE_TITLES[message.state] || message.state),
      message.fastTrack ? el('span.badge.fast', 'Фаст-трек') : null,
      message.repeatCount > 0 ? el('span.badge.repeat', `Повторное рассмотрение${message.repeatCount > 1 ? ` ×${message.repeatCount}` : ''}`) : null,
      deadline.overdue ? el('span.badge.overdue-badge', 'Просрочено') : null),
    message.repeatCount > 0
      ? el('p.notice', 'Заявитель вернул сообщение на повторное рассмотрение. Прочитайте «Ход работ» и прежний ответ, прежде чем отвечать.')
      : null,
    el('div.card-grid',
      el('div.panel', el('h2', 'Срок отработки'), facts([
        ['Поступление', formatMoment(message.receivedAt)],
        ['Срок ответа', el('span', el(`span${deadline.overdue ? '.overdue' : ''}`, deadline.text), el('br'), el('span.muted', `до ${formatMoment(message.deadline)}`))],
        ['Ответ отправлен', message.answeredAt ? formatMoment(message.answeredAt) : null],
      ])),
      el('div.panel', el('h2', 'Информация по сообщению'), facts([
        ['Категория', categories.get(message.categoryID)?.name || (message.categoryID ? `№ ${message.categoryID}` : '—')],
        ['Подкатегория', categories.get(message.subcategoryID)?.name || null],
        ['Источник', SOURCE_TITLES[message.source] || message.source],
        ['Регион', message.region],
        ['Организация-исполнитель', organisation],
        ['Исполнитель', message.executorID ? nameOf(users, message.executorID) : 'не назначен'],
        ['Утверждает', message.headID ? nameOf(users, message.headID) : null],
        ['Перенаправление', message.redirectTo],
      ])),
      el('div.panel', el('h2', 'Заявитель'), facts([
        ['ФИО', message.applicant?.name || '—'],
        ['Адрес', message.applicant?.address],
        ['Почта', message.applicant?.email ? el('a', { href: `mailto:${message.applicant.email}` }, message.applicant.email) : null],
        ['Телефон', message.applicant?.phone],
      ]))),
    el('div.panel', el('h2', 'Текст сообщения'),
      el('p.message-text', message.text),
      facts([['Адрес проблемы', message.problemAddress || '—']]),
      el('h3', 'Приложенные файлы'),
      message.attachments?.length
        ? el('ul.attachments', message.attachments.map((a) => el('li', a.name, a.size || a.type ? el('span.muted', ` (${[a.type, formatBytes(a.size)].filter(Boolean).join(', ')})`) : null)))
        : el('p.muted', 'Файлов нет.')),
    latest ? answerPanel(message, latest, drafts, users, rules) : null,
    el('div.panel', el('h2#history-title', 'Ход работ'), historyList(history, users)),
    actionBar(actions, card, deps, hooks));
  clear(content, section);
}

/** The latest answer with its check: what the head approves. */
function answerPanel(message, latest, drafts, users, rules) {
  const passing = latest.verdict === 'pass';
  let gateText;
  if (message.state === 'prepared') {
    gateText = passing ? 'Проверка организации: ответ проходит — можно утверждать.'
      : 'Проверка организации: ответ не проходит — утвердить можно только с письменным обоснованием.';
  } else {
    gateText = `Проверка организации: ответ ${passing ? 'проходит' : 'не проходит'}.`;
  }
  const earlier = drafts.slice(0, -1).reverse();
  return el('div.panel', { 'aria-labelledby': 'answer-title' },
    el('h2#answer-title', message.state === 'sent' ? 'Ответ заявителю' : 'Подготовленный ответ'),
    el('p.muted', `Версия ${latest.version} · ${answerTypeTitle(latest.type)} · ${nameOf(users, latest.authorID)} · ${formatMoment(latest.createdAt)}`),
    el('p#gate.gate', { dataset: { verdict: latest.verdict } }, gateText),
    annotatedView(latest.text, latest, rules, { ids: true }),
    el('p.signer', `${latest.signerPosition}, ${latest.signerName}`),
    latest.comment ? el('p', el('strong', 'Комментарий: '), latest.comment) : null,
    earlier.length ? el('details.versions', el('summary', `Прежние версии (${earlier.length})`),
      el('ol', { reversed: true }, earlier.map((d) => el('li',
        el('p.muted', `Версия ${d.version} · ${answerTypeTitle(d.type)} · ${nameOf(users, d.authorID)} · ${formatMoment(d.createdAt)} · оценка ${formatScore(d.score)}, ${VERDICT_TITLES[d.verdict]}`),
        el('p.message-text', d.text))))) : null);
}

function historyList(history, users) {
  if (!history.length) return el('ol#history.history', el('li', el('span.muted', 'Записей нет.')));
  return el('ol#history.history', history.map((entry) => el('li', { dataset: { action: entry.action } },
    el('div.when', formatMoment(entry.at),
      entry.actorID ? ` · ${nameOf(users, entry.actorID)}${entry.role ? ` (${ROLE_TITLES[entry.role] || entry.role})` : ''}` : ' · платформа'),
    el('div.what', HISTORY_TITLES[entry.action] || entry.action,
      entry.fromState !== entry.toState ? el('span.muted', ` → ${STATE_TITLES[entry.toState] || entry.toState}`) : null,
      entry.draftVersion ? el('span.muted', ` (версия ответа ${entry.draftVersion})`) : null),
    entry.comment ? el('p.comment', entry.comment) : null,
    entry.overrideReason ? el('p.override', `Утверждено вопреки проверке. Обоснование: ${entry.overrideReason}`) : null)));
}

function actionBar(actions, card, deps, hooks) {
  if (!actions.length) {
    const m = card.message;
    let why = 'В этой роли и на этом этапе действий нет.';
    if (['draft', 'submit'].some((a) => ACTION_RULES.find(([x]) => x === a)[1].includes(deps.session.role)) && m.state === 'in-work' && m.executorID !== deps.session.user.id) {
      why = `Ответ готовит ${nameOf(deps.users, m.executorID)}.`;
    } else if (deps.session.role === 'head' && m.state === 'prepared' && m.headID && m.headID !== deps.session.user.id) {
      why = `Право утверждения передано: ${nameOf(deps.users, m.headID)}.`;
    }
    return el('div.actions.idle', el('span.muted', why));
  }
  return el('div.actions', { role: 'group', 'aria-label': 'Действия с сообщением' }, actions.map((action) => el(
    `button${action === 'approve' || action === 'submit' ? '.primary' : ''}${action === 'reject' || action === 'reject-redirect' ? '.danger' : ''}`,
    { type: 'button', dataset: { action }, onclick: () => openAction(action, card, deps, hooks) },
    ACTION_TITLES[action] || action)));
}
