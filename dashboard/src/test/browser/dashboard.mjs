// Drives the dashboard in Debian's Chromium and checks what a facility manager sees against the rows the Java test
// wrote to the store. Run by DashboardBrowserTest: node dashboard.mjs <expectations.json>.
// Prints "@@write-live" when it wants the test to write a new running-hour row, then waits for a line on stdin.
import { chromium } from 'playwright-core';
import { mkdtempSync, readFileSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

const expect = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const lines = createInterface({ input: process.stdin });
const nextLine = () => new Promise((resolve) => lines.once('line', resolve));
let checks = 0;

// Intl puts no-break and narrow no-break spaces into numbers and percentages; compare with plain spaces.
const plain = (text) => text.replace(/[\u00a0\u202f]/g, ' ').replace(/\s+/g, ' ').trim();

function equal(actual, expected, what) {
  checks++;
  if (JSON.stringify(actual) !== JSON.stringify(expected)) {
    throw new Error(`${what}: expected ${JSON.stringify(expected)}, saw ${JSON.stringify(actual)}`);
  }
}

async function text(page, selector) {
  return plain(await page.locator(selector).first().innerText());
}

async function waitForText(page, selector, expected, what) {
  const deadline = Date.now() + 15_000;
  let seen;
  while (Date.now() < deadline) {
    seen = plain(await page.locator(selector).first().innerText().catch(() => ''));
    if (seen === expected) {
      checks++;
      return;
    }
    await page.waitForTimeout(200);
  }
  throw new Error(`${what}: expected ${JSON.stringify(expected)} within 15 s, saw ${JSON.stringify(seen)}`);
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

const profile = mkdtempSync(join(tmpdir(), 'straumflyt-chromium-'));
mkdirSync(expect.screenshots, { recursive: true });
const context = await chromium.launchPersistentContext(profile, {
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync',
    '--no-first-run'],
  viewport: { width: 1100, height: 800 },
  locale: 'nb-NO',
  timezoneId: 'Europe/Oslo',
});
const page = context.pages()[0] ?? await context.newPage();
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

  // Sorting: by mouse, then again by keyboard on the same heading.
  await page.click('button[data-sort="todayKwh"]');
  equal(await portfolioRows(page), expect.order.todayDescending, 'sorted by today, largest first');
  await page.focus('button[data-sort="todayKwh"]');
  await page.keyboard.press('Enter');
  equal(await portfolioRows(page), expect.order.todayAscending, 'sorted by today, smallest first');
  equal(await page.getAttribute('th:has(button[data-sort="todayKwh"])', 'aria-sort'), 'ascending', 'aria-sort');
  await page.click('button[data-sort="id"]');
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
  equal(await nextLine(), 'written', 'the test wrote the live row');
  await waitForText(page, `tr[data-building="${live.id}"] [data-col="liveKw"]`, live.liveKw, 'live power updated');
  await waitForText(page, `tr[data-building="${live.id}"] [data-col="todayKwh"]`, live.todayKwh,
    "today's energy updated");

  // A building with bad data says so, in words, in both languages.
  const low = expect.lowCoverage;
  await page.click(`a[href="/building/${low.id}"]`);
  await page.waitForSelector('[data-testid="coverage"]');
  equal(await text(page, '[data-testid="coverage"]'), low.nb, 'low coverage in bokmål');
  equal(await text(page, '[data-testid="meters"]'), low.metersNb, 'meters reporting in bokmål');
  equal(await page.locator('.flags dt').allInnerTexts(), low.flags, 'flags listed');
  await page.click('#lang');
  equal(await text(page, '[data-testid="coverage"]'), low.en, 'low coverage in English');
  await page.click('#lang');

  // The building page of the live building: figures, the running hour in progress, yesterday beside today.
  const building = expect.building;
  await page.goto(`${expect.url}building/${building.id}`);
  await page.waitForSelector('[data-figure="todayKwh"]');
  for (const [figure, expected] of Object.entries(building.figures)) {
    equal(await text(page, `[data-figure="${figure}"]`), expected, `building ${figure}`);
  }
  for (const [hour, expected] of Object.entries(building.hours)) {
    equal(await text(page, `tr[data-hour="${hour}"] [data-col="today"]`), expected.today, `hour ${hour} today`);
    equal(await text(page, `tr[data-hour="${hour}"] [data-col="yesterday"]`), expected.yesterday,
      `hour ${hour} yesterday`);
  }
  equal(await page.locator('svg.chart rect.running').count(), 1, 'one running bar in the chart');
  equal(plain(await page.locator('svg.chart .running-label').textContent()), 'pågår',
    'running bar labelled in progress');
  await page.screenshot({ path: join(expect.screenshots, 'building.png'), fullPage: true });

  equal(problems, [], 'no page errors and nothing loaded from elsewhere');
  console.log(`PASS ${checks} checks`);
} catch (error) {
  exitCode = 1;
  console.log(`FAIL ${error.message}`);
  await page.screenshot({ path: join(expect.screenshots, 'failure.png'), fullPage: true }).catch(() => {});
} finally {
  await context.close();
  lines.close();
  rmSync(profile, { recursive: true, force: true });
}
process.exit(exitCode);
