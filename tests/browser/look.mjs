import { freshDatabase, startServer, launchBrowser, newContext, PHONE } from './harness.mjs';
const db = freshDatabase('sqlite');
const s = await startServer(db.url);
const browser = await launchBrowser();
await new Promise((r) => setTimeout(r, 45000)); // the embedder (debug build) works through the demo
for (const [name, viewport] of [['desk', { width: 1280, height: 900 }], ['phone', PHONE]]) {
  const ctx = await newContext(browser, { viewport });
  const page = await ctx.newPage();
  await page.goto(s.base + '/login');
  await page.getByLabel('E-mailadresse').fill(s.facilitator.email);
  await page.getByLabel('Adgangskode').fill(s.facilitator.password);
  await page.getByRole('button', { name: 'Log ind' }).click();
  await page.waitForLoadState();
  await page.goto(s.base + '/staff');
  const board = await page.locator('a[href$="/board"]').first().getAttribute('href');
  await page.goto(s.base + board);
  await page.screenshot({ path: `/tmp/board-${name}.png`, fullPage: false });
  const first = page.locator('.guesses').first();
  if (await first.count()) { await first.scrollIntoViewIfNeeded(); await page.screenshot({ path: `/tmp/board-${name}-guess.png` }); }
  console.log(name, 'guess lines:', await page.locator('.guesses').count(), await page.locator('.guesses-panel').innerText().catch(() => 'no panel'));
  const sug = board.replace('/board', '/suggestions');
  await page.goto(s.base + sug);
  await page.screenshot({ path: `/tmp/sugg-${name}.png`, fullPage: false });
  await ctx.close();
}
await browser.close();
await s.stop();
db.drop();
