// The dashboard benchmark's browser side (run by bench's DashboardBenchmark: node bench.mjs <settings.json>):
// loads the portfolio page `rounds` times and measures until every building's row is on it, re-sorts it, opens a
// building page; then keeps one page open, prints "@@idle" and waits for the benchmark's line (it measures the
// dashboard's CPU meanwhile). Last line: the figures as JSON. Not a test: it asserts only that the page works.
import { chromium } from 'playwright-core';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

const settings = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const lines = createInterface({ input: process.stdin });
const nextLine = () => new Promise((resolve) => lines.once('line', resolve));
const profile = mkdtempSync(join(tmpdir(), 'straumflyt-chromium-'));
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
const rows = 'tbody tr[data-building]';
const figures = { load: [], sort: [], building: [] };
let exitCode = 0;
try {
  for (let round = 0; round <= settings.rounds; round++) {
    const began = Date.now();
    await page.goto(settings.url);
    await page.waitForFunction(([selector, n]) => document.querySelectorAll(selector).length === n,
      [rows, settings.buildings], { polling: 'raf', timeout: 30_000 });
    const loaded = Date.now() - began;
    const first = await page.locator(rows).first().getAttribute('data-building');
    const sortBegan = Date.now();
    await page.click('button[data-sort="todayKwh"]');
    await page.waitForFunction(([selector, before]) => document.querySelector(selector)?.dataset.building !== before,
      [rows, first], { polling: 'raf', timeout: 30_000 });
    const sorted = Date.now() - sortBegan;
    const buildingBegan = Date.now();
    await page.locator(`${rows} a`).first().click();
    await page.waitForSelector('[data-figure="todayKwh"]', { timeout: 30_000 });
    const building = Date.now() - buildingBegan;
    if (round > 0) { // the first round warms Chromium's cache and the dashboard's JIT
      figures.load.push(loaded);
      figures.sort.push(sorted);
      figures.building.push(building);
    }
    console.log(`round ${round}: page ${loaded} ms, sort ${sorted} ms, building ${building} ms`);
  }
  await page.goto(settings.url);
  await page.waitForSelector(rows);
  console.log('@@idle');
  figures.idleShare = Number(await nextLine());
  console.log(JSON.stringify(figures));
} catch (error) {
  exitCode = 1;
  console.error(`benchmark failed: ${error.message}`);
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
process.exit(exitCode);
