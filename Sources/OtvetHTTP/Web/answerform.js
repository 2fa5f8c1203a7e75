// The «Подготовить ответ» form, as in the guide: Тип ответа, шаблон,
// Текст ответа (the live editor), Должность, ФИО, Комментарий. Used for
// the executor's draft and submit and for the head's «Изменить ответ».

import { api, cached } from './api.js';
import { el, ANSWER_TYPES, formatScore, VERDICT_TITLES } from './util.js';
import { Editor } from './editor.js';

const POSITION_KEY = 'otvet.signerPosition';

function remembered() {
  try { return sessionStorage.getItem(POSITION_KEY) || ''; } catch { return ''; }
}

export async function answerForm({ message, latest, me, action }) {
  let templates = [];
  try {
    templates = await cached('templates', () => api.templates());
  } catch { /* no templates: the select says so */ }

  const type = el('select#answer-type', { name: 'type' },
    ANSWER_TYPES.map(([id, title]) => el('option', { value: id, selected: id === (latest?.type || 'resolved') }, title)));
  const template = el('select#answer-template', { name: 'templateID' },
    el('option', { value: '' }, templates.length ? 'Шаблон не выбран' : 'Шаблонов нет'),
    templates.map((t) => el('option', { value: t.id, selected: t.id === latest?.templateID },
      `${t.name}${typeof t.score === 'number' ? ` (${formatScore(t.score)}, ${VERDICT_TITLES[t.verdict] || t.verdict})` : ''}`)));
  template.disabled = !templates.length;
  const position = el('input#answer-position', { name: 'signerPosition', autocomplete: 'organization-title', value: latest?.signerPosition || remembered(), required: true });
  const signer = el('input#answer-signer', { name: 'signerName', autocomplete: 'name', value: latest?.signerName || me.name || '', required: true });
  const comment = el('textarea#answer-comment', { name: 'comment', rows: 2, placeholder: action === 'edit' ? 'Что изменено' : 'Комментарий для руководителя' });

  const editor = new Editor({
    text: latest?.text || '',
    context: { message: message.text, type: type.value },
    placeholder: 'Здравствуйте! …',
  });
  type.addEventListener('change', () => editor.setContext({ type: type.value }));

  // Choosing a template replaces the text; the previous text can be brought back once.
  const undo = el('button.link-button', { type: 'button', hidden: true }, 'Вернуть прежний текст');
  let previous = null;
  template.addEventListener('change', () => {
    const chosen = templates.find((t) => String(t.id) === template.value);
    if (!chosen) return;
    previous = editor.value;
    editor.setText(chosen.text);
    undo.hidden = !previous.trim();
    editor.textarea.focus();
  });
  undo.addEventListener('click', () => {
    if (previous === null) return;
    editor.setText(previous);
    previous = null;
    undo.hidden = true;
    template.value = '';
  });

  const field = (id, label, control, required = false) => el('div.field',
    el('label', { for: id }, label, required ? el('span.req', { 'aria-hidden': 'true' }, '*') : null), control);

  const element = el('div.answer-form',
    el('div.row',
      field('answer-type', 'Тип ответа', type),
      el('div.field', el('label', { for: 'answer-template' }, 'Выберите шаблон'), template, undo)),
    el('details.field', el('summary', 'Текст сообщения заявителя'), el('p.message-text', message.text)),
    editor.element,
    el('p.hint', 'Оценка здесь — предварительная. При сохранении ответ проверяется по правилам вашей организации, и это решение видит руководитель.'),
    el('div.row', field('answer-position', 'Должность', position, true), field('answer-signer', 'ФИО', signer, true)),
    field('answer-comment', 'Комментарий', comment));

  return {
    element,
    editor,
    /** The `draft` object of the request. */
    value() {
      const draft = { type: type.value, text: editor.value, signerPosition: position.value.trim(), signerName: signer.value.trim() };
      if (comment.value.trim()) draft.comment = comment.value.trim();
      if (template.value) draft.templateID = Number(template.value);
      return draft;
    },
    /** A message for the first empty required field (and focus on it), or null. */
    validate() {
      for (const [control, text] of [[editor.textarea, 'Напишите текст ответа.'], [position, 'Укажите должность.'], [signer, 'Укажите ФИО.']]) {
        if (!control.value.trim()) {
          control.setAttribute('aria-invalid', 'true');
          control.focus();
          return text;
        }
        control.removeAttribute('aria-invalid');
      }
      return null;
    },
    /** The position is the same for most answers: keep it for the next one. */
    remember() {
      try { sessionStorage.setItem(POSITION_KEY, position.value.trim()); } catch { /* storage off */ }
    },
  };
}
