// Findings drawn over a text: nested <mark>s (one per finding, so its
// textContent is exactly the matched text), the findings panel grouped by
// rule, and the score/verdict box. Used by the live editor and by every
// read-only view (the head's card, the trainer's cases).

import { el, SEVERITY_TITLES, VERDICT_TITLES, formatScore } from './util.js';

// One colour per rule, so a reader learns them; severity sets the strength.
const RULE_COLOURS = {
  bureaucratese: '37,99,235', nominalization: '124,58,237', excuse: '220,38,38', 'legal-citation': '180,83,9',
  'redirect-elsewhere': '190,24,93', 'no-deadline': '185,28,28', 'answer-type': '153,27,27', 'attachment-only': '159,18,57',
  'missing-greeting': '13,148,136', 'long-sentence': '202,138,4', 'long-paragraph': '161,98,7', readability: '101,163,13',
  spelling: '225,29,72', 'unexplained-abbreviation': '8,145,178', 'off-topic': '100,116,139',
};

export function ruleColour(rule) {
  if (RULE_COLOURS[rule]) return RULE_COLOURS[rule];
  // Rules added later get a stable colour from their id.
  let hash = 0;
  for (const ch of rule) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  const palette = Object.values(RULE_COLOURS);
  return palette[hash % palette.length];
}

const SEVERITY_RANK = { error: 0, warning: 1, suggestion: 2 };
export const severityRank = (s) => SEVERITY_RANK[s] ?? 3;

// A finding this long is about a sentence or the whole answer: it gets a
// faint tint and lets clicks through to the textarea, or typing would be impossible.
export const WIDE = 60;

/**
 * Fills `container` with `text` and a <mark> per finding. Findings nest when
 * one lies inside another; a partial overlap is clipped to its parent (rare).
 * Returns [{finding, index, mark}].
 */
export function renderMarks(container, text, findings, { titles = true } = {}) {
  const items = findings
    .map((finding, index) => ({ finding, index, start: finding.offset, end: finding.offset + finding.length, children: [] }))
    .filter((item) => item.start >= 0 && item.end <= text.length && item.end > item.start)
    .sort((a, b) => a.start - b.start || b.end - a.end || severityRank(a.finding.severity) - severityRank(b.finding.severity));
  const root = { start: 0, end: text.length, children: [] };
  const stack = [root];
  for (const item of items) {
    while (stack.length > 1 && stack[stack.length - 1].end <= item.start) stack.pop();
    const parent = stack[stack.length - 1];
    if (item.end > parent.end) item.end = parent.end;
    if (item.end <= item.start) continue;
    parent.children.push(item);
    stack.push(item);
  }
  const placed = [];
  const fill = (node, into) => {
    let pos = node.start;
    for (const child of node.children) {
      if (child.start > pos) into.append(text.slice(pos, child.start));
      const mark = markFor(child.finding, child.index, titles);
      fill(child, mark);
      into.append(mark);
      placed.push({ finding: child.finding, index: child.index, mark });
      pos = child.end;
    }
    if (node.end > pos) into.append(text.slice(pos, node.end));
  };
  container.replaceChildren();
  fill(root, container);
  // A trailing newline needs something after it, or the overlay is one line short of the textarea.
  if (text.endsWith('\n') || text === '') container.append('\u200b');
  return placed;
}

function markFor(finding, index, titles) {
  const mark = el('mark', {
    class: `finding sev-${finding.severity}${finding.length > WIDE ? ' wide' : ''}`,
    dataset: { rule: finding.rule, offset: finding.offset, length: finding.length, severity: finding.severity, index },
    title: titles ? finding.message : undefined,
  });
  mark.style.setProperty('--c', ruleColour(finding.rule));
  return mark;
}

