// The live editor: a textarea with the check's findings drawn over it.
//
// The textarea holds the text (so typing, undo, IME and screen readers work
// as usual); a layer with the same font, padding and width lies on top of it
// with transparent text and coloured <mark>s. The layer lets the pointer
// through except on the marks, so a highlight can be hovered, clicked or
// tapped. The textarea grows with its text and never scrolls, so the two
// always line up. Keyboard users reach a finding by moving the caret into
// it, or through the findings panel; Tab from the textarea goes to the
// popup's buttons. Offsets are UTF-16 units, which is what JS strings index.

import { el, clear, debounce, announce, SEVERITY_TITLES } from './util.js';
import { api, rulesById } from './api.js';
import { renderMarks, scoreBox, findingsPanel, ruleColour, WIDE } from './highlight.js';

const NAV_KEYS = new Set(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End', 'PageUp', 'PageDown']);

export class Editor {
  /**
   * text: the starting text; context: {message, type} sent with every check;
   * check: the function that checks ({text, message, type} → result);
   * onResult: called with every fresh result.
   */
  constructor({ text = '', context = {}, check = api.check, onResult = null, label = 'Текст ответа', placeholder = '' } = {}) {
    this.context = context;
    this.checkFn = check;
    this.onResult = onResult;
    this.findings = [];     // offsets relative to this.shownText
    this.shownText = '';
    this.result = null;
    this.seq = 0;
    this.popupIndex = null;
    this.popupPinned = false;
    this.busy = false;
    this.rules = new Map();
    rulesById().then((rules) => { this.rules = rules; this.renderSide(); });

    this.textarea = el('textarea.editor-input#draft-text', {
      name: 'text', rows: 8, spellcheck: 'false', placeholder,
      'aria-describedby': 'editor-help', 'aria-required': 'true',
    });
    this.layer = el('div.editor-layer', { 'aria-hidden': 'true' });
    this.popup = el('div.finding-popup#finding-popup', { role: 'group', 'aria-label': 'Замечание проверки', hidden: true });
    this.field = el('div.editor-field', this.textarea, this.layer, this.popup);
    this.summary = el('p.check-summary', { 'aria-live': 'polite' });
    this.side = el('div.editor-side-body');
    this.element = el('div.editor',
      el('div.editor-main',
        el('label.field-label', { for: 'draft-text' }, label, el('span.req', { 'aria-hidden': 'true', text: '*' })),
        this.field,
        el('p.hint#editor-help', { text: 'Текст проверяется по мере набора. Наведите указатель на подсветку, нажмите на неё или поставьте в неё курсор — появится подсказка; Tab переходит к её кнопкам, Esc закрывает.' })),
      el('aside.editor-side', { 'aria-label': 'Проверка текста' }, this.summary, this.side));

    this.schedule = debounce(() => this.runCheck(), 400);
    this.wire();
    this.textarea.value = text;
    this.shownText = text;
    this.renderLayer();
    this.renderSide();
    if (text.trim()) { this.renderSide({ busy: true }); this.runCheck(); }
  }

  get value() { return this.textarea.value; }

  /** Replaces the whole text (a template, a saved draft) and checks it. */
  setText(text) {
    this.textarea.value = text;
    this.onInput();
  }

  setContext(context) {
    this.context = { ...this.context, ...context };
    if (this.value.trim()) { this.renderSide({ busy: true }); this.schedule(); }
  }

  /** Call once the editor is in the document (sizes are 0 before that). */
  attached() {
    this.autosize();
    if (!this.resizeObserver && 'ResizeObserver' in window) {
      let width = 0;
      this.resizeObserver = new ResizeObserver(() => {
        if (this.field.clientWidth !== width) { width = this.field.clientWidth; this.autosize(); }
      });
      this.resizeObserver.observe(this.field);
    }
  }

  destroy() {
    this.schedule.cancel();
    this.seq += 1;
    this.resizeObserver?.disconnect();
    document.removeEventListener('pointerdown', this.outside, true);
  }

  wire() {
    this.textarea.addEventListener('input', () => this.onInput());
    this.textarea.addEventListener('keyup', (e) => { if (NAV_KEYS.has(e.key)) this.caretMoved(); });
    this.textarea.addEventListener('click', () => this.caretMoved());
    this.element.addEventListener('keydown', (e) => {
      if (e.key === 'Escape' && !this.popup.hidden) {
        e.preventDefault();
        e.stopPropagation();
        this.escapedAt = performance.now();
        const fromPopup = this.popup.contains(document.activeElement);
        this.hidePopup();
        if (fromPopup) this.textarea.focus();
      }
    });
    // Hover shows a finding; leaving it (and the popup) hides it unless it was pinned by a click or the caret.
    this.layer.addEventListener('mouseover', (e) => {
      const mark = e.target.closest('mark');
      if (!mark || this.popupPinned) return;
      clearTimeout(this.hideTimer);
      this.showPopup(Number(mark.dataset.index), mark, false);
    });
    this.layer.addEventListener('mouseout', () => this.hideSoon());
    this.popup.addEventListener('mouseenter', () => clearTimeout(this.hideTimer));
    this.popup.addEventListener('mouseleave', () => this.hideSoon());
    this.layer.addEventListener('click', (e) => {
      const mark = e.target.closest('mark');
      if (!mark) return;
      this.placeCaretAt(e.clientX, e.clientY);
      this.showPopup(Number(mark.dataset.index), mark, true);
    });
    this.outside = (e) => {
      if (this.popup.hidden || this.popup.contains(e.target) || e.target.closest?.('mark') || e.target === this.textarea) return;
      this.hidePopup();
    };
    document.addEventListener('pointerdown', this.outside, true);
  }

  /** True when Escape just closed the popup: a surrounding <dialog> should stay open. */
  consumedEscape() { return this.escapedAt && performance.now() - this.escapedAt < 150; }

  onInput() {
    const text = this.textarea.value;
    this.findings = shiftFindings(this.findings, this.shownText, text);
    this.shownText = text;
    this.hidePopup();
    this.renderLayer();
    this.autosize();
    if (!text.trim()) {
      this.seq += 1;
      this.schedule.cancel();
      this.result = null;
      this.findings = [];
      this.renderLayer();
      this.renderSide({ busy: false });
      return;
    }
    this.renderSide({ busy: true });
    this.schedule();
  }

  async runCheck() {
    const text = this.textarea.value;
    const seq = ++this.seq;
    if (!text.trim()) return;
    let result;
    try {
      result = await this.checkFn({ text, ...cleanContext(this.context) });
    } catch (error) {
      if (seq === this.seq) this.renderSide({ busy: false, error: error.message });
      return;
    }
    // A newer keystroke made this answer stale; its own check is on the way.
    if (seq !== this.seq || text !== this.textarea.value) return;
    this.result = result;
    this.findings = result.findings || [];
    this.shownText = text;
    this.renderLayer();
    this.renderSide({ busy: false });
    this.onResult?.(result);
  }

  renderLayer() {
    this.placed = renderMarks(this.layer, this.shownText, this.findings, { titles: false });
  }

  /**
   * The side panel. `busy` dims the last result while the next check runs;
   * the live summary changes only when a result or an error arrives, so a
   * screen reader is not told «checking» at every keystroke.
   */
  renderSide({ busy = this.busy, error = null } = {}) {
    this.busy = busy;
    this.side.classList.toggle('stale', busy);
    this.summary.classList.toggle('failed', !!error);
    if (error) {
      this.summary.textContent = `Проверка недоступна: ${error}`;
      return;
    }
    if (!this.value.trim()) {
      this.summary.textContent = 'Введите текст ответа — проверка начнётся сама.';
      clear(this.side);
      return;
    }
    if (!this.result) {
      if (!busy) this.summary.textContent = '';
      else if (!this.summary.textContent) this.summary.textContent = 'Проверяю…';
      return;
    }
    if (!busy) {
      const { score, verdict, findings } = this.result;
      this.summary.textContent = `Оценка ${score.toFixed(1)} из 10, ${verdict === 'pass' ? 'проходит' : 'не проходит'}; замечаний: ${findings.length}.`;
    }
    // Rebuilt even while busy: the panel's buttons point into this.findings, which an edit re-indexes.
    clear(this.side, scoreBox(this.result), findingsPanel(this.findings, this.rules, {
      onSelect: (finding, index) => this.select(index),
    }));
  }

  /** Selects a finding's text in the textarea and shows its popup (the panel's buttons call this). */
  select(index) {
    const finding = this.findings[index];
    if (!finding) return;
    this.textarea.focus({ preventScroll: true });
    this.textarea.setSelectionRange(finding.offset, finding.offset + finding.length);
    const mark = this.layer.querySelector(`mark[data-index="${index}"]`);
    (mark || this.field).scrollIntoView({ block: 'nearest', behavior: 'smooth' });
    this.showPopup(index, mark, true);
  }

  /** The caret moved by keyboard or click: show the finding under it (not the sentence-wide ones). */
  caretMoved() {
    const pos = this.textarea.selectionStart;
    if (this.textarea.selectionEnd !== pos) return;
    let best = null;
    this.findings.forEach((f, index) => {
      if (f.length > WIDE || pos < f.offset || pos > f.offset + f.length) return;
      if (!best || f.length < best.f.length) best = { f, index };
    });
    if (best) this.showPopup(best.index, this.layer.querySelector(`mark[data-index="${best.index}"]`), true);
    else if (this.popupPinned) this.hidePopup();
  }

  /** Puts the textarea's caret where the pointer hit the layer, so clicking a highlight still places the caret. */
  placeCaretAt(x, y) {
    let node = null, offset = 0;
    if (document.caretPositionFromPoint) {
      const pos = document.caretPositionFromPoint(x, y);
      if (pos) { node = pos.offsetNode; offset = pos.offset; }
    } else if (document.caretRangeFromPoint) {
      const range = document.caretRangeFromPoint(x, y);
      if (range) { node = range.startContainer; offset = range.startOffset; }
    }
    if (!node || !this.layer.contains(node) || node.nodeType !== Node.TEXT_NODE) return;
    let absolute = 0;
    const walker = document.createTreeWalker(this.layer, NodeFilter.SHOW_TEXT);
    for (let current = walker.nextNode(); current && current !== node; current = walker.nextNode()) absolute += current.data.length;
    absolute = Math.min(absolute + offset, this.textarea.value.length);
    this.textarea.focus({ preventScroll: true });
    this.textarea.setSelectionRange(absolute, absolute);
  }

  showPopup(index, anchor, pinned) {
    const finding = this.findings[index];
    if (!finding) return;
    clearTimeout(this.hideTimer);
    if (this.popupIndex === index && !this.popup.hidden) { this.popupPinned ||= pinned; return; }
    this.popupIndex = index;
    this.popupPinned = pinned;
    const rule = this.rules.get(finding.rule);
    const swatch = el('span.swatch', { 'aria-hidden': 'true' });
    swatch.style.setProperty('--c', ruleColour(finding.rule));
    const fixes = (finding.replacements || []).map((value) => el('button.replacement', {
      type: 'button', dataset: { replacement: value }, onclick: () => this.apply(index, value),
    }, value === '' ? 'удалить' : value));
    clear(this.popup,
      el('div.popup-head', swatch, el('strong', { text: rule?.name || finding.rule }),
        el('span.popup-severity', { text: ` · ${SEVERITY_TITLES[finding.severity] || finding.severity}` })),
      el('p.popup-message', { text: finding.message }),
      fixes.length ? el('div.popup-fixes', el('span.popup-label', { text: 'Заменить на:' }), fixes) : null,
      el('div.popup-actions', el('button.link-button', { type: 'button', onclick: () => { this.hidePopup(); this.textarea.focus(); } }, 'Закрыть')));
    this.popup.dataset.rule = finding.rule;
    this.popup.hidden = false;
    this.positionPopup(anchor);
  }

  positionPopup(anchor) {
    const box = this.field.getBoundingClientRect();
    let top = 8, left = 8;
    const rect = anchor?.getClientRects?.()[0];
    if (rect && anchor.dataset.length <= WIDE) {
      top = rect.bottom - box.top + 6;
      left = rect.left - box.left;
    }
    const width = this.popup.offsetWidth || 320;
    left = Math.max(0, Math.min(left, this.field.clientWidth - width));
    this.popup.style.top = `${top}px`;
    this.popup.style.left = `${left}px`;
  }

  hideSoon() {
    if (this.popupPinned) return;
    clearTimeout(this.hideTimer);
    this.hideTimer = setTimeout(() => this.hidePopup(), 250);
  }

  hidePopup() {
    clearTimeout(this.hideTimer);
    this.popup.hidden = true;
    this.popupIndex = null;
    this.popupPinned = false;
  }

  /** Replaces exactly offset..offset+length with the value, keeping undo where the browser allows. */
  apply(index, value) {
    const finding = this.findings[index];
    const ta = this.textarea;
    const before = ta.value;
    const start = finding?.offset, end = start + finding?.length;
    if (!finding || before.slice(start, end) !== finding.match) {
      announce('Текст изменился после проверки: дождитесь новой проверки.', 'error');
      this.hidePopup();
      return;
    }
    const expected = before.slice(0, start) + value + before.slice(end);
    ta.focus({ preventScroll: true });
    ta.setSelectionRange(start, end);
    let done = false;
    try { done = document.execCommand(value === '' ? 'delete' : 'insertText', false, value); } catch { done = false; }
    if (!done || ta.value !== expected) ta.value = expected;
    ta.setSelectionRange(start + value.length, start + value.length);
    this.hidePopup();
    // execCommand fires "input" itself; a direct assignment does not, and a second call is harmless.
    if (this.shownText !== ta.value) this.onInput();
    announce(value === '' ? `Удалено: «${finding.match}»` : `Заменено: «${finding.match}» → «${value}»`);
  }

  autosize() {
    const ta = this.textarea;
    const style = getComputedStyle(ta);
    const borders = parseFloat(style.borderTopWidth) + parseFloat(style.borderBottomWidth);
    ta.style.height = 'auto';
    ta.style.height = `${ta.scrollHeight + borders}px`;
  }
}

function cleanContext(context) {
  const out = {};
  for (const [key, value] of Object.entries(context || {})) if (value !== undefined && value !== null && value !== '') out[key] = value;
  return out;
}

/**
 * Keeps the highlights in place while the next check runs: findings before
 * the edit stay, findings after it move by the edit's length, sentence-wide
 * findings that contain it stretch, and the ones it touched are dropped.
 */
export function shiftFindings(findings, oldText, newText) {
  if (oldText === newText || !findings.length) return findings;
  const max = Math.min(oldText.length, newText.length);
  let prefix = 0;
  while (prefix < max && oldText.charCodeAt(prefix) === newText.charCodeAt(prefix)) prefix += 1;
  let suffix = 0;
  while (suffix < max - prefix && oldText.charCodeAt(oldText.length - 1 - suffix) === newText.charCodeAt(newText.length - 1 - suffix)) suffix += 1;
  const oldEnd = oldText.length - suffix;
  const delta = newText.length - oldText.length;
  const out = [];
  for (const f of findings) {
    const end = f.offset + f.length;
    if (end <= prefix) out.push(f);
    else if (f.offset >= oldEnd) out.push({ ...f, offset: f.offset + delta });
    else if (f.length > WIDE && f.offset <= prefix && end >= oldEnd) {
      const length = f.length + delta;
      out.push({ ...f, length, match: newText.slice(f.offset, f.offset + length) });
    }
  }
  return out;
}
