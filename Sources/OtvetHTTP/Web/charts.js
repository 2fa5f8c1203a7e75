// Horizontal bar charts drawn as inline SVG. Widths are percentages of the
// SVG's own width, so the bars follow the page on a phone without scaling
// the text down; every chart has a <title> and a <desc> for screen readers
// (the table under the charts carries the same numbers).

import { svg } from './util.js';

let chartSeq = 0;

/**
 * rows: [{label, bars: [{value, max, className?, colour?, text}]}]
 * guides: [{at: 0..1, label}] — dashed lines, e.g. the guide's 50 % and 80 %.
 */
export function barChart({ title, description, rows, guides = [], legend = null }) {
  const id = `chart-${++chartSeq}`;
  const labelHeight = 18, barHeight = 14, barGap = 3, valueHeight = 17, rowGap = 10, top = guides.length ? 16 : 0;
  const parts = [];
  let y = top;
  // Label above the bars, the numbers under them: on a narrow screen a long name never runs into a number.
  for (const row of rows) {
    const label = row.label.length > 60 ? `${row.label.slice(0, 59)}…` : row.label;
    parts.push(svg('text', { x: 0, y: y + 13, class: 'label' }, svg('title', {}, row.label), label));
    y += labelHeight;
    for (const bar of row.bars) {
      const share = bar.max > 0 ? Math.max(0, Math.min(1, bar.value / bar.max)) : 0;
      parts.push(svg('rect', { x: 0, y, width: '100%', height: barHeight, rx: 3, class: 'track' }));
      if (share > 0) {
        const rect = svg('rect', { x: 0, y, width: `${(share * 100).toFixed(2)}%`, height: barHeight, rx: 3, class: bar.className || 'bar' },
          svg('title', {}, `${row.label}: ${bar.text}`));
        if (bar.colour) rect.style.fill = bar.colour;
        parts.push(rect);
      }
      y += barHeight + barGap;
    }
    parts.push(svg('text', { x: 0, y: y + 11, class: 'value' }, row.bars.map((b) => b.text).join(' · ')));
    y += valueHeight + rowGap;
  }
  for (const guide of guides) {
    const x = `${(guide.at * 100).toFixed(2)}%`;
    parts.push(svg('line', { x1: x, x2: x, y1: top - 2, y2: y - rowGap, class: 'guide' }));
    parts.push(svg('text', { x, y: 11, 'text-anchor': 'middle', class: 'guide-label' }, guide.label));
  }
  if (!rows.length) {
    parts.push(svg('text', { x: 0, y: 16 }, 'Нет данных'));
    y = 24;
  }
  return svg('svg', {
    class: 'chart', width: '100%', height: Math.max(y, 24), role: 'img', 'aria-labelledby': `${id}-title ${id}-desc`,
  }, svg('title', { id: `${id}-title` }, title), svg('desc', { id: `${id}-desc` }, description || title), ...parts, legend);
}
