// The monthly rating: per organisation and per executor, the share of
// messages answered in the guide's bands (80–100 % green, 50–79 % yellow,
// 0–49 % red), overdue, redirected, the average score and the findings met
// most often — as SVG bars, as tables, and as the server's CSV.

import { api, rulesById } from './api.js';
import { el, clear, announce } from './util.js';
import { barChart } from './charts.js';
import { ruleColour } from './highlight.js';

const pad = (n) => String(n).padStart(2, '0');
const thisMonth = () => { const d = new Date(); return `${d.getFullYear()}-${pad(d.getMonth() + 1)}`; };
const validMonth = (text) => /^\d{4}-(0[1-9]|1[0-2])$/.test(text || '');

/** The period the API takes: the first day of the month to the first day of the next (dates are UTC). */
export function monthPeriod(month) {
  const [year, m] = month.split('-').map(Number);
  const next = m === 12 ? `${year + 1}-01` : `${year}-${pad(m + 1)}`;
  return { from: `${month}-01`, to: `${next}-01` };
}

const MONTHS = ['январь', 'февраль', 'март', 'апрель', 'май', 'июнь', 'июль', 'август', 'сентябрь', 'октябрь', 'ноябрь', 'декабрь'];
const monthTitle = (month) => { const [y, m] = month.split('-').map(Number); return `${MONTHS[m - 1]} ${y}`; };

/** The guide's band of a row: high (80–100 %), mid (50–79 %), low (0–49 %). */
export function bandOf(row) {
  const percent = Math.floor((row.answeredShare ?? (row.received ? row.answered / row.received : 0)) * 100 + 1e-9);
  return percent >= 80 ? 'high' : percent >= 50 ? 'mid' : 'low';
}
const BAND_TITLES = { high: '80–100 %', mid: '50–79 %', low: '0–49 %' };
const percent = (row) => `${Math.round((row.answeredShare || 0) * 100)} %`;

export async function showRating(main, monthArg, context) {
  const month = validMonth(monthArg) ? monthArg : thisMonth();
  const input = el('input#rating-month', { type: 'month', name: 'month', value: month, required: true });
  const csv = el('button#rating-csv', { type: 'button' }, 'Скачать CSV');
  const results = el('div.rating-results', { 'aria-live': 'polite' });
  clear(main, el('section.panel', { 'aria-labelledby': 'rating-title' },
    el('h1#rating-title', 'Рейтинг отработки сообщений'),
    el('p.muted', 'По сообщениям, поступившим за месяц. Процент отработки должен составлять 80 % и более.'),
    el('div.toolbar',
      el('div.field', el('label', { for: 'rating-month' }, 'Месяц'), input),
      csv),
    el('ul.legend',
      el('li', el('span.band.band-high', '80–100 %'), ' отработано хорошо'),
      el('li', el('span.band.band-mid', '50–79 %'), ' нужно подтянуть'),
      el('li', el('span.band.band-low', '0–49 %'), ' плохо')),
    results));
  document.title = 'Рейтинг — Ответ';

  let shown = null;
  const load = async (value) => {
    if (!validMonth(value) || value === shown) return;
    shown = value;
    history.replaceState(null, '', `#/rating/${value}`);
    clear(results, el('p.muted', 'Загрузка…'));
    const { from, to } = monthPeriod(value);
    try {
      const [report, rules] = await Promise.all([api.rating(from, to), rulesById()]);
      if (!context.current() || shown !== value) return;
      renderReport(results, report, rules, value);
    } catch (error) {
      if (!context.current() || shown !== value) return;
      clear(results, el('p.notice.error', { role: 'alert' },
        error.status === 403 ? 'В этой роли рейтинг не виден: переключитесь на роль координатора, куратора, руководителя или администратора.' : `Рейтинг не загрузился: ${error.message}`));
    }
  };
  // A month input fires "input" while the user is still choosing in some browsers; both end up here.
  input.addEventListener('change', () => load(input.value));
  input.addEventListener('input', () => load(input.value));
  csv.addEventListener('click', () => downloadCSV(input.value, csv));
  load(month);
}

async function downloadCSV(month, button) {
  if (!validMonth(month)) { announce('Выберите месяц.', 'error'); return; }
  const { from, to } = monthPeriod(month);
  button.disabled = true;
  try {
    const blob = await api.ratingCSV(from, to);
    const url = URL.createObjectURL(blob);
    const link = el('a', { href: url, download: `rating-${month}.csv`, hidden: true });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
    announce(`Файл rating-${month}.csv скачан.`);
  } catch (error) {
    announce(`CSV не скачался: ${error.message}`, 'error');
  } finally {
    button.disabled = false;
  }
}