/** Score and verdict. `ids` gives them the test hooks #score and #verdict (one live view at a time). */
export function scoreBox(result, { ids = true, label = 'Оценка' } = {}) {
  const verdict = result.verdict === 'pass' ? 'pass' : 'fail';
  return el('div.scorebox', { dataset: { verdict } },
    el('span.score-label', { text: `${label}: ` }),
    el('strong.score-value', { id: ids ? 'score' : undefined, text: formatScore(result.score) }),
    el('span.score-of', { text: ' из 10' }),
    el('span.verdict', { id: ids ? 'verdict' : undefined, dataset: { verdict }, text: VERDICT_TITLES[verdict] }),
    typeof result.passMark === 'number' ? el('span.passmark', { text: `порог ${result.passMark}` }) : null);
}

/** The findings grouped by rule: one li[data-rule] per rule, worst rules first. */
export function findingsPanel(findings, rules, { id = 'findings', onSelect = null } = {}) {
  const list = el('ul.findings', { id: id || undefined, 'aria-label': 'Замечания проверки' });
  if (!findings.length) {
    list.append(el('li.findings-empty', { text: 'Замечаний нет.' }));
    return list;
  }
  const groups = new Map();
  findings.forEach((finding, index) => {
    if (!groups.has(finding.rule)) groups.set(finding.rule, []);
    groups.get(finding.rule).push({ finding, index });
  });
  const worst = (entries) => Math.min(...entries.map((e) => severityRank(e.finding.severity)));
  const ordered = [...groups.entries()].sort((a, b) => worst(a[1]) - worst(b[1]) || a[1][0].finding.offset - b[1][0].finding.offset);
  for (const [rule, entries] of ordered) {
    const info = rules?.get(rule);
    const severity = entries.map((e) => e.finding.severity).sort((a, b) => severityRank(a) - severityRank(b))[0];
    const swatch = el('span.swatch', { 'aria-hidden': 'true' });
    swatch.style.setProperty('--c', ruleColour(rule));
    const items = el('ul.finding-items');
    for (const { finding, index } of entries) {
      const body = [
        // Most messages quote the match already; quote it only when they do not.
        finding.length > 0 && finding.length <= WIDE && !finding.message.includes(finding.match) ? el('q.finding-match', { text: finding.match }) : null,
        el('span.finding-message', { text: finding.message }),
        finding.replacements?.length ? el('span.finding-fix', { text: `→ ${finding.replacements.map((r) => r || '(удалить)').join(', ')}` }) : null,
      ];
      items.append(el('li.finding-item', { dataset: { severity: finding.severity } },
        onSelect ? el('button.finding-link', { type: 'button', dataset: { index }, onclick: () => onSelect(finding, index) }, body) : body));
    }
    list.append(el(`li.rule-group.sev-${severity}`, { dataset: { rule, count: entries.length } },
      el('div.rule-head', swatch,
        el('span.rule-name', { text: info?.name || rule }),
        el('span.rule-meta', { text: ` ${SEVERITY_TITLES[severity] || severity}${entries.length > 1 ? ` × ${entries.length}` : ''}` }),
        el('code.rule-id', { text: rule })),
      items));
  }
  return list;
}

/** A read-only text with its findings: the marks, the score and the panel side by side. */
export function annotatedView(text, result, rules, { ids = false, heading = null } = {}) {
  const body = el('div.annotated-text');
  renderMarks(body, text, result.findings || []);
  const side = el('div.annotated-side',
    scoreBox(result, { ids }),
    findingsPanel(result.findings || [], rules, {
      id: ids ? 'findings' : null,
      onSelect: (finding, index) => flashMark(body, index),
    }));
  return el('div.annotated', heading ? el('h3', { text: heading }) : null, el('div.annotated-grid', body, side));
}

/** Scrolls a mark into view and makes it blink, so the panel points at the text. */
export function flashMark(container, index) {
  const mark = container.querySelector(`mark[data-index="${index}"]`);
  if (!mark) return;
  mark.scrollIntoView({ block: 'center', behavior: 'smooth' });
  mark.classList.remove('flash');
  void mark.offsetWidth; // restart the animation
  mark.classList.add('flash');
}
