// Drives the dashboard in Debian's Chromium and checks what a facility manager sees against the rows the Java test
// wrote to the store. Run by DashboardBrowserTest: node dashboard.mjs <expectations.json>.
// Prints "@@write-live" when it wants the test to write a new running-hour row, then waits for a line on stdin.
import { readFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launch, plain, stdinLines, text, textWithin } from './browser.mjs';

const expect = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const lines = stdinLines();
let checks = 0;

function equal(actual, expected, what) {
  checks++;
  if (JSON.stringify(actual) !== JSON.stringify(expected)) {
    throw new Error(`${what}: expected ${JSON.stringify(expected)}, saw ${JSON.stringify(actual)}`);
  }
}

async function waitForText(page, selector, expected, what) {
  checks++;
  const seen = await textWithin(page, selector, expected, 15_000);
  if (seen !== null) {
    throw new Error(`${what}: expected ${JSON.stringify(expected)} within 15 s, saw ${JSON.stringify(seen)}`);
  }
}

async function portfolioRows(page) {
  await page.waitForSelector('tr[data-building]');
  return page.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.dataset.building));
}

async function checkPortfolio(page, language) {
  for (const [id, cells] of Object.entries(expect.portfolio[language])) {
    for (const [column, expected] of Object.entries(cells)) {
      equal(await text(page, `tr[data-building="${id}"] [data-col="${column}"]`), expected,
        `${language} portfolio ${id} ${column}`);
    }
  }
}

mkdirSync(expect.screenshots, { recursive: true });
const browser = await launch();
const page = browser.page;
const problems = [];
page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
page.on('console', (message) => {
  if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
});
page.on('response', (response) => {
  if (response.status() >= 400) problems.push(`HTTP ${response.status()} for ${response.url()}`);
});
page.on('request', (request) => {
  if (!request.url().startsWith(expect.url)) problems.push(`request outside the dashboard: ${request.url()}`);
});