function renderReport(results, report, rules, month) {
  const orgs = report.organisations || [];
  const executors = report.executors || [];
  if (!orgs.length && !executors.length) {
    clear(results, el('p.notice', `За ${monthTitle(month)} сообщений не поступало.`));
    return;
  }
  const shareRow = (label, row) => ({
    label, bars: [{ value: row.answeredShare || 0, max: 1, className: `bar-${bandOf(row)}`, text: `${percent(row)} (${row.answered} из ${row.received})` }],
  });
  const guides = [{ at: 0.5, label: '50 %' }, { at: 0.8, label: '80 %' }];
  const executorLabel = (row) => (orgs.length > 1 ? `${row.executor || '—'} (${row.organisation})` : row.executor || `№ ${row.executorID}`);
  const most = Math.max(1, ...[...orgs, ...executors].map((r) => Math.max(r.overdue, r.redirected)));
  const findingTotals = new Map();
  for (const row of orgs) for (const { rule, count } of row.topFindings || []) findingTotals.set(rule, (findingTotals.get(rule) || 0) + count);
  const topRules = [...findingTotals.entries()].sort((a, b) => b[1] - a[1]).slice(0, 8);
  const ruleMax = Math.max(1, ...topRules.map(([, n]) => n));
  const scored = executors.filter((r) => typeof r.averageScore === 'number');

  const charts = el('div.charts',
    chartPanel('Доля ответов по организациям', barChart({
      title: `Доля ответов по организациям, ${monthTitle(month)}`, guides,
      description: orgs.map((r) => `${r.organisation}: ${percent(r)}, группа ${BAND_TITLES[bandOf(r)]}`).join('; '),
      rows: orgs.map((r) => shareRow(r.organisation, r)),
    })),
    chartPanel('Доля ответов по исполнителям', barChart({
      title: 'Доля ответов по исполнителям', guides,
      description: executors.map((r) => `${executorLabel(r)}: ${percent(r)}`).join('; '),
      rows: executors.map((r) => shareRow(executorLabel(r), r)),
    })),
    chartPanel('Просрочено и перенаправлено', barChart({
      title: 'Просроченные и перенаправленные сообщения',
      description: [...orgs, ...executors].map((r) => `${r.executor || r.organisation}: просрочено ${r.overdue}, перенаправлено ${r.redirected}`).join('; '),
      rows: [...orgs.map((r) => [r.organisation, r]), ...executors.map((r) => [executorLabel(r), r])].map(([label, r]) => ({
        label, bars: [
          { value: r.overdue, max: most, className: 'bar-overdue', text: `просрочено ${r.overdue}` },
          { value: r.redirected, max: most, className: 'bar-redirected', text: `перенапр. ${r.redirected}` },
        ],
      })),
    }), el('ul.legend', el('li', el('span.key.key-overdue'), ' просрочено'), el('li', el('span.key.key-redirected'), ' перенаправлено'))),
    chartPanel('Средний балл ответов', barChart({
      title: 'Средний балл проверки отправленных ответов по исполнителям, из 10',
      description: scored.map((r) => `${executorLabel(r)}: ${r.averageScore.toFixed(1)}`).join('; '),
      rows: scored.map((r) => ({ label: executorLabel(r), bars: [{ value: r.averageScore, max: 10, className: 'bar-score', text: r.averageScore.toFixed(1) }] })),
    })),
    chartPanel('Частые замечания', barChart({
      title: 'Правила, которые чаще всего срабатывали в отправленных ответах',
      description: topRules.map(([rule, n]) => `${rules.get(rule)?.name || rule}: ${n}`).join('; '),
      rows: topRules.map(([rule, n]) => ({ label: rules.get(rule)?.name || rule, bars: [{ value: n, max: ruleMax, colour: `rgb(${ruleColour(rule)})`, text: String(n) }] })),
    })));

  const bandCounts = { high: 0, mid: 0, low: 0 };
  for (const row of orgs) bandCounts[bandOf(row)] += 1;
  clear(results,
    charts,
    el('h2', 'По организациям'),
    el('p.muted', `Организаций в группе: 80–100 % — ${bandCounts.high}, 50–79 % — ${bandCounts.mid}, 0–49 % — ${bandCounts.low}.`),
    el('div.table-wrap', ratingTable('rating-table', 'Организация', orgs, (r) => r.organisation, (r) => ({ organisationId: r.organisationID }), rules)),
    el('h2', 'По исполнителям'),
    el('div.table-wrap', ratingTable('rating-executors', 'Исполнитель', executors, executorLabel, (r) => ({ executorId: r.executorID }), rules)));
}

function chartPanel(title, chart, legend = null) {
  return el('figure.panel.chart-panel', el('figcaption', el('h3', title)), chart, legend);
}

const COLUMNS = [
  ['received', 'Поступило'], ['answered', 'Отвечено'], ['share', 'Доля'], ['overdue', 'Просрочено'],
  ['redirected', 'Перенаправлено'], ['returned', 'Повторно'], ['overridden', 'Вопреки проверке'], ['averageScore', 'Средний балл'],
];

function ratingTable(id, firstColumn, rows, label, dataset, rules) {
  const head = el('tr', el('th', { scope: 'col' }, firstColumn), COLUMNS.map(([, t]) => el('th.num', { scope: 'col' }, t)), el('th', { scope: 'col' }, 'Частые замечания'));
  const body = el('tbody', rows.map((row) => {
    const band = bandOf(row);
    return el('tr', { dataset: dataset(row) },
      el('th', { scope: 'row' }, label(row)),
      COLUMNS.map(([field]) => {
        if (field === 'share') return el('td.num', { dataset: { field: 'answeredShare', band } }, el(`span.band.band-${band}`, percent(row)));
        const value = row[field];
        const text = field === 'averageScore' ? (typeof value === 'number' ? value.toFixed(1) : '—') : String(value ?? 0);
        return el('td.num', { dataset: { field } }, text);
      }),
      el('td', { dataset: { field: 'topFindings' } }, (row.topFindings || []).map((f) => `${rules.get(f.rule)?.name || f.rule} ${f.count}`).join(', ') || '—'));
  }));
  return el(`table#${id}.rating`, el('thead', head), body);
}
