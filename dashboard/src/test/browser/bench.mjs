// The dashboard benchmark's browser side (run by bench's DashboardBenchmark: node bench.mjs <settings.json>):
// loads the portfolio page `rounds` times and measures until every building's row is on it, re-sorts it, opens a
// building page; then keeps one page open, prints "@@idle" and waits for the benchmark's line (it measures the
// dashboard's CPU meanwhile). Last line: the figures as JSON. Not a test: it asserts only that the page works.
import { readFileSync } from 'node:fs';
import { launch, stdinLines } from './browser.mjs';

const settings = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const lines = stdinLines();
const browser = await launch();
const page = browser.page;
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
  figures.idleShare = Number(await lines.next());
  console.log(JSON.stringify(figures));
} catch (error) {
  exitCode = 1;
  console.error(`benchmark failed: ${error.message}`);
} finally {
  await browser.close();
  lines.close();
}
process.exit(exitCode);