let exitCode = 0;
try {
  // Portfolio, in the default language (bokmål): every figure as written to the store.
  await page.goto(expect.url);
  equal(await portfolioRows(page), expect.order.initial, 'rows by building id');
  equal(await page.getAttribute('html', 'lang'), 'nb', 'default language');
  equal(await text(page, 'h1'), 'Bygg', 'nb heading');
  await checkPortfolio(page, 'nb');
  equal(await page.evaluate(async () => (await import('/assets/i18n.js')).missingKeys()), [],
    'both languages have every key');

  // The map: the buildings with coordinates in the registry, each a link to its page, on a plain background.
  const map = expect.map;
  const markers = page.locator('svg.map a[data-building]');
  equal(await markers.evaluateAll((links) => links.map((a) => a.dataset.building)), map.markers,
    'buildings on the map');
  equal(await markers.first().getAttribute('href'), map.href, 'a marker links to its building');
  equal(await text(page, '[data-testid="map-plain"]'), map.plain, 'no tile server, said so');
  equal(await text(page, '[data-testid="map-missing"]'), map.missing, 'buildings without coordinates, said so');
  equal(await page.locator('svg.map image').count(), 0, 'no tile loaded');

  // Filtering: by text (name, id or municipality), then by category.
  const filter = expect.filter;
  await page.fill('#filter-text', filter.text);
  equal(await portfolioRows(page), filter.textRows, 'filtered by text');
  equal(await text(page, '[data-testid="shown"]'), filter.textShown, 'how many are shown');
  equal(await page.inputValue('#filter-text'), filter.text, 'the filter keeps its text while typing');
  await page.fill('#filter-text', '');
  await page.selectOption('#filter-category', filter.category);
  equal(await portfolioRows(page), filter.categoryRows, 'filtered by category');
  await page.selectOption('#filter-category', '');
  equal(await text(page, '[data-testid="shown"]'), filter.allShown, 'filter cleared');

  // Sorting: by mouse, then again by keyboard on the same heading.
  await page.click('button[data-sort="todayKwh"]');
  equal(await portfolioRows(page), expect.order.todayDescending, 'sorted by today, largest first');
  await page.focus('button[data-sort="todayKwh"]');
  await page.keyboard.press('Enter');
  equal(await portfolioRows(page), expect.order.todayAscending, 'sorted by today, smallest first');
  equal(await page.getAttribute('th:has(button[data-sort="todayKwh"])', 'aria-sort'), 'ascending', 'aria-sort');
  await page.click('button[data-sort="name"]');
  await page.screenshot({ path: join(expect.screenshots, 'portfolio.png'), fullPage: true });

  // Language switch: English, kept across a reload, and back.
  await page.click('#lang');
  equal(await page.getAttribute('html', 'lang'), 'en', 'switched language');
  equal(await text(page, 'h1'), 'Buildings', 'en heading');
  await checkPortfolio(page, 'en');
  await page.reload();
  await portfolioRows(page);
  equal(await text(page, 'h1'), 'Buildings', 'language remembered after reload');
  await checkPortfolio(page, 'en');
  await page.click('#lang');
  equal(await text(page, 'h1'), 'Bygg', 'back to bokmål');

  // Live: a new running-hour row in the store reaches the open page without a reload.
  const live = expect.live;
  console.log('@@write-live');
  equal(await lines.next(), 'written', 'the test wrote the live row');
  await waitForText(page, `tr[data-building="${live.id}"] [data-col="liveKw"]`, live.liveKw, 'live power updated');
  await waitForText(page, `tr[data-building="${live.id}"] [data-col="todayKwh"]`, live.todayKwh,
    "today's energy updated");

  // A building with bad data says so, in words, in both languages.
  const low = expect.lowCoverage;
  await page.click(`a[href="/building/${low.id}"]`);
  await page.waitForSelector('[data-testid="coverage"]');
  equal(await text(page, '[data-testid="coverage"]'), low.nb, 'low coverage in bokmål');
  equal(await text(page, '[data-testid="meters"]'), low.metersNb, 'meters reporting in bokmål');
  equal((await page.locator('.flags dt').allInnerTexts()).map(plain), low.flags, 'flags listed');
  equal(await text(page, '[data-testid="gaps"]'), low.gapsNb, 'gaps today in bokmål');
  await page.click('#lang');
  equal(await text(page, '[data-testid="coverage"]'), low.en, 'low coverage in English');
  equal(await text(page, '[data-testid="gaps"]'), low.gapsEn, 'gaps today in English');
  await page.click('#lang');

  // The building page of the live building: figures, the running hour in progress, yesterday beside today.
  const building = expect.building;
  await page.goto(`${expect.url}building/${building.id}`);
  await page.waitForSelector('[data-figure="todayKwh"]');
  for (const [figure, expected] of Object.entries(building.figures)) {
    equal(await text(page, `[data-figure="${figure}"]`), expected, `building ${figure}`);
  }
  equal(await text(page, 'h1'), building.heading, 'building heading: registry name, id, category, municipality');
  for (const [hour, expected] of Object.entries(building.hours)) {
    for (const [column, value] of Object.entries(expected)) {
      equal(await text(page, `tr[data-hour="${hour}"] [data-col="${column}"]`), value, `hour ${hour} ${column}`);
    }
  }
  equal(await page.locator('svg.chart rect.running').count(), 1, 'one running bar in the chart');
  equal(plain(await page.locator('svg.chart .running-label').textContent()), 'pågår',
    'running bar labelled in progress');
  equal(await page.locator('svg.chart rect.last-week').count(), 24, 'last week drawn, every hour');

  // The month's peaks: the capacity basis and the three days behind it.
  equal(await page.locator('table.top-days tbody tr').evaluateAll((rows) => rows.map((r) => r.dataset.day)),
    building.topDays, 'the three highest days, highest first');
  equal((await page.locator('table.top-days [data-col="kw"]').allInnerTexts()).map(plain), building.topDaysKw,
    'their highest hours');

  // Twelve months against the benchmark, said plainly when less than a year has data.
  equal(await text(page, '[data-testid="year-partial"]'), building.yearPartial, 'partial year in words');
  equal(await text(page, '[data-testid="benchmark"]'), building.benchmark, 'benchmark in bokmål');

  // The last 30 days against temperature: a point per day with both, gaps and flags in words.
  equal(await page.locator('table.days tbody tr').count(), building.days, '30 days listed');
  equal(await page.locator('svg.chart circle.point').count(), building.points, 'a point per day with a temperature');
  equal(await page.locator('svg.chart circle.point.flagged').count(), building.flaggedPoints, 'flagged day marked');
  const dayCells = async (cells, language) => {
    for (const [date, columns] of Object.entries(cells)) {
      for (const [column, value] of Object.entries(columns)) {
        equal(await text(page, `tr[data-date="${date}"] [data-col="${column}"]`), value,
          `${language} day ${date} ${column}`);
      }
    }
  };
  await dayCells(building.dayCells, 'nb');
  await page.screenshot({ path: join(expect.screenshots, 'building.png'), fullPage: true });
  await page.click('#lang');
  await dayCells(building.dayCellsEn, 'en');
  equal(await text(page, '[data-testid="benchmark"]'), building.benchmarkEn, 'benchmark in English');
  await page.click('#lang');

  // The municipality page: the U4SSC indicators with their inputs, kWh/m² by category against the benchmark.
  const municipality = expect.municipality;
  await page.click('#pages a[data-page="municipality"]');
  await page.waitForSelector('section[data-period="year_to_date"] tr[data-indicator]');
  const ytd = 'section[data-period="year_to_date"]';
  for (const [indicator, value] of Object.entries(municipality.nb)) {
    equal(await text(page, `${ytd} tr[data-indicator="${indicator}"] [data-col="value"]`), value, `nb ${indicator}`);
  }
  for (const [indicator, value] of Object.entries(municipality.inputs)) {
    equal(await text(page, `${ytd} tr[data-indicator="${indicator}"] [data-col="inputs"]`), value,
      `inputs of ${indicator}`);
  }
  for (const [category, columns] of Object.entries(municipality.categories)) {
    for (const [column, value] of Object.entries(columns)) {
      equal(await text(page, `${ytd} tr[data-category="${category}"] [data-col="${column}"]`), value,
        `category ${category} ${column}`);
    }
  }
  equal(await text(page, `${ytd} [data-testid="period"]`), municipality.period, 'the period in words');
  equal(await page.locator('section[data-period="rolling_12_months"]').count(), 1, 'rolling 12 months shown too');
  equal(await page.getAttribute('#pages a[data-page="municipality"]', 'aria-current'), 'page', 'current page marked');
  await page.screenshot({ path: join(expect.screenshots, 'municipality.png'), fullPage: true });
  await page.click('#lang');
  for (const [indicator, value] of Object.entries(municipality.en)) {
    equal(await text(page, `${ytd} tr[data-indicator="${indicator}"] [data-col="value"]`), value, `en ${indicator}`);
  }
  await page.click('#lang');

  equal(problems, [], 'no page errors and nothing loaded from elsewhere');
  console.log(`PASS ${checks} checks`);
} catch (error) {
  exitCode = 1;
  console.log(`FAIL ${error.message}`);
  await page.screenshot({ path: join(expect.screenshots, 'failure.png'), fullPage: true }).catch(() => {});
} finally {
  await browser.close();
  lines.close();
}
process.exit(exitCode);
