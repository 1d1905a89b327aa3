import { freshDatabase, startServer, launchBrowser, newContext, axeViolations, scrollsSideways, PHONE, DESKTOP } from './harness.mjs';
const db = freshDatabase('sqlite');
const server = await startServer(db.url);
const browser = await launchBrowser();
try {
  for (const [label, viewport] of [['desk', DESKTOP], ['phone', PHONE]]) {
    const ctx = await newContext(browser, { viewport });
    const page = await ctx.newPage();
    await page.goto(server.base + '/login');
    await page.getByLabel('E-mailadresse').fill(server.admin.email);
    await page.getByLabel('Adgangskode').fill(server.admin.password);
    await page.getByRole('button', { name: 'Log ind' }).click();
    await page.waitForLoadState();
    if (label === 'desk') {
      await page.goto(server.base + '/admin/users');
      await page.getByLabel('Navn').fill('Kim Lund');
      await page.getByLabel('E-mailadresse').fill('kim.lund.med.et.meget.langt.navn@kommune-med-langt-navn.dk');
      await page.getByRole('button', { name: /Tilføj|Inviter|Opret/ }).click();
      await page.waitForLoadState();
      await page.screenshot({ path: `/tmp/look-users-invited-${label}.png`, fullPage: true });
    }
    for (const p of ['/admin/settings', '/admin/users', '/login/glemt', '/tilgaengelighed', '/staff']) {
      await page.goto(server.base + p);
      const v = await axeViolations(page);
      const s = await scrollsSideways(page);
      console.log(label, p, 'axe', v.length, v.map(x => x.id + ':' + x.nodes.map(n => n.target).join(',')).join(' | '), 'sideways', s.sideways);
      await page.screenshot({ path: `/tmp/look${p.replaceAll('/', '-')}-${label}.png`, fullPage: true });
    }
    await ctx.close();
  }
} finally { await browser.close(); await server.stop(); db.drop(); }
