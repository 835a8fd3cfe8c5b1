// What the browser scripts (dashboard.mjs, pipeline.mjs, bench.mjs) share: Debian's Chromium, headless, in a fresh
// profile, as a Norwegian user in Oslo sees the page; text as the page shows it; the next line the calling Java test
// writes to the script's stdin.
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

// Intl puts no-break and narrow no-break spaces into numbers and percentages; compare with plain spaces.
export const plain = (text) => text.replace(/[\u00a0\u202f]/g, ' ').replace(/\s+/g, ' ').trim();

// The first element's text, plain.
export const text = async (page, selector) => plain(await page.locator(selector).first().innerText());

// Chromium with an empty profile; close() closes it and removes the profile.
export async function launch() {
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
  const close = async () => {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  };
  return { context, page, close };
}

// Lines from stdin, one at a time: the calling test's answers.
export function stdinLines() {
  const lines = createInterface({ input: process.stdin });
  return { next: () => new Promise((resolve) => lines.once('line', resolve)), close: () => lines.close() };
}

// Waits until the selector's text is `expected`; the text last seen, or null when it matched in time.
export async function textWithin(page, selector, expected, millis) {
  const deadline = Date.now() + millis;
  let seen;
  while (Date.now() < deadline) {
    seen = plain(await page.locator(selector).first().innerText().catch(() => ''));
    if (seen === expected) {
      return null;
    }
    await page.waitForTimeout(200);
  }
  return seen;
}
