// The action dialog: one <dialog> for every button of the card. Each action
// gets its fields (named as the API names them), the confirm button sends
// POST /v1/messages/{id}/{action} with the version the card showed, and a
// refusal stays in the dialog with its reason or the check's findings.

import { api, cached } from './api.js';
import { el, clear, ACTION_TITLES, VERDICT_TITLES, formatScore } from './util.js';
import { answerForm } from './answerform.js';
import { ruleColour } from './highlight.js';

const dialog = document.getElementById('action-dialog');
const form = dialog.querySelector('form');
const title = document.getElementById('action-dialog-title');
const body = document.getElementById('action-dialog-body');
const foot = document.getElementById('action-dialog-foot');
const confirmButton = foot.querySelector('[data-confirm]');

// What each confirm button says.
const CONFIRM_TITLES = {
  assign: 'Назначить', 'assign-org': 'Назначить', escalate: 'Передать', redirect: 'Перенаправить',
  take: 'Взять в работу', return: 'Вернуть', draft: 'Сохранить черновик', submit: 'На согласование',
  reject: 'Отклонить ответ', edit: 'Сохранить изменения', delegate: 'Передать', approve: 'Утвердить',
  'approve-redirect': 'Утвердить перенаправление', 'reject-redirect': 'Отклонить', reopen: 'Вернуть',
};
const NEEDS_COMMENT = new Set(['escalate', 'return', 'reject', 'reject-redirect']);
const COMMENT_LABELS = {
  escalate: 'Причина передачи (почему сообщение не к вам)', return: 'Причина возврата координатору',
  reject: 'Что доработать исполнителю', 'reject-redirect': 'Почему перенаправление отклонено',
  assign: 'Комментарий для исполнителя', delegate: 'Комментарий',
};
const EDITOR_ACTIONS = new Set(['draft', 'submit', 'edit']);

let current = null;

form.addEventListener('submit', (event) => {
  event.preventDefault();
  if (current) perform(current.action);
});
foot.addEventListener('click', (event) => {
  const secondary = event.target.closest('[data-secondary]');
  if (secondary && current) perform(secondary.dataset.secondary);
});
dialog.addEventListener('click', (event) => { if (event.target.closest('[data-cancel]')) dialog.close(); });
// Escape closes the dialog, unless it only closed the editor's popup.
dialog.addEventListener('cancel', (event) => { if (current?.answer?.editor.consumedEscape()) event.preventDefault(); });
dialog.addEventListener('close', () => {
  const finished = current;
  current = null;
  finished?.answer?.editor.destroy();
  clear(body);
  foot.querySelectorAll('[data-secondary]').forEach((node) => node.remove());
  dialog.classList.remove('wide');
  if (!finished) return;
  if (finished.outcome) finished.hooks.done(finished.outcome, finished.action);
  else finished.hooks.cancelled(finished.action);
});

/** Opens the dialog of one action on the card's message. */
export async function openAction(action, card, deps, hooks) {
  if (dialog.open) dialog.close();
  current = { action, card, deps, hooks, outcome: null, answer: null };
  const mine = current;
  title.textContent = ACTION_TITLES[action] || action;
  confirmButton.textContent = CONFIRM_TITLES[action] || 'Подтвердить';
  confirmButton.disabled = false;
  clear(body, el('p.muted', 'Загрузка…'));
  dialog.showModal();
  let fields;
  try {
    fields = await buildFields(action, card, deps);
  } catch (error) {
    if (current !== mine) return;
    clear(body, el('p.notice.error', { role: 'alert' }, `Не удалось подготовить форму: ${error.message}`));
    confirmButton.disabled = true;
    return;
  }
  if (current !== mine) return;
  clear(body, fields.nodes, el('div.dialog-error.notice.error', { role: 'alert' }));
  current.answer = fields.answer || null;
  if (current.answer) {
    // The card's read-only view gives its #score/#verdict/#findings to the editor while the dialog is open.
    document.querySelectorAll('#message-card #score, #message-card #verdict, #message-card #findings').forEach((node) => node.removeAttribute('id'));
    dialog.classList.add('wide');
    current.answer.editor.attached();
    const other = action === 'draft' ? 'submit' : action === 'submit' ? 'draft' : null;
    if (other) confirmButton.before(el('button', { type: 'button', dataset: { secondary: other } }, CONFIRM_TITLES[other]));
  }
  (body.querySelector('[autofocus]') || body.querySelector('select, input, textarea'))?.focus();
}

