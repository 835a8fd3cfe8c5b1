// The dashboard page: a portfolio table, a building page and a municipality page, rendered from the JSON API, kept
// live by server-sent events (/api/live) that carry the running hour of every building.
import { t, lang, setLang, category, flagMeaning, flagName } from './i18n.js';
import { kwh, kw, kwhPerM2, kwhPerM2Whole, m2, percent, percentValue, celsius, count, day, month, dateTime, when }
  from './format.js';
import { profileChart, signatureChart } from './chart.js';
import { buildingMap } from './map.js';

const LOW_COVERAGE = 0.9;
const UNASSIGNED = 'unassigned';
const main = document.getElementById('main');
const status = document.getElementById('status');
const state = { portfolio: null, building: null, municipalities: null, settings: null, sort: { key: 'name', dir: 1 },
  filter: { text: '', category: '' }, unavailable: false };

const yearValue = (b) => b.year?.kwhPerM2 ?? null;
const COLUMNS = [
  { key: 'name', label: 'building', text: (b) => b.name, value: (b) => b.name },
  { key: 'category', label: 'category', text: (b) => category(b.category), value: (b) => category(b.category) },
  { key: 'liveKw', label: 'live', text: (b) => kw(b.liveKw), numeric: true },
  { key: 'todayKwh', label: 'today', text: (b) => kwh(b.todayKwh), numeric: true },
  { key: 'lastWeekKwh', label: 'lastWeek', text: (b) => kwh(b.lastWeekKwh), numeric: true },
  { key: 'yesterdayKwh', label: 'yesterday', text: (b) => kwh(b.yesterdayKwh), numeric: true },
  { key: 'todayKwhPerM2', label: 'perM2', text: (b) => kwhPerM2(b.todayKwhPerM2), numeric: true },
  { key: 'year', label: 'year', text: (b) => kwhPerM2(yearValue(b)), value: yearValue, numeric: true },
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
  if (location.pathname === '/municipality') {
    return { page: 'municipality' };
  }
  const match = location.pathname.match(/^\/building\/(.+)$/);
  return match ? { page: 'building', id: decodeURIComponent(match[1]) } : { page: 'portfolio' };
}

const API = {
  building: (where) => `/api/buildings/${encodeURIComponent(where.id)}`,
  municipality: () => '/api/municipalities',
  portfolio: () => '/api/portfolio',
};

async function load() {
  const where = route();
  const response = await fetch(API[where.page](where));
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
  const body = await response.json();
  if (where.page === 'building') {
    state.building = body;
  } else if (where.page === 'municipality') {
    state.municipalities = body;
  } else {
    state.portfolio = body;
  }
  render();
}

function render() {
  // Re-rendering replaces the page: keep the keyboard focus on the same control.
  const active = document.activeElement;
  const focused = active?.dataset?.sort ? `button[data-sort="${active.dataset.sort}"]`
    : active?.id && main.contains(active) ? `#${active.id}` : null;
  document.documentElement.lang = lang();
  const button = document.getElementById('lang');
  button.textContent = t('switchTo');
  button.setAttribute('aria-label', t('switchLabel'));
  document.getElementById('pages').setAttribute('aria-label', t('navLabel'));
  document.querySelectorAll('[data-i18n]').forEach((node) => { node.textContent = t(node.dataset.i18n); });
  const page = route().page;
  document.querySelectorAll('#pages a[data-page]').forEach((link) => {
    if (link.dataset.page === page) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  });
  if (page === 'building') {
    if (state.building) renderBuilding(state.building);
  } else if (page === 'municipality') {
    if (state.municipalities) renderMunicipalities(state.municipalities);
  } else if (state.portfolio) {
    renderPortfolio(state.portfolio);
  }
  if (focused) {
    const node = main.querySelector(focused);
    node?.focus();
    if (node?.tagName === 'INPUT') node.setSelectionRange(node.value.length, node.value.length);
  }
  renderStatus();
}

function renderStatus() {
  status.textContent = state.unavailable ? t('unavailable') : t('liveOn');
  status.classList.toggle('warn', state.unavailable);
}

