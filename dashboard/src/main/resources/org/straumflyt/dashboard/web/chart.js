// Inline SVG charts (no library): today's hours against yesterday's and the same weekday last week's, and the last
// 30 days' energy against outdoor temperature. The running hour is drawn hatched and labelled "in progress"; an
// hour or a day without data has no mark.
import { t } from './i18n.js';
import { kwh, celsius, day } from './format.js';

const SVG = 'http://www.w3.org/2000/svg';
const WIDTH = 760;
const HEIGHT = 260;
const LEFT = 48;
const BOTTOM = 28;
const TOP = 24;

export function el(name, attributes = {}, text) {
  const node = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) {
    node.setAttribute(key, value);
  }
  if (text != null) {
    node.textContent = text;
  }
  return node;
}

function frame(label) {
  return el('svg', { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: 'img', 'aria-label': label, class: 'chart' });
}

export function profileChart(today, yesterday, lastWeek = []) {
  const slots = Math.max(today.length, yesterday.length, lastWeek.length, 24);
  const values = [...today, ...yesterday, ...lastWeek].map((b) => b.kwh ?? 0);
  const max = Math.max(1, ...values) * 1.1;
  const slot = (WIDTH - LEFT - 8) / slots;
  const plot = HEIGHT - BOTTOM - TOP;
  const y = (v) => TOP + plot - (v / max) * plot;

  const svg = frame(t('chartLabel'));
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

  const width = slot * 0.27;
  const bar = (hour, index, offset, className) => {
    if (hour.kwh == null) {
      return;
    }
    const x = LEFT + index * slot + offset;
    const top = y(hour.kwh);
    const rect = el('rect', { x, y: top, width, height: Math.max(0, TOP + plot - top),
      class: hour.inProgress ? `${className} running` : className });
    rect.append(el('title', {}, `${hour.localHour}: ${kwh(hour.kwh)}${hour.inProgress ? ` (${t('inProgress')})` : ''}`));
    svg.append(rect);
    if (hour.inProgress) {
      svg.append(el('text', { x: x + width / 2, y: top - 6, class: 'running-label', 'text-anchor': 'middle' },
        t('inProgress')));
    }
  };
  lastWeek.forEach((hour, i) => bar(hour, i, slot * 0.08, 'last-week'));
  yesterday.forEach((hour, i) => bar(hour, i, slot * 0.08 + width, 'yesterday'));
  today.forEach((hour, i) => bar(hour, i, slot * 0.08 + 2 * width, 'today'));

  const labels = [yesterday, lastWeek, today].reduce((a, b) => (b.length > a.length ? b : a));
  labels.forEach((hour, i) => {
    if (i % 3 === 0) {
      svg.append(el('text', { x: LEFT + i * slot + slot / 2, y: HEIGHT - 8, class: 'axis', 'text-anchor': 'middle' },
        hour.localHour));
    }
  });
  return svg;
}

/** Each day with data and a temperature as a point: energy (up) against the daily mean temperature (across). */
export function signatureChart(days) {
  const points = days.filter((d) => d.kwh != null && d.meanTemperatureC != null);
  const svg = frame(t('signatureLabel'));
  const plot = HEIGHT - BOTTOM - TOP;
  const temperatures = points.map((d) => d.meanTemperatureC);
  let low = Math.floor(Math.min(0, ...temperatures) / 5) * 5;
  let high = Math.ceil(Math.max(10, ...temperatures) / 5) * 5;
  if (high === low) high = low + 5;
  const max = Math.max(1, ...points.map((d) => d.kwh)) * 1.1;
  const x = (c) => LEFT + ((c - low) / (high - low)) * (WIDTH - LEFT - 16);
  const y = (v) => TOP + plot - (v / max) * plot;
  for (const fraction of [0, 0.5, 1]) {
    const value = (max / 1.1) * fraction;
    svg.append(el('line', { x1: LEFT, x2: WIDTH - 8, y1: y(value), y2: y(value), class: 'grid' }));
    svg.append(el('text', { x: LEFT - 6, y: y(value) + 4, class: 'axis', 'text-anchor': 'end' },
      Math.round(value).toString()));
  }
  for (let c = low; c <= high; c += 5) {
    svg.append(el('text', { x: x(c), y: HEIGHT - 8, class: 'axis', 'text-anchor': 'middle' }, `${c}`));
  }
  svg.append(el('text', { x: 4, y: TOP - 8, class: 'axis' }, 'kWh'));
  svg.append(el('text', { x: WIDTH - 8, y: TOP + plot - 6, class: 'axis', 'text-anchor': 'end' }, '°C'));
  for (const d of points) {
    const dot = el('circle', { cx: x(d.meanTemperatureC), cy: y(d.kwh), r: 5,
      class: d.flags.length > 0 ? 'point flagged' : 'point' });
    dot.append(el('title', {}, `${day(d.date)}: ${kwh(d.kwh)}, ${celsius(d.meanTemperatureC)}`));
    svg.append(dot);
  }
  return svg;
}