const labelled = (id, text, control, { required = false, hint = null } = {}) => el('div.field',
  el('label', { for: id }, text, required ? el('span.req', { 'aria-hidden': 'true' }, '*') : null),
  control, hint ? el('p.hint', hint) : null);

function commentField(action, label = null) {
  const required = NEEDS_COMMENT.has(action);
  return labelled('action-comment', label || COMMENT_LABELS[action] || 'Комментарий',
    el('textarea#action-comment', { name: 'comment', rows: 3, required, 'aria-required': required ? 'true' : undefined }),
    { required });
}

async function buildFields(action, card, deps) {
  const message = card.message;
  const me = deps.session.user;
  const latest = card.drafts?.[card.drafts.length - 1];
  switch (action) {
    case 'assign': {
      const executors = await cached('users:executor', () => api.users('executor'));
      return { nodes: [
        labelled('action-executor', 'Исполнитель', el('select#action-executor', { name: 'executorID', required: true },
          el('option', { value: '' }, 'Выберите исполнителя'),
          executors.map((u) => el('option', { value: u.id, selected: u.id === message.executorID }, u.name))), { required: true }),
        commentField(action)] };
    }
    case 'delegate': {
      const heads = (await cached('users:head', () => api.users('head'))).filter((u) => u.id !== me.id);
      return { nodes: [
        el('p', 'Другой руководитель утвердит, отклонит или изменит ответ вместо вас.'),
        labelled('action-head', 'Руководитель', el('select#action-head', { name: 'headID', required: true },
          el('option', { value: '' }, 'Выберите руководителя'), heads.map((u) => el('option', { value: u.id }, u.name))), { required: true }),
        commentField(action)] };
    }
    case 'assign-org': {
      const subordinate = (await cached('organisations', () => api.organisations()))
        .filter((o) => o.parentID === message.organisationID);
      return { nodes: [
        labelled('action-org', 'Подведомственная организация', el('select#action-org', { name: 'organisationID', required: true },
          el('option', { value: '' }, subordinate.length ? 'Выберите организацию' : 'Подведомственных организаций нет'),
          subordinate.map((o) => el('option', { value: o.id }, o.name))),
          { required: true, hint: 'Сообщение уйдёт координатору подведомственной организации.' }),
        commentField(action)] };
    }
    case 'redirect':
      return { nodes: [
        el('p', 'Неподведомственная организация получит сообщение после того, как перенаправление утвердит руководитель.'),
        labelled('action-redirect', 'Организация', el('input#action-redirect', { name: 'redirectTo', required: true, autocomplete: 'organization' }), { required: true }),
        commentField(action)] };
    case 'approve-redirect': case 'reject-redirect':
      return { nodes: [el('p', 'Перенаправить в: ', el('strong', message.redirectTo || '—')), commentField(action)] };
    case 'take':
      return { nodes: [el('p', 'Вы сами подготовите ответ, без назначения исполнителя.'), commentField(action)] };
    case 'escalate':
      return { nodes: [el('p', 'Если сообщение попало к вам ошибочно, передайте его в вышестоящую организацию и объясните почему.'), commentField(action)] };
    case 'approve': return { nodes: approveFields(latest) };
    case 'draft': case 'submit': case 'edit': {
      const answer = await answerForm({ message, latest, me, action });
      return { nodes: [answer.element], answer };
    }
    default:
      return { nodes: [commentField(action)] };
  }
}

function approveFields(latest) {
  const failing = latest?.verdict === 'fail';
  const reason = labelled('action-override', 'Обоснование: почему ответ уходит вопреки проверке',
    el('textarea#action-override', { name: 'overrideReason', rows: 3 }),
    { required: true, hint: 'Обоснование попадёт в «Ход работ» и в рейтинг.' });
  reason.classList.add('override-field');
  reason.hidden = !failing;
  return [
    latest ? el('p.gate', { dataset: { verdict: latest.verdict } },
      `Проверка: оценка ${formatScore(latest.score)}, ${VERDICT_TITLES[latest.verdict]}. `,
      failing ? 'Утвердить можно только с письменным обоснованием.' : 'Ответ уйдёт заявителю.') : el('p.notice', 'Ответа ещё нет.'),
    reason,
    commentField('approve')];
}

