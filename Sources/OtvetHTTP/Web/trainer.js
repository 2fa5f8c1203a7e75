// The trainer's page: the corpus of the guide's good and bad cases with the
// linter's score and whether it agrees with the label; one case with its
// highlights; and a box to score a trainee's answer to that case.

import { api, cached, rulesById } from './api.js';
import { el, clear, formatScore, VERDICT_TITLES, answerTypeTitle } from './util.js';
import { annotatedView } from './highlight.js';

const LABELS = { good: 'удачный', bad: 'неудачный' };

export async function showCorpus(main, context) {
  const section = el('section.panel', { 'aria-labelledby': 'corpus-title' });
  clear(main, section);
  document.title = 'Обучение — Ответ';
  clear(section, el('h1#corpus-title', 'Обучение: кейсы методички'), el('p.muted', 'Загрузка…'));
  let cases, rules;
  try {
    [cases, rules] = await Promise.all([cached('corpus', () => api.corpus()), rulesById()]);
  } catch (error) {
    if (!context.current()) return;
    clear(section, el('h1#corpus-title', 'Обучение: кейсы методички'),
      el('p.notice.error', { role: 'alert' }, error.status === 404 ? 'На сервере нет корпуса кейсов.' : `Корпус не загрузился: ${error.message}`));
    return;
  }
  if (!context.current()) return;

  const agree = cases.filter((c) => c.agrees).length;
  const count = (label, verdict) => cases.filter((c) => c.label === label && c.verdict === verdict).length;
  const filter = el('select#corpus-filter', { name: 'filter' },
    el('option', { value: '' }, 'Все кейсы'), el('option', { value: 'good' }, 'Удачные'),
    el('option', { value: 'bad' }, 'Неудачные'), el('option', { value: 'disagree' }, 'Только расхождения'));
  const body = el('tbody');
  const fill = () => {
    const shown = cases.filter((c) => !filter.value || (filter.value === 'disagree' ? !c.agrees : c.label === filter.value));
    clear(body, shown.map((c) => caseRow(c, rules)));
  };
  filter.addEventListener('change', fill);
  fill();

  clear(section,
    el('h1#corpus-title', 'Обучение: кейсы методички'),
    el('p', 'Удачные и неудачные ответы из методички ПОС и кейсы к каждому правилу. Проверка должна пропускать удачные и не пропускать неудачные; откройте кейс, чтобы увидеть подсветку и оценить ответ стажёра.'),
    el('p', el('strong', `Совпадение с разметкой: ${agree} из ${cases.length} (${cases.length ? Math.round((agree / cases.length) * 100) : 0} %)`)),
    el('table.confusion',
      el('caption.visually-hidden', 'Разметка и вердикт проверки'),
      el('thead', el('tr', el('td'), el('th', { scope: 'col' }, 'проходит'), el('th', { scope: 'col' }, 'не проходит'))),
      el('tbody',
        el('tr', el('th', { scope: 'row' }, 'удачные'), el('td.num', String(count('good', 'pass'))), el('td.num', String(count('good', 'fail')))),
        el('tr', el('th', { scope: 'row' }, 'неудачные'), el('td.num', String(count('bad', 'pass'))), el('td.num', String(count('bad', 'fail')))))),
    el('div.toolbar', el('div.field', el('label', { for: 'corpus-filter' }, 'Показать'), filter)),
    el('div.table-wrap', el('table#corpus-table',
      el('caption.visually-hidden', 'Кейсы корпуса'),
      el('thead', el('tr', ['Кейс', 'Раздел', 'Разметка', 'Оценка', 'Вердикт', 'Совпадает', 'Сработали правила'].map((t) => el('th', { scope: 'col' }, t)))),
      body)));
}

function caseRow(item, rules) {
  const open = () => { location.hash = `#/trainer/${encodeURIComponent(item.id)}`; };
  return el('tr.clickable', { dataset: { caseId: item.id, label: item.label }, onclick: (e) => { if (!e.target.closest('a')) open(); } },
    el('td', el('a', { href: `#/trainer/${encodeURIComponent(item.id)}` }, item.id)),
    el('td', { dataset: { field: 'section' } }, item.section || '—', item.source ? el('div.muted', item.source) : null),
    el(`td.label-${item.label}`, { dataset: { field: 'label' } }, LABELS[item.label] || item.label),
    el('td.num', { dataset: { field: 'score' } }, formatScore(item.score)),
    el('td', { dataset: { field: 'verdict', verdict: item.verdict } }, VERDICT_TITLES[item.verdict] || item.verdict),
    el(`td.${item.agrees ? 'agrees-yes' : 'agrees-no'}`, { dataset: { field: 'agrees', agrees: String(item.agrees) } }, item.agrees ? 'да' : 'нет'),
    el('td.fired', { dataset: { field: 'fired' } }, (item.fired || []).map((r) => rules.get(r)?.name || r).join(', ') || '—'));
}

