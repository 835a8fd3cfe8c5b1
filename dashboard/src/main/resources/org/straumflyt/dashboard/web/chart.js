// Today's hours against yesterday's as an inline SVG bar chart (no library). The running hour is drawn hatched
// and labelled "in progress"; an hour without data has no bar.
import { t } from './i18n.js';
import { kwh } from './format.js';

const SVG = 'http://www.w3.org/2000/svg';
const WIDTH = 760;
const HEIGHT = 260;
const LEFT = 48;
const BOTTOM = 28;
const TOP = 24;

function el(name, attributes = {}, text) {
  const node = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) {
    node.setAttribute(key, value);
  }
  if (text != null) {
    node.textContent = text;
  }
  return node;
}

export function profileChart(today, yesterday) {
  const slots = Math.max(today.length, yesterday.length, 24);
  const values = [...today, ...yesterday].map((b) => b.kwh ?? 0);
  const max = Math.max(1, ...values) * 1.1;
  const slot = (WIDTH - LEFT - 8) / slots;
  const plot = HEIGHT - BOTTOM - TOP;
  const y = (v) => TOP + plot - (v / max) * plot;

  const svg = el('svg', { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: 'img', 'aria-label': t('chartLabel'),
    class: 'chart' });
  const defs = el('defs');
  const pattern = el('pattern', { id: 'hatch', width: 6, height: 6, patternUnits: 'userSpaceOnUse',
    patternTransform: 'rotate(45)' });
  pattern.append(el('rect', { width: 6, height: 6, class: 'hatch-bg' }), el('line', { x1: 0, y1: 0, x2: 0, y2: 6,
    class: 'hatch-line' }));
  defs.append(pattern);
  svg.append(defs);

  for (const fraction of [0, 0.5, 1]) {
    const value = (max / 1.1) * fraction;
    svg.append(el('line', { x1: LEFT, x2: WIDTH - 8, y1: y(value), y2: y(value), class: 'grid' }));
    svg.append(el('text', { x: LEFT - 6, y: y(value) + 4, class: 'axis', 'text-anchor': 'end' },
      Math.round(value).toString()));
  }
  svg.append(el('text', { x: 4, y: TOP - 8, class: 'axis' }, 'kWh'));

  const bar = (hour, index, offset, className) => {
    if (hour.kwh == null) {
      return;
    }
    const x = LEFT + index * slot + offset;
    const top = y(hour.kwh);
    const rect = el('rect', { x, y: top, width: slot * 0.4, height: Math.max(0, TOP + plot - top),
      class: hour.inProgress ? `${className} running` : className });
    rect.append(el('title', {}, `${hour.localHour}: ${kwh(hour.kwh)}${hour.inProgress ? ` (${t('inProgress')})` : ''}`));
    svg.append(rect);
    if (hour.inProgress) {
      svg.append(el('text', { x: x + slot * 0.2, y: top - 6, class: 'running-label', 'text-anchor': 'middle' },
        t('inProgress')));
    }
  };
  yesterday.forEach((hour, i) => bar(hour, i, slot * 0.1, 'yesterday'));
  today.forEach((hour, i) => bar(hour, i, slot * 0.5, 'today'));

  const labels = yesterday.length >= today.length ? yesterday : today;
  labels.forEach((hour, i) => {
    if (i % 3 === 0) {
      svg.append(el('text', { x: LEFT + i * slot + slot / 2, y: HEIGHT - 8, class: 'axis', 'text-anchor': 'middle' },
        hour.localHour));
    }
  });
  return svg;
}