/** The request body of an action from the dialog's fields. */
function payload(action) {
  const value = (name) => form.elements[name]?.value?.trim?.() ?? '';
  const out = { expectedVersion: current.card.message.version };
  const comment = value('comment');
  if (EDITOR_ACTIONS.has(action) && current.answer) {
    out.draft = current.answer.value();
    return out;
  }
  if (comment) out.comment = comment;
  if (action === 'assign') out.executorID = Number(value('executorID'));
  if (action === 'delegate') out.headID = Number(value('headID'));
  if (action === 'assign-org') out.organisationID = Number(value('organisationID'));
  if (action === 'redirect') out.redirectTo = value('redirectTo');
  if (action === 'approve' && value('overrideReason')) out.overrideReason = value('overrideReason');
  return out;
}

/** Checks what the server would refuse anyway, in Russian and next to the field. */
function validate(action) {
  const need = [];
  if (NEEDS_COMMENT.has(action)) need.push(['comment', 'Укажите причину.']);
  if (action === 'assign') need.push(['executorID', 'Выберите исполнителя.']);
  if (action === 'delegate') need.push(['headID', 'Выберите руководителя.']);
  if (action === 'assign-org') need.push(['organisationID', 'Укажите организацию.']);
  if (action === 'redirect') need.push(['redirectTo', 'Укажите организацию.']);
  if (EDITOR_ACTIONS.has(action)) return current.answer.validate();
  for (const [name, text] of need) {
    const field = form.elements[name];
    if (field && !field.value.trim()) {
      field.setAttribute('aria-invalid', 'true');
      field.focus();
      return text;
    }
    field?.removeAttribute('aria-invalid');
  }
  return null;
}

async function perform(action) {
  const errorBox = body.querySelector('.dialog-error');
  const problem = validate(action);
  if (problem) { if (errorBox) errorBox.textContent = problem; return; }
  if (errorBox) errorBox.textContent = '';
  body.querySelector('#refusal')?.remove();
  const buttons = foot.querySelectorAll('button');
  buttons.forEach((b) => { b.disabled = true; });
  const mine = current;
  try {
    const outcome = await api.act(mine.card.message.id, action, payload(action));
    if (current !== mine) return;
    mine.answer?.remember();
    mine.outcome = outcome;
    dialog.close();
  } catch (error) {
    if (current !== mine) return;
    refused(action, error, errorBox);
  } finally {
    buttons.forEach((b) => { b.disabled = false; });
  }
}

function refused(action, error, errorBox) {
  if (error.status === 422 && error.findings) {
    const lead = action === 'approve'
      ? 'Ответ не проходит проверку организации. Утвердить его можно только с письменным обоснованием.'
      : 'Ответ не отправлен: в нём есть ошибки, которые не дают отправить его на согласование.';
    const box = refusalBox(lead, error, current.answer, current.deps.rules);
    body.prepend(box);
    if (action === 'approve') {
      const field = body.querySelector('.override-field');
      if (field) { field.hidden = false; field.querySelector('textarea').focus(); }
    } else {
      box.focus();
    }
    return;
  }
  let text = error.message;
  if (error.status === 409) text = `Сообщение уже изменилось: его изменил кто-то другой или оно на другом этапе. Обновите карточку. (${error.message})`;
  else if (error.status === 403) text = `Недостаточно прав: ${error.message}`;
  else if (error.status === 422) text = `Запрос отклонён: ${error.message}`;
  if (errorBox) {
    clear(errorBox, text);
    if (error.status === 409) {
      errorBox.append(' ', el('button', { type: 'button', onclick: () => { const hooks = current.hooks; dialog.close(); hooks.reload(); } }, 'Обновить карточку'));
    }
  }
}

/** #refusal: why the step was refused, one li[data-rule] per blocking finding. */
function refusalBox(lead, error, answer, rules) {
  const items = error.findings.map((finding) => {
    const swatch = el('span.swatch', { 'aria-hidden': 'true' });
    swatch.style.setProperty('--c', ruleColour(finding.rule));
    const text = [swatch, ' ', el('strong', rules?.get(finding.rule)?.name || finding.rule), finding.match && finding.length <= 60 && !finding.message.includes(finding.match) ? ` «${finding.match}»` : '', ` — ${finding.message}`];
    const index = answer ? answer.editor.findings.findIndex((f) => f.rule === finding.rule && f.offset === finding.offset && f.length === finding.length) : -1;
    return el('li', { dataset: { rule: finding.rule, offset: finding.offset, length: finding.length } },
      index >= 0 ? el('button.finding-link', { type: 'button', onclick: () => answer.editor.select(index) }, text) : text);
  });
  return el('div#refusal.refusal', { role: 'alert', tabindex: '-1' },
    el('p', el('strong', lead)), el('p.muted', error.message), el('ul', items));
}
