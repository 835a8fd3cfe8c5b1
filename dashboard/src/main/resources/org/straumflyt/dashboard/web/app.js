// The dashboard page: a portfolio table and a building page, rendered from the JSON API, kept live by
// server-sent events (/api/live) that carry the running hour of every building.
import { t, lang, setLang, category, flagMeaning } from './i18n.js';
import { kwh, kw, kwhPerM2, m2, percent, when } from './format.js';
import { profileChart } from './chart.js';

const LOW_COVERAGE = 0.9;
const main = document.getElementById('main');
const status = document.getElementById('status');
const state = { portfolio: null, building: null, sort: { key: 'id', dir: 1 }, unavailable: false };

const COLUMNS = [
  { key: 'id', label: 'building', text: (b) => b.id },
  { key: 'category', label: 'category', text: (b) => category(b.category), value: (b) => category(b.category) },
  { key: 'liveKw', label: 'live', text: (b) => kw(b.liveKw), numeric: true },
  { key: 'todayKwh', label: 'today', text: (b) => kwh(b.todayKwh), numeric: true },
  { key: 'yesterdayKwh', label: 'yesterday', text: (b) => kwh(b.yesterdayKwh), numeric: true },
  { key: 'todayKwhPerM2', label: 'perM2', text: (b) => kwhPerM2(b.todayKwhPerM2), numeric: true },
  { key: 'newestHour', label: 'newest', text: (b, p) => when(b.newestHour, p.timeZone, p.today) },
  { key: 'coverage', label: 'coverage', text: (b) => percent(b.coverage), numeric: true },
];

function h(name, attributes = {}, ...children) {
  const node = document.createElement(name);
  for (const [key, value] of Object.entries(attributes)) {
    if (value != null) {
      node.setAttribute(key, value);
    }
  }
  node.append(...children.filter((c) => c != null));
  return node;
}

function route() {
  const match = location.pathname.match(/^\/building\/(.+)$/);
  return match ? { page: 'building', id: decodeURIComponent(match[1]) } : { page: 'portfolio' };
}

async function load() {
  const where = route();
  const url = where.page === 'building' ? `/api/buildings/${encodeURIComponent(where.id)}` : '/api/portfolio';
  const response = await fetch(url);
  if (response.status === 404) {
    state.building = null;
    main.replaceChildren(h('h1', {}, t('notFound')), h('p', {}, h('a', { href: '/' }, t('back'))));
    return;
  }
  if (!response.ok) {
    state.unavailable = true;
    renderStatus();
    return;
  }
  state.unavailable = false;
  if (where.page === 'building') {
    state.building = await response.json();
  } else {
    state.portfolio = await response.json();
  }
  render();
}

function render() {
  // Re-rendering replaces the table: keep the keyboard focus on the same control.
  const focused = document.activeElement?.dataset?.sort;
  document.documentElement.lang = lang();
  const button = document.getElementById('lang');
  button.textContent = t('switchTo');
  button.setAttribute('aria-label', t('switchLabel'));
  document.querySelectorAll('[data-i18n]').forEach((node) => { node.textContent = t(node.dataset.i18n); });
  if (route().page === 'building') {
    if (state.building) {
      renderBuilding(state.building);
    }
  } else if (state.portfolio) {
    renderPortfolio(state.portfolio);
  }
  if (focused) {
    main.querySelector(`button[data-sort="${focused}"]`)?.focus();
  }
  renderStatus();
}

function renderStatus() {
  status.textContent = state.unavailable ? t('unavailable') : t('liveOn');
  status.classList.toggle('warn', state.unavailable);
}

function sortValue(column, building) {
  if (column.value) {
    return column.value(building);
  }
  return building[column.key];
}

function sorted(buildings) {
  const column = COLUMNS.find((c) => c.key === state.sort.key);
  return [...buildings].sort((a, b) => {
    const x = sortValue(column, a);
    const y = sortValue(column, b);
    if (x == null && y == null) return a.id.localeCompare(b.id);
    if (x == null) return 1; // no data last, whichever the direction
    if (y == null) return -1;
    const order = typeof x === 'number' ? x - y : String(x).localeCompare(String(y), lang());
    return order === 0 ? a.id.localeCompare(b.id) : order * state.sort.dir;
  });
}

function renderPortfolio(portfolio) {
  document.title = `${t('portfolio')} – straumflyt`;
  const head = h('tr', {}, ...COLUMNS.map((column) => {
    const active = state.sort.key === column.key;
    const button = h('button', { type: 'button', 'data-sort': column.key }, t(column.label));
    button.addEventListener('click', () => {
      if (state.sort.key === column.key) {
        state.sort.dir = -state.sort.dir;
      } else {
        // Figures: largest first; words: A to Z.
        state.sort = { key: column.key, dir: column.numeric ? -1 : 1 };
      }
      renderPortfolio(state.portfolio);
      main.querySelector(`button[data-sort="${column.key}"]`).focus();
    });
    return h('th', { scope: 'col', class: column.numeric ? 'num' : null,
      'aria-sort': active ? (state.sort.dir > 0 ? 'ascending' : 'descending') : null }, button);
  }));
  const rows = sorted(portfolio.buildings).map((b) => h('tr', { 'data-building': b.id },
    ...COLUMNS.map((column, i) => {
      const raw = b[column.key];
      const content = i === 0 ? h('a', { href: `/building/${encodeURIComponent(b.id)}` }, b.id)
        : column.text(b, portfolio);
      const lowCoverage = column.key === 'coverage' && b.coverage != null && b.coverage < LOW_COVERAGE;
      return h(i === 0 ? 'th' : 'td', { scope: i === 0 ? 'row' : null, 'data-col': column.key,
        'data-value': raw == null ? '' : String(raw),
        class: [column.numeric ? 'num' : '', lowCoverage ? 'low' : ''].join(' ').trim() || null }, content);
    })));
  main.replaceChildren(
    h('h1', {}, t('portfolio')),
    h('p', { class: 'intro' }, t('portfolioIntro'), ' ', t('liveExplained')),
    h('div', { class: 'scroll' }, h('table', { class: 'portfolio' }, h('thead', {}, head), h('tbody', {}, ...rows))),
  );
}