function sortValue(column, building) {
  return column.value ? column.value(building) : building[column.key];
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

// The stream processor books meters the registry does not know under the building id "unassigned" (REGISTRY.md).
function displayName(b) {
  return b.id === UNASSIGNED && !b.inRegistry ? t('unassignedName') : b.name;
}

function matches(b) {
  const text = state.filter.text.trim().toLocaleLowerCase();
  const inText = !text || [b.name, b.id, b.municipality].some((v) => v && v.toLocaleLowerCase().includes(text));
  return inText && (!state.filter.category || b.category === state.filter.category);
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
  const shown = sorted(portfolio.buildings.filter(matches));
  const rows = shown.map((b) => h('tr', { 'data-building': b.id },
    ...COLUMNS.map((column, i) => {
      const raw = sortValue(column, b);
      let content = column.text(b, portfolio);
      if (i === 0) {
        content = h('span', {}, h('a', { href: `/building/${encodeURIComponent(b.id)}` }, displayName(b)),
          b.name !== b.id || !b.inRegistry ? h('span', { class: 'id' },
            b.inRegistry ? b.id : `${b.id} · ${t('notInRegistry')}`) : null,
          b.hidden ? h('span', { class: 'id', 'data-testid': 'personal' }, t('personal')) : null);
      } else if (column.key === 'year' && b.year?.benchmarkKwhPerM2 != null) {
        content = h('span', {}, content, ' ', h('span', { class: 'ref' },
          t('benchmarkShort', kwhPerM2Whole(b.year.benchmarkKwhPerM2))));
      }
      const lowCoverage = column.key === 'coverage' && b.coverage != null && b.coverage < LOW_COVERAGE;
      return h(i === 0 ? 'th' : 'td', { scope: i === 0 ? 'row' : null, 'data-col': column.key,
        'data-value': raw == null ? '' : String(raw),
        class: [column.numeric ? 'num' : '', lowCoverage ? 'low' : ''].join(' ').trim() || null }, content);
    })));

  const search = h('input', { type: 'search', id: 'filter-text', value: state.filter.text,
    placeholder: t('filterHint'), autocomplete: 'off' });
  search.addEventListener('input', () => {
    state.filter.text = search.value;
    render();
  });
  const categories = [...new Set(portfolio.buildings.map((b) => b.category).filter((c) => c))]
    .sort((a, b) => category(a).localeCompare(category(b), lang()));
  const select = h('select', { id: 'filter-category' }, h('option', { value: '' }, t('allCategories')),
    ...categories.map((c) => {
      const option = h('option', { value: c }, category(c));
      if (c === state.filter.category) option.selected = true;
      return option;
    }));
  select.addEventListener('change', () => {
    state.filter.category = select.value;
    render();
  });
  main.replaceChildren(
    h('h1', {}, t('portfolio')),
    h('p', { class: 'intro' }, t('portfolioIntro'), ' ', t('liveExplained')),
    h('div', { class: 'controls' },
      h('label', { for: 'filter-text' }, t('filter'), search),
      h('label', { for: 'filter-category' }, t('category'), select)),
    h('p', { 'data-testid': 'shown', role: 'status' }, t('shown', shown.length, portfolio.buildings.length)),
    h('div', { class: 'scroll' }, h('table', { class: 'portfolio' }, h('thead', {}, head), h('tbody', {}, ...rows))),
    ...mapSection(shown),
  );
}

function mapSection(shown) {
  const tiles = state.settings?.map;
  const missing = shown.filter((b) => !b.location).length;
  return [
    h('h2', {}, t('mapTitle')),
    h('div', { class: 'scroll' }, buildingMap(shown, tiles, (b) => `/building/${encodeURIComponent(b.id)}`)),
    tiles?.url ? h('p', { class: 'ref', 'data-testid': 'attribution' }, tiles.attribution)
      : h('p', { class: 'ref', 'data-testid': 'map-plain' }, t('mapPlain')),
    missing > 0 ? h('p', { class: 'ref', 'data-testid': 'map-missing' }, t('mapMissing', missing)) : null,
  ].filter((node) => node);
}

function table(className, headings, rows) {
  return h('div', { class: 'scroll' }, h('table', { class: className },
    h('thead', {}, h('tr', {}, ...headings.map(([text, numeric]) =>
      h('th', { scope: 'col', class: numeric ? 'num cell' : 'cell' }, text)))),
    h('tbody', {}, ...rows)));
}

function qualitySection(b, detail) {
  const quality = [];
  if (b.coverage == null) {
    quality.push(h('p', {}, t('coverageNone')));
  } else if (b.coverage < LOW_COVERAGE) {
    quality.push(h('p', { class: 'warn', 'data-testid': 'coverage' }, t('coverageLow', percent(b.coverage))));
  } else {
    quality.push(h('p', { 'data-testid': 'coverage' }, t('coverageText', percent(b.coverage))));
  }
  const gaps = detail.today.filter((hour) => hour.kwh == null).length;
  if (gaps > 0) {
    quality.push(h('p', { class: 'warn', 'data-testid': 'gaps' }, t('gapsToday', gaps)));
  }
  if (b.metersExpected != null) {
    quality.push(h('p', { 'data-testid': 'meters' },
      `${t('meters')}: ${b.metersReporting} ${t('of')} ${b.metersExpected}`));
  }
  if (b.flags.length === 0) {
    quality.push(h('p', {}, t('flagsNone')));
  } else {
    quality.push(h('p', {}, t('flagsIntro')), h('dl', { class: 'flags' }, ...b.flags.flatMap((flag) => [
      h('dt', {}, h('code', {}, flag), ` – ${flagName(flag)}`), h('dd', {}, flagMeaning(flag))])));
  }
  return quality;
}

function peaksSection(detail) {
  const m = detail.month;
  const zone = detail.timeZone;
  const figures = [
    ['peakHour', m.peakHourKwh == null ? '–' : `${kw(m.peakHourKwh)} ${t('peakAt', dateTime(m.peakHourStart, zone))}`,
      'peakHour'],
    ['capacityBasis', m.capacityPeakKw == null ? t('capacityNone') : kw(m.capacityPeakKw), 'capacityPeakKw'],
  ];
  const rows = m.topDays.map((d) => h('tr', { 'data-day': d.date },
    h('th', { scope: 'row' }, day(d.date)),
    h('td', { 'data-col': 'hour' }, dateTime(d.hourStart, zone)),
    h('td', { class: 'num', 'data-col': 'kw' }, kw(d.kwh))));
  return [
    h('h2', {}, `${t('peaks')} – ${month(m.month)}`),
    h('p', { class: 'intro' }, t('peaksIntro')),
    h('dl', { class: 'figures' }, ...figures.flatMap(([label, text, key]) => [
      h('dt', {}, t(label)), h('dd', { 'data-figure': key }, text)])),
    m.daysWithData == null ? null : h('p', {}, t('daysWithData', m.daysWithData)),
    h('h3', {}, t('topDays')),
    table('top-days', [[t('day')], [t('highestHour')], [t('hourPower'), true]], rows),
  ];
}

function yearSection(b) {
  const y = b.year;
  const parts = [h('h2', {}, t('yearTitle'))];
  if (y.kwhPerM2 == null) {
    parts.push(h('p', { 'data-testid': 'year' }, t('yearNone')));
  } else {
    parts.push(h('p', { 'data-testid': 'year' }, t('yearText', kwhPerM2(y.kwhPerM2), month(y.from), month(y.to))));
    if (y.monthsWithData < 12) {
      parts.push(h('p', { class: 'warn', 'data-testid': 'year-partial' }, t('yearPartial', y.monthsWithData)));
    }
  }
  parts.push(h('p', { 'data-testid': 'benchmark' }, y.benchmarkKwhPerM2 == null
    ? t('benchmarkNone', category(b.category).toLocaleLowerCase(lang()))
    : t('benchmark', category(b.category).toLocaleLowerCase(lang()), kwhPerM2Whole(y.benchmarkKwhPerM2))));
  return parts;
}

function daysSection(detail) {
  const rows = detail.days.map((d) => h('tr', { 'data-date': d.date },
    h('th', { scope: 'row' }, day(d.date)),
    h('td', { class: 'num', 'data-col': 'kwh' }, d.kwh == null ? t('noData') : kwh(d.kwh)),
    h('td', { class: 'num', 'data-col': 'temperature' },
      d.kwh == null ? '' : d.meanTemperatureC == null ? t('noWeather') : celsius(d.meanTemperatureC)),
    h('td', { class: 'num', 'data-col': 'hours' }, d.hoursInDay == null ? '' : `${d.hoursWithData} ${t('of')} ${d.hoursInDay}`),
    h('td', { class: 'num' }, percent(d.coverage)),
    h('td', { 'data-col': 'flags', class: d.flags.length ? 'flagged' : null }, d.flags.map(flagName).join(', '))));
  return [
    h('h2', {}, t('days30')),
    h('p', { class: 'intro' }, t('days30Intro')),
    signatureChart(detail.days),
    table('days', [[t('date')], [t('energy'), true], [t('temperature'), true], [t('hours'), true],
      [t('coverage'), true], [t('flags')]], rows),
  ];
}

function renderBuilding(detail) {
  const b = detail.summary;
  document.title = `${displayName(b)} – straumflyt`;
  const figures = [
    ['live', kw(b.liveKw), 'liveKw'], ['today', kwh(b.todayKwh), 'todayKwh'],
    ['lastWeek', kwh(b.lastWeekKwh), 'lastWeekKwh'],
    ['yesterday', kwh(b.yesterdayKwh), 'yesterdayKwh'], ['perM2', kwhPerM2(b.todayKwhPerM2), 'todayKwhPerM2'],
    ['area', m2(b.areaM2), 'areaM2'], ['year', kwhPerM2(b.year.kwhPerM2), 'yearKwhPerM2'],
  ];
  const hours = detail.today.map((hour, i) => {
    const before = detail.yesterday[i];
    const week = detail.lastWeek[i];
    return h('tr', { 'data-hour': hour.localHour, class: hour.inProgress ? 'running' : null },
      h('th', { scope: 'row' }, hour.localHour),
      h('td', { class: 'num', 'data-col': 'today' },
        hour.kwh == null ? t('noData') : kwh(hour.kwh), hour.inProgress ? ` (${t('inProgress')})` : ''),
      h('td', { class: 'num', 'data-col': 'lastWeek' }, week?.kwh == null ? t('noData') : kwh(week.kwh)),
      h('td', { class: 'num', 'data-col': 'yesterday' }, before?.kwh == null ? t('noData') : kwh(before.kwh)),
      h('td', { class: 'num' }, percent(hour.coverage)),
      h('td', { 'data-col': 'flags' }, hour.flags.map(flagName).join(', ')));
  });
  const about = [b.id, category(b.category), b.municipality ? `${t('municipality')} ${b.municipality}` : null]
    .filter((x) => x).join(' · ');
  if (b.hidden) {
    main.replaceChildren(
      h('p', {}, h('a', { href: '/' }, `← ${t('back')}`)),
      h('h1', {}, displayName(b), ' ', h('span', { class: 'sub', 'data-testid': 'about' }, about)),
      h('dl', { class: 'figures' }, h('dt', {}, t('area')), h('dd', { 'data-figure': 'areaM2' }, m2(b.areaM2))),
      h('p', { class: 'warn', 'data-testid': 'personal' }, t('personalHidden')));
    return;
  }
  main.replaceChildren(
    h('p', {}, h('a', { href: '/' }, `← ${t('back')}`)),
    h('h1', {}, displayName(b), ' ', h('span', { class: 'sub', 'data-testid': 'about' }, about)),
    h('dl', { class: 'figures' }, ...figures.flatMap(([label, text, key]) => [
      h('dt', {}, t(label)), h('dd', { 'data-figure': key }, text)])),
    h('p', { class: 'intro' }, t('liveExplained')),
    h('h2', {}, t('profile')),
    h('p', { class: 'legend' }, h('span', { class: 'key today' }), t('todayLegend'), ' ',
      h('span', { class: 'key yesterday' }), t('yesterdayLegend'), ' ',
      h('span', { class: 'key last-week' }), t('lastWeekLegend'), ' ',
      h('span', { class: 'key running' }), t('inProgress')),
    profileChart(detail.today, detail.yesterday, detail.lastWeek),
    table('hours', [[t('hour')], [t('today'), true], [t('lastWeekDay'), true], [t('yesterday'), true],
      [t('coverage'), true], [t('flags')]], hours),
    h('h2', {}, t('quality')),
    ...qualitySection(b, detail),
    ...peaksSection(detail),
    ...yearSection(b),
    ...daysSection(detail),
  );
}

// The indicators of a portfolio record: [store column, U4SSC code or '', format, inputs].
const INDICATORS = [
  ['kwh_per_m2', 'EN:E:E:4A', kwhPerM2, ['import_kwh', kwh], ['area_m2', m2]],
  ['corrected_kwh_per_m2', 'EN:E:E:4A', kwhPerM2, ['corrected_kwh', kwh], ['area_m2', m2]],
  ['renewable_percent', 'EN:E:E:1C', percentValue, ['renewable_kwh', kwh], ['import_kwh', kwh]],
  ['smart_meter_percent', 'EC:ICT:ES:1C', percentValue, ['smart_electricity_meters', count],
    ['electricity_meters', count]],
  ['integrated_building_percent', 'EC:I:B:2A', percentValue, ['integrated_buildings', count], ['buildings', count]],
  ['fresh_meter_share', '', percent, ['fresh_electricity_meters', count], ['electricity_meters', count]],
  ['live_area_share', '', percent, ['live_area_m2', m2], ['area_m2', m2]],
  ['coverage', '', percent, ['complete_building_days', count], ['expected_building_days', count]],
];

function renderPortfolioRecord(record, page) {
  const v = record.values;
  const benchmarks = page.benchmarks;
  const rows = INDICATORS.map(([column, code, format, ...inputs]) => h('tr', { 'data-indicator': column },
    h('th', { scope: 'row' }, t(`ind_${column}`)),
    h('td', {}, code),
    h('td', { class: 'num', 'data-col': 'value' }, v[column] == null ? t('na') : format(v[column])),
    h('td', {}, t(`f_${column}`)),
    h('td', { 'data-col': 'inputs' }, inputs.map(([input, f]) => (v[input] == null ? '–' : f(v[input]))).join(' ÷ '))));
  const categories = record.categories.map((c) => h('tr', { 'data-category': c.category },
    h('th', { scope: 'row' }, category(c.category)),
    h('td', { class: 'num' }, count(c.buildings)),
    h('td', { class: 'num' }, m2(c.area_m2)),
    h('td', { class: 'num', 'data-col': 'kwhPerM2' }, kwhPerM2(c.kwh_per_m2)),
    h('td', { class: 'num' }, kwhPerM2(c.corrected_kwh_per_m2)),
    h('td', { class: 'num', 'data-col': 'benchmark' }, kwhPerM2Whole(benchmarks[c.category])),
    h('td', { class: 'num' }, percent(c.coverage))));
  const basis = v.annual_basis ? t(`basis_${v.annual_basis}`) ?? v.annual_basis : '–';
  return h('section', { 'data-municipality': record.municipality, 'data-period': record.period },
    h('h3', {}, t(`period_${record.period}`) ?? record.period),
    h('p', { 'data-testid': 'period' }, t('periodText', day(fromDate(v.time, page.timeZone)), day(v.period_end),
      count(v.days)),
      ' ', `${t('annualBasis')}: ${basis}.`),
    table('indicators', [[t('indicator')], [t('code')], [t('value'), true], [t('formula')], [t('inputs')]], rows),
    h('p', { class: 'intro' }, t('notAnnual')),
    h('h4', {}, t('byCategory')),
    table('categories', [[t('category')], [t('buildings'), true], [t('area'), true], [t('perM2Period'), true],
      [t('correctedCol'), true], [t('benchmarkCol'), true], [t('coverage'), true]], categories));
}

// The first day of the period: the record's time (local midnight of "from") as a date in the dashboard's zone.
function fromDate(time, zone) {
  // The store writes microseconds; Date reads milliseconds.
  return time ? new Intl.DateTimeFormat('en-CA', { timeZone: zone })
    .format(new Date(time.replace(/(\.\d{3})\d+/, '$1'))) : null;
}

function renderMunicipalities(page) {
  document.title = `${t('municipalityTitle')} – straumflyt`;
  const byMunicipality = new Map();
  for (const record of page.portfolios) {
    if (!byMunicipality.has(record.municipality)) byMunicipality.set(record.municipality, []);
    byMunicipality.get(record.municipality).push(record);
  }
  const sections = [...byMunicipality.entries()].map(([municipality, records]) =>
    h('section', {}, h('h2', {}, t('municipalityHeading', municipality)),
      ...records.map((r) => renderPortfolioRecord(r, page))));
  main.replaceChildren(
    h('h1', {}, t('municipalityTitle')),
    h('p', { class: 'intro' }, t('municipalityIntro')),
    ...(sections.length ? sections : [h('p', { 'data-testid': 'no-portfolio' }, t('municipalityNone'))]),
  );
}

// The running hour of every building: today's total moves by the change of the running hour.
function applyLive(live) {
  const page = route().page;
  if (page === 'municipality') {
    return;
  }
  if (page === 'building' && state.building?.summary.hidden) {
    return; // no figures to move, and no hours to tell a new hour by
  }
  const current = page === 'building' ? state.building?.summary && [state.building.summary]
    : state.portfolio?.buildings;
  const hourStart = page === 'building' ? state.building?.today.at(-1)?.hourStart : state.portfolio?.hourStart;
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
    if (page === 'building') {
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
fetch('/api/settings').then((r) => (r.ok ? r.json() : null)).then((settings) => {
  state.settings = settings;
}).catch(() => {}).finally(() => load().then(connect));