export async function showCase(main, id, context) {
  const section = el('section.panel', { 'aria-labelledby': 'case-title' });
  clear(main, el('p', el('a', { href: '#/trainer' }, '← Все кейсы')), section);
  clear(section, el('h1#case-title', id), el('p.muted', 'Загрузка…'));
  let item, rules;
  try {
    [item, rules] = await Promise.all([api.corpusCase(id), rulesById()]);
  } catch (error) {
    if (!context.current()) return;
    clear(section, el('h1#case-title', id), el('p.notice.error', { role: 'alert' }, error.status === 404 ? 'Такого кейса нет.' : error.message));
    return;
  }
  if (!context.current()) return;
  document.title = `Кейс ${item.id} — Ответ`;
  const check = item.check;
  const fired = new Set(check.findings.map((f) => f.rule));
  const agrees = (item.label === 'good') === (check.verdict === 'pass');
  const ruleName = (r) => rules.get(r)?.name || r;

  clear(section,
    el('h1#case-title', `Кейс ${item.id}`),
    el('p', el(`span.badge.label-${item.label}`, LABELS[item.label] || item.label),
      item.section ? ` ${item.section}` : '', item.type ? ` · тип ответа «${answerTypeTitle(item.type)}»` : '',
      ' · ', el(`span.${agrees ? 'agrees-yes' : 'agrees-no'}`, agrees ? 'проверка согласна с разметкой' : 'проверка расходится с разметкой')),
    item.message ? el('div', el('h2', 'Сообщение жителя'), el('p.message-text', item.message)) : null,
    el('h2', 'Ответ и его проверка'),
    annotatedView(item.answer, check, rules),
    el('div.case-columns',
      item.reasons?.length ? el('div', el('h2', 'Почему так размечено'), el('ul', item.reasons.map((r) => el('li', r)))) : null,
      item.rules?.length ? el('div', el('h2', 'Какие правила должны сработать'),
        el('ul', item.rules.map((r) => el('li', `${fired.has(r) ? '✓' : '✗'} ${ruleName(r)} `, el('code.rule-id', r),
          fired.has(r) ? null : el('span.agrees-no', ' — не сработало'))))) : null),
    traineeBox(item, rules));
}

function traineeBox(item, rules) {
  const answer = el('textarea#trainee-answer', { name: 'answer', rows: 8, placeholder: 'Здравствуйте! …' });
  const button = el('button#trainee-score-button.primary', { type: 'submit' }, 'Оценить');
  const result = el('div.trainee-result', { 'aria-live': 'polite' });
  const form = el('form.trainee', { novalidate: true },
    el('h2', 'Ответ стажёра'),
    el('p.muted', 'Напишите или вставьте ответ стажёра на это же сообщение: он будет проверен с текстом сообщения и типом ответа кейса.'),
    el('div.field', el('label', { for: 'trainee-answer' }, 'Ответ стажёра'), answer),
    button, result);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const text = answer.value;
    if (!text.trim()) { clear(result, el('p.error-text', { role: 'alert' }, 'Вставьте ответ стажёра.')); answer.focus(); return; }
    button.disabled = true;
    clear(result, el('p.muted', 'Проверяю…'));
    try {
      const scored = await api.scoreCase(item.id, text);
      clear(result,
        el('p.trainee-score-line', 'Оценка: ',
          el('strong#trainee-score', { dataset: { score: scored.score, verdict: scored.verdict } }, formatScore(scored.score)),
          ' из 10 · ', el(`span.verdict#trainee-verdict`, { dataset: { verdict: scored.verdict } }, VERDICT_TITLES[scored.verdict] || scored.verdict),
          typeof scored.passMark === 'number' ? el('span.passmark', ` · порог ${scored.passMark}`) : null),
        annotatedView(text, scored, rules));
    } catch (error) {
      clear(result, el('p.error-text', { role: 'alert' }, `Не удалось оценить: ${error.message}`));
    } finally {
      button.disabled = false;
    }
  });
  return form;
}
