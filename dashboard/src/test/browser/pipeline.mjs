// Checks what the dashboard shows for one building against figures the calling test worked out from the simulator's
// ground truth. Run by e2e-tests' DashboardEndToEndTest: node pipeline.mjs <expectations.json>.
// Expectations: { url, screenshots, id, portfolio: { <column>: <text> }, registered: bool,
//                 hours: { "HH:mm": { <column>: <text> } } } — texts in bokmål, as the page shows them.
import { chromium } from 'playwright-core';
import { mkdtempSync, readFileSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const expect = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const plain = (text) => text.replace(/[\u00a0\u202f]/g, ' ').replace(/\s+/g, ' ').trim();
const failures = [];
let checks = 0;

function equal(actual, expected, what) {
  checks++;
  if (JSON.stringify(actual) !== JSON.stringify(expected)) {
    failures.push(`${what}: expected ${JSON.stringify(expected)}, saw ${JSON.stringify(actual)}`);
  }
}

const text = async (page, selector) => plain(await page.locator(selector).first().innerText());

const profile = mkdtempSync(join(tmpdir(), 'straumflyt-chromium-'));
mkdirSync(expect.screenshots, { recursive: true });
const context = await chromium.launchPersistentContext(profile, {
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync',
    '--no-first-run'],
  viewport: { width: 1280, height: 800 },
  locale: 'nb-NO',
  timezoneId: 'Europe/Oslo',
});
const page = context.pages()[0] ?? await context.newPage();
page.on('pageerror', (error) => failures.push(`page error: ${error.message}`));
page.on('request', (request) => {
  if (!request.url().startsWith(expect.url)) failures.push(`request outside the dashboard: ${request.url()}`);
});

let exitCode = 0;
try {
  await page.goto(expect.url);
  const row = `tr[data-building="${expect.id}"]`;
  await page.waitForSelector(row);
  for (const [column, expected] of Object.entries(expect.portfolio)) {
    equal(await text(page, `${row} [data-col="${column}"]`), expected, `portfolio ${column}`);
  }
  equal((await text(page, `${row} [data-col="name"]`)).includes('ikke i registeret'), !expect.registered,
    'the registry names the building');
  await page.screenshot({ path: join(expect.screenshots, 'pipeline-portfolio.png'), fullPage: true });

  await page.click(`${row} a`);
  await page.waitForSelector('tr[data-hour]');
  for (const [hour, columns] of Object.entries(expect.hours)) {
    for (const [column, expected] of Object.entries(columns)) {
      equal(await text(page, `tr[data-hour="${hour}"] [data-col="${column}"]`), expected, `hour ${hour} ${column}`);
    }
  }
  await page.screenshot({ path: join(expect.screenshots, 'pipeline-building.png'), fullPage: true });
  if (failures.length > 0) {
    throw new Error(failures.join('\n'));
  }
  console.log(`PASS ${checks} checks`);
} catch (error) {
  exitCode = 1;
  console.log(`FAIL ${error.message}`);
  await page.screenshot({ path: join(expect.screenshots, 'pipeline-failure.png'), fullPage: true }).catch(() => {});
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
process.exit(exitCode);
