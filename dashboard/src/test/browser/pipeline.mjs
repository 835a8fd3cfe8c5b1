// Checks what the dashboard shows for one building against figures the calling test worked out from the simulator's
// ground truth. Run by e2e-tests' DashboardEndToEndTest: node pipeline.mjs <expectations.json>.
// Expectations: { url, screenshots, id, portfolio: { <column>: <text> }, registered: bool,
//                 hours: { "HH:mm": { <column>: <text> } } } — texts in bokmål, as the page shows them. Prints
// "@@publish-live" once the building page is open and waits for a line on stdin: the test then sends live readings
// of the building's meter and answers with what the page must show ({ <figure>: <text> }), without a reload.
import { readFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launch, stdinLines, text, textWithin } from './browser.mjs';

const expect = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const failures = [];
let checks = 0;

function equal(actual, expected, what) {
  checks++;
  if (JSON.stringify(actual) !== JSON.stringify(expected)) {
    failures.push(`${what}: expected ${JSON.stringify(expected)}, saw ${JSON.stringify(actual)}`);
  }
}

const lines = stdinLines();

async function waitForText(page, selector, expected, what) {
  checks++;
  const seen = await textWithin(page, selector, expected, 60_000);
  if (seen !== null) {
    failures.push(`${what}: expected ${JSON.stringify(expected)} within 60 s, saw ${JSON.stringify(seen)}`);
  }
}

mkdirSync(expect.screenshots, { recursive: true });
const browser = await launch();
const page = browser.page;
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

  // Live: readings sent now reach the open page through the pipeline and the live feed, without a reload.
  const navigations = [];
  page.on('framenavigated', (frame) => { if (frame === page.mainFrame()) navigations.push(frame.url()); });
  console.log('@@publish-live');
  const live = JSON.parse(await lines.next());
  for (const [figure, expected] of Object.entries(live)) {
    await waitForText(page, `[data-figure="${figure}"]`, expected, `live ${figure}`);
  }
  equal(navigations, [], 'no reload');
  if (failures.length > 0) {
    throw new Error(failures.join('\n'));
  }
  console.log(`PASS ${checks} checks`);
} catch (error) {
  exitCode = 1;
  console.log(`FAIL ${error.message}`);
  await page.screenshot({ path: join(expect.screenshots, 'pipeline-failure.png'), fullPage: true }).catch(() => {});
} finally {
  await browser.close();
  lines.close();
}
process.exit(exitCode);