function renderBuilding(detail) {
  const b = detail.summary;
  document.title = `${b.id} – straumflyt`;
  const figures = [
    ['live', kw(b.liveKw), 'liveKw'], ['today', kwh(b.todayKwh), 'todayKwh'],
    ['yesterday', kwh(b.yesterdayKwh), 'yesterdayKwh'], ['perM2', kwhPerM2(b.todayKwhPerM2), 'todayKwhPerM2'],
    ['area', m2(b.areaM2), 'areaM2'],
  ];
  const quality = [];
  if (b.coverage == null) {
    quality.push(h('p', {}, t('coverageNone')));
  } else if (b.coverage < LOW_COVERAGE) {
    quality.push(h('p', { class: 'warn', 'data-testid': 'coverage' }, t('coverageLow', percent(b.coverage))));
  } else {
    quality.push(h('p', { 'data-testid': 'coverage' }, t('coverageText', percent(b.coverage))));
  }
  if (b.metersExpected != null) {
    quality.push(h('p', { 'data-testid': 'meters' },
      `${t('meters')}: ${b.metersReporting} ${t('of')} ${b.metersExpected}`));
  }
  if (b.flags.length === 0) {
    quality.push(h('p', {}, t('flagsNone')));
  } else {
    quality.push(h('p', {}, t('flagsIntro')), h('dl', { class: 'flags' }, ...b.flags.flatMap((flag) => [
      h('dt', {}, h('code', {}, flag)), h('dd', {}, flagMeaning(flag))])));
  }
  const hours = detail.today.map((hour, i) => {
    const before = detail.yesterday[i];
    return h('tr', { 'data-hour': hour.localHour, class: hour.inProgress ? 'running' : null },
      h('th', { scope: 'row' }, hour.localHour),
      h('td', { class: 'num', 'data-col': 'today' },
        hour.kwh == null ? t('noData') : kwh(hour.kwh), hour.inProgress ? ` (${t('inProgress')})` : ''),
      h('td', { class: 'num', 'data-col': 'yesterday' }, before?.kwh == null ? t('noData') : kwh(before.kwh)),
      h('td', { class: 'num' }, percent(hour.coverage)));
  });
  main.replaceChildren(
    h('p', {}, h('a', { href: '/' }, `← ${t('back')}`)),
    h('h1', {}, b.id, ' ', h('span', { class: 'sub' }, category(b.category))),
    h('dl', { class: 'figures' }, ...figures.flatMap(([label, text, key]) => [
      h('dt', {}, t(label)), h('dd', { 'data-figure': key }, text)])),
    h('p', { class: 'intro' }, t('liveExplained')),
    h('h2', {}, t('profile')),
    h('p', { class: 'legend' }, h('span', { class: 'key today' }), t('todayLegend'), ' ',
      h('span', { class: 'key yesterday' }), t('yesterdayLegend'), ' ',
      h('span', { class: 'key running' }), t('inProgress')),
    profileChart(detail.today, detail.yesterday),
    h('div', { class: 'scroll' }, h('table', { class: 'hours' },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('hour')), h('th', { scope: 'col', class: 'num' }, t('today')),
        h('th', { scope: 'col', class: 'num' }, t('yesterday')), h('th', { scope: 'col', class: 'num' }, t('coverage')))),
      h('tbody', {}, ...hours))),
    h('h2', {}, t('quality')),
    ...quality,
  );
}

// The running hour of every building: today's total moves by the change of the running hour.
function applyLive(live) {
  const current = route().page === 'building' ? state.building?.summary && [state.building.summary]
    : state.portfolio?.buildings;
  const hourStart = route().page === 'building' ? state.building?.today.at(-1)?.hourStart : state.portfolio?.hourStart;
  if (!current) {
    return;
  }
  if (hourStart !== live.hourStart) {
    load(); // a new hour began: the page's hours are stale
    return;
  }
  let changed = false;
  for (const b of current) {
    const now = live.buildings.find((x) => x.id === b.id);
    if (!now || (now.kwh === b.runningHourKwh && now.liveKw === b.liveKw)) {
      continue;
    }
    changed = true;
    b.todayKwh = (b.todayKwh ?? 0) - (b.runningHourKwh ?? 0) + now.kwh;
    b.runningHourKwh = now.kwh;
    b.liveKw = now.liveKw;
    if (route().page === 'building') {
      const running = state.building.today.at(-1);
      running.kwh = now.kwh;
      running.coverage = now.coverage;
    }
  }
  if (changed) {
    render();
  }
}

function connect() {
  const events = new EventSource('/api/live');
  events.addEventListener('live', (event) => {
    if (state.unavailable) {
      state.unavailable = false;
      renderStatus();
    }
    applyLive(JSON.parse(event.data));
  });
  events.addEventListener('unavailable', () => {
    state.unavailable = true;
    renderStatus();
  });
}

document.getElementById('lang').addEventListener('click', () => {
  setLang(lang() === 'nb' ? 'en' : 'nb');
  render();
});
render();
load().then(connect);
