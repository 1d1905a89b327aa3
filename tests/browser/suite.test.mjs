// deltag in a real browser (Debian's Chromium through playwright-core), on each database
// backend: axe-core on every page, the participant journey without JavaScript at 320 px,
// keyboard-only staff flows, focus after every page change, languages, display settings,
// read-aloud, and an inventory that fails when an HTML route is not covered.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import {
  backends, freshDatabase, startServer, launchBrowser, newContext, axeViolations, focusTarget,
  scrollsSideways, getRoutes, matcher, tabTo, screenshotDir, cli, repo, PHONE, DESKTOP,
  totp, freshCode,
} from './harness.mjs';

const ROUTES = getRoutes();
const routeOf = matcher(ROUTES);

// GET routes that answer with something other than an HTML page; the suite still requests
// each one and checks that it is not HTML.
const NOT_HTML = {
  '/healthz': 'JSON health check',
  '/static/{file}': 'stylesheet and scripts',
  '/j/{code}/qr.svg': 'QR code image',
  '/sprog/{code}': 'sets the language and redirects back',
  '/staff/export/data': 'analysis downloads: Excel, CSV, JSON',
  '/admin/audit.csv': 'the audit log as CSV',
  '/let-laest/{state}': 'sets easy-read questions and redirects back',
  '/v/{token}/events': 'the wall\'s event stream (checked live in the wall test)',
  '/staff/workshops/{id}/wall/events': 'the moderation list\'s event stream (checked live)',
  '/staff/workshops/{id}/answers/events': 'the answers page\'s event stream (checked live)',
  '/staff/topics/{id}/board/events': 'the board\'s new-answers stream (checked live)',
};

for (const backend of backends()) {
  describe(`deltag in Chromium on ${backend}`, () => {
    let db;
    let server;
    let browser;
    const shots = screenshotDir(backend);
    // route pattern → how it was covered ('axe' or 'not-html')
    const covered = new Map();
    const problems = [];

    const url = (p) => new URL(p, server.base).href;

    /// The checks every HTML page gets: 200-range or the expected status, `<html lang>`, focus
    /// at the h1 or the error summary, and no axe violation. Records the route as covered.
    async function checkPage(page, label, { status = null, lang = null } = {}) {
      const pathname = new URL(page.url()).pathname;
      const route = routeOf(pathname) || (status === 404 ? '(404)' : `(unknown ${pathname})`);
      const htmlLang = await page.evaluate(() => document.documentElement.lang);
      if (lang) assert.equal(htmlLang, lang, `${label}: <html lang>`);
      assert.ok(['da', 'en'].includes(htmlLang), `${label}: <html lang="${htmlLang}">`);
      const focus = await focusTarget(page);
      if (!['h1', 'error-summary'].includes(focus)) problems.push(`${label} (${pathname}): focus starts at ${focus}, not the h1 or error summary`);
      const violations = await axeViolations(page);
      for (const v of violations) problems.push(`${label} (${pathname}): ${v.id} [${v.impact}] ${v.help}\n      ${v.nodes.join('\n      ')}`);
      covered.set(route, 'axe');
    }

    async function visit(page, p, label, opts = {}) {
      const res = await page.goto(url(p));
      assert.ok(res, `${label}: no response`);
      assert.equal(res.status(), opts.status ?? 200, `${label}: status of ${p}`);
      await checkPage(page, label, opts);
      return res;
    }

    async function context_close(...contexts) {
      for (const c of contexts) await c.close();
    }

    function assertNoProblems() {
      const found = problems.splice(0);
      assert.deepEqual(found, [], `accessibility problems:\n${found.join('\n')}`);
    }

    async function logIn(context, who = server.admin) {
      const page = await context.newPage();
      await page.goto(url('/login'));
      await page.getByLabel('E-mailadresse').fill(who.email);
      await page.getByLabel('Adgangskode').fill(who.password);
      await go(page, page.getByRole('button', { name: 'Log ind' }));
      await secondStep(page, who);
      assert.match(page.url(), /\/staff$/);
      return page;
    }

    /// What follows the password, done as a person with the app would: an admin's first login
    /// sets the second factor up (the secret read from the page as text), later ones give the
    /// code. Accounts without a factor go straight on.
    async function secondStep(page, who) {
      const pathname = new URL(page.url()).pathname;
      if (pathname === '/account/second-factor') {
        who.secret = (await page.locator('#secret').innerText()).replace(/\s/g, '');
        await page.getByLabel('Kode fra appen').fill(await freshCode(who));
        await go(page, page.getByRole('button', { name: 'Slå totrinsbekræftelse til' }));
        await go(page, page.getByRole('link', { name: 'Fortsæt' }));
      } else if (pathname === '/login/code') {
        await page.getByLabel('Kode fra appen').fill(await freshCode(who));
        await go(page, page.getByRole('button', { name: 'Log ind' }));
      }
    }

    before(async () => {
      db = freshDatabase(backend);
      server = await startServer(db.url);
      browser = await launchBrowser();
    });

    after(async () => {
      await browser?.close();
      await server?.stop();
      db?.drop();
    });

    test('public pages pass axe, with focus at the h1', async () => {
      const context = await newContext(browser, { viewport: PHONE });
      const page = await context.newPage();
      await visit(page, '/', 'front page', { lang: 'da' });
      await visit(page, '/j', 'code page');
      await visit(page, '/login', 'login');
      await visit(page, '/login/glemt', 'forgotten password (no mail set up: whom to ask)');
      assert.match(await page.locator('main').innerText(), /Bed en administrator/);
      await visit(page, '/trak-tilbage', 'withdraw');
      await visit(page, '/visning?tilbage=/', 'display settings');
      await visit(page, '/tilgaengelighed', 'accessibility statement');
      await visit(page, '/findes-ikke', 'not found page', { status: 404 });
      // An old poster: the workshop has closed.
      const closed = JSON.parse(cli(db.url, ['list', '--json'])).workshops.find((w) => w.status === 'closed');
      await visit(page, `/j/${closed.join_code}`, 'closed workshop', { status: 410 });
      assert.equal(await page.locator('main input#code').inputValue(), closed.join_code, 'the code form, with the code');
      await visit(page, '/j/00000000', 'unknown code', { status: 404 });
      assert.match(await page.locator('.error-summary').innerText(), /Tjek koden på plakaten/);
      // A form left open so long that its token no longer matches: the friendly 403 page.
      await page.goto(url('/trak-tilbage'));
      await context.clearCookies();
      const [stale] = await Promise.all([
        page.waitForNavigation({ waitUntil: 'load' }),
        page.locator('main form button[type=submit]').click(),
      ]);
      assert.equal(stale.status(), 403);
      await checkPage(page, 'stale form (403)');
      assert.equal(await page.locator('main h1').count(), 1);
      // Error states: the error summary takes focus.
      await page.goto(url('/login'));
      await go(page, page.getByRole('button', { name: 'Log ind' }));
      await checkPage(page, 'login with errors');
      assert.equal(await focusTarget(page), 'error-summary');
      await page.goto(url('/'));
      await page.getByLabel('Skriv koden fra workshoppen').fill('123');
      await go(page, page.getByRole('button', { name: 'Gå til spørgsmålene' }));
      await checkPage(page, 'wrong code');
      assert.equal(await focusTarget(page), 'error-summary');
      // A well-formed code nobody uses: the same form, the code kept as typed.
      await page.getByLabel('Skriv koden fra workshoppen').fill('0000 0001');
      await go(page, page.getByRole('button', { name: 'Gå til spørgsmålene' }));
      await checkPage(page, 'unknown code typed', { status: 404 });
      assert.equal(await page.getByLabel('Skriv koden fra workshoppen').inputValue(), '0000 0001');
      await context.close();
      assertNoProblems();
    });

    test('the accessibility statement follows the Danish template and its settings', async () => {
      const context = await newContext(browser);
      const page = await context.newPage();
      await visit(page, '/tilgaengelighed', 'accessibility statement');
      const headings = await page.locator('main h1, main h2, main h3').allInnerTexts();
      for (const h of ['Tilgængelighedserklæring', 'Overholdelsesstatus', 'Indhold, der ikke er tilgængeligt',
        'Manglende overholdelse af lovgivningen', 'Uforholdsmæssig stor byrde',
        'Indhold, der ikke er omfattet af lovgivningen', 'Udarbejdelse af tilgængelighedserklæringen', 'Håndhævelsesprocedure']) {
        assert.ok(headings.includes(h), `heading "${h}" in ${JSON.stringify(headings)}`);
      }
      // From the server's settings (DELTAG_A11Y_EMAIL / DELTAG_A11Y_PHONE in harness.mjs).
      assert.equal(await page.locator('a[href="mailto:tilgaengelighed@example.dk"]').count(), 1);
      assert.equal(await page.locator('a[href="tel:33333333"]').count(), 1);
      // Linked from every footer, staff pages too.
      for (const p of ['/', '/login', '/j']) {
        await page.goto(url(p));
        assert.equal(await page.locator('footer a[href="/tilgaengelighed"]').innerText(), 'Tilgængelighedserklæring', p);
      }
      const staff = await logIn(context);
      assert.equal(await staff.locator('footer a[href="/tilgaengelighed"]').count(), 1, 'staff footer');
      await context.close();
      assertNoProblems();
    });

    test('axe does find violations (the gate can fail)', async () => {
      const context = await newContext(browser);
      const page = await context.newPage();
      await page.goto(url('/'));
      await page.evaluate(() => {
        const img = document.createElement('img');
        img.src = '/static/none.png';
        document.querySelector('main').append(img);
        document.documentElement.removeAttribute('lang');
      });
      const ids = (await axeViolations(page)).map((v) => v.id).sort();
      assert.deepEqual(ids, ['html-has-lang', 'image-alt']);
      await context.close();
    });

    /// Clicks something that loads a new page, and waits for that page.
    async function go(page, locator) {
      await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), locator.click()]);
    }

    /// Answers whatever the current question asks, or leaves it empty with `empty`.
    async function answerCurrent(page, text = 'Et sted at bo, hvor jeg selv har nøglen.') {
      const form = page.locator('main form').filter({ has: page.locator('button[value="save"]') });
      const radio = form.locator('input[type=radio]');
      const checkbox = form.locator('input[type=checkbox]');
      const textarea = form.locator('textarea#answer');
      const input = form.locator('input#answer[type=text]');
      if (await textarea.count()) await textarea.fill(text);
      else if (await input.count()) await input.fill(text);
      else if (await radio.count()) await radio.first().check();
      else if (await checkbox.count()) await checkbox.first().check();
      await go(page, form.locator('button[value="save"]'));
    }

    /// The participant journey: start, every question, check, send, withdraw. `onPage` runs on
    /// every page reached. Returns the withdrawal code.
    async function journey(page, joinUrl, onPage) {
      await page.goto(joinUrl);
      await onPage('start');
      await go(page, page.locator('main form[action$="/start"] button'));
      await onPage('question-1');
      // A required question sent empty: the error summary.
      await go(page, page.locator('button[value="save"]'));
      if (await page.locator('.error-summary').count()) await onPage('question-1-error');
      // Easy-read: the same question in plain words (a display choice, kept in a cookie, so
      // the address stays the question's), and back again.
      const plain = await page.locator('main h1').innerText();
      const question = page.url();
      await go(page, page.locator('.easy-toggle a'));
      covered.set('/let-laest/{state}', 'not-html');
      const easy = await page.locator('main h1').innerText();
      assert.notEqual(easy, plain, 'the easy-read version is another text');
      assert.equal(page.url(), question, 'back on the same question');
      await onPage('question-1-easy-read');
      await go(page, page.locator('.easy-toggle a'));
      assert.equal(await page.locator('main h1').innerText(), plain, 'and back to the usual question');
      let n = 1;
      while (!new URL(page.url()).pathname.endsWith('/check')) {
        await answerCurrent(page);
        n += 1;
        assert.ok(n < 20, 'the journey ends');
        if (!new URL(page.url()).pathname.endsWith('/check')) await onPage(`question-${n}`);
      }
      await onPage('check');
      await go(page, page.locator('main form[action$="/finish"] button'));
      assert.match(page.url(), /\/tak$/);
      await onPage('thanks');
      const code = (await page.locator('.withdrawal-code').innerText()).trim();
      assert.match(code, /\S{6,}/, 'a withdrawal code is shown');
      return code;
    }

    test('participant journey without JavaScript at 320 px: no sideways scrolling', async () => {
      const context = await newContext(browser, { viewport: PHONE, javaScriptEnabled: false });
      const page = await context.newPage();
      const seen = [];
      const code = await journey(page, server.joinUrl, async (name) => {
        const m = await scrollsSideways(page);
        assert.equal(m.sideways, false, `${name}: content ${m.content}px in a ${m.viewport}px viewport`);
        assert.equal(await page.locator('script:not([src])').count(), 0, `${name}: no inline script`);
        await page.screenshot({ path: path.join(shots, `journey-nojs-320-${String(seen.length).padStart(2, '0')}-${name}.png`), fullPage: true });
        seen.push(name);
      });
      assert.ok(seen.includes('question-1-error'), 'the required first question showed its error');
      assert.ok(seen.length >= 9, `every page was seen: ${seen}`);
      // Clearing the phone and withdrawing ask once, and work without JavaScript too.
      await go(page, page.locator('main a[href$="/ryd"]'));
      await go(page, page.locator('main form[action$="/clear"] button'));
      assert.equal(await page.locator('main [role=status]').innerText(), 'Telefonen er ryddet. Den næste kan starte nu.');
      await page.goto(url('/trak-tilbage'));
      await page.locator('main input[type=text]').first().fill(code);
      await go(page, page.locator('main form button[type=submit]'));
      assert.equal(await page.locator('main h1').innerText(), 'Vil du slette dine svar?');
      await go(page, page.locator('main form button[type=submit]'));
      assert.match(page.url(), /\/trak-tilbage\/slettet$/);
      assert.equal(await page.locator('button.read-aloud').count(), 0, 'no read-aloud without JavaScript');
      await context.close();
    });

    for (const [locale, lang] of [['da-DK', 'da'], ['en-GB', 'en']]) {
      test(`participant pages at phone size pass axe (${lang}), focus at the h1 or error summary`, async () => {
        const context = await newContext(browser, { viewport: PHONE, locale });
        const page = await context.newPage();
        const code = await journey(page, server.joinUrl, (name) => checkPage(page, `participant ${name} (${lang})`, { lang }));
        // Scanning the code again after sending: the answers are sent; change them or clear.
        await page.goto(server.joinUrl);
        await checkPage(page, `start page after sending (${lang})`, { lang });
        assert.equal(await page.locator('main a[href$="/check"].button').count(), 1, 'offers to change the answers');
        await go(page, page.locator('main a[href$="/ryd"]'));
        await checkPage(page, `clear the phone? (${lang})`, { lang });
        await go(page, page.locator('main form[action$="/clear"] button'));
        await checkPage(page, `after clearing the phone (${lang})`, { lang });
        assert.equal(await page.locator('main [role=status]').count(), 1, 'says the phone was cleared');
        await visit(page, '/trak-tilbage', `withdraw (${lang})`, { lang });
        await page.locator('main input[type=text]').first().fill(code);
        await go(page, page.locator('main form button[type=submit]'));
        await checkPage(page, `delete your answers? (${lang})`, { lang });
        await go(page, page.locator('main form button[type=submit]'));
        assert.match(page.url(), /\/trak-tilbage\/slettet$/);
        await checkPage(page, `withdrawn (${lang})`, { lang });
        await context.close();
        assertNoProblems();
      });
    }

    test('larger text and high contrast: chosen without JavaScript, remembered, and still AA', async () => {
      const context = await newContext(browser, { viewport: PHONE, javaScriptEnabled: false });
      const page = await context.newPage();
      await page.goto(server.joinUrl);
      const startPath = new URL(page.url()).pathname;
      await go(page, page.getByRole('link', { name: 'Tekst og farver' }));
      await page.getByLabel('Meget stor tekst').check();
      await page.getByLabel('Høj kontrast (sort på hvidt)').check();
      await go(page, page.getByRole('button', { name: 'Gem' }));
      assert.equal(new URL(page.url()).pathname, startPath, 'back on the page the visitor came from');
      assert.equal(await page.locator('html').getAttribute('class'), 'text-largest contrast-high');
      // Remembered on the next page, and by the cookie.
      await page.goto(url('/'));
      assert.equal(await page.locator('html').getAttribute('class'), 'text-largest contrast-high');
      const cookie = (await context.cookies()).find((c) => c.name === 'display');
      assert.equal(cookie?.value, 'largest-high');
      assert.ok(cookie.expires * 1000 > Date.now() + 300 * 86400 * 1000, 'kept for a year');
      // The big text still fits a 320 px screen, and the pages pass axe in these colours.
      assert.equal((await scrollsSideways(page)).sideways, false, 'no sideways scrolling with very large text');
      const checked = await newContext(browser, { viewport: PHONE });
      await checked.addCookies([{ name: 'display', value: 'largest-high', url: server.base }]);
      const p2 = await checked.newPage();
      await journey(p2, server.joinUrl, async (name) => {
        await checkPage(p2, `high contrast ${name}`);
        assert.equal((await scrollsSideways(p2)).sideways, false, `${name}: no sideways scrolling`);
      });
      await checked.close();
      await context.close();
      assertNoProblems();
    });

    test('every link and button on participant pages is at least 44 × 44 px (320 px)', async () => {
      const context = await newContext(browser, { viewport: PHONE });
      const page = await context.newPage();
      const small = [];
      const measure = async (name) => {
        const found = await page.evaluate(() => {
          const out = [];
          for (const el of document.querySelectorAll('a[href], button, .choice label')) {
            const r = el.getBoundingClientRect();
            // The skip link waits off-screen until it gets focus; hidden things are no target.
            if (r.width === 0 || r.height === 0 || r.right < 0 || el.closest('.visually-hidden')) continue;
            if (r.width < 43.5 || r.height < 43.5) out.push(`${el.tagName.toLowerCase()} "${el.textContent.trim().slice(0, 30)}" ${Math.round(r.width)}×${Math.round(r.height)}`);
          }
          return out;
        });
        for (const f of found) small.push(`${name}: ${f}`);
      };
      const code = await journey(page, server.joinUrl, measure);
      await page.goto(server.joinUrl);
      await measure('start after sending');
      await go(page, page.locator('main a[href$="/ryd"]'));
      await measure('clear the phone?');
      for (const p of ['/', '/visning?tilbage=/', '/tilgaengelighed', '/trak-tilbage']) {
        await page.goto(url(p));
        await measure(p);
      }
      await page.locator('main input[type=text]').first().fill(code);
      await go(page, page.locator('main form button[type=submit]'));
      await measure('delete your answers?');
      // "Ret" on the check page, measured on its own.
      const check = new URL(server.joinUrl).pathname + '/check';
      await page.goto(url(check));
      const ret = await page.locator('.summary-action a').first().boundingBox();
      assert.ok(ret.width >= 44 && ret.height >= 44, `"Ret" is ${ret.width}×${ret.height}`);
      await context.close();
      assert.deepEqual(small, [], `targets smaller than 44 × 44 px:\n${small.join('\n')}`);
    });

    test('a dropped network never costs typed words (JavaScript on)', async () => {
      const context = await newContext(browser, { viewport: PHONE });
      const page = await context.newPage();
      await page.goto(server.joinUrl);
      await go(page, page.locator('main form[action$="/start"] button'));
      const question = page.url();
      const box = page.locator('main form #answer');
      const key = 'deltag:' + await page.locator('form[data-keep]').getAttribute('data-keep');
      const kept = () => page.evaluate((k) => localStorage.getItem(k), key);
      const words = `Skrevet uden net ${stamp}`;
      await box.fill(words);
      assert.ok((await kept()).includes(words), 'kept on the phone while typing');
      // Sent with the network gone: the page stays, with the words, and says so.
      await context.setOffline(true);
      await page.locator('button[value="save"]').click();
      const notice = page.locator('main .unsent');
      await page.waitForFunction(() => document.querySelector('.unsent')?.textContent.length > 0);
      assert.equal(await notice.innerText(), 'Ikke sendt – prøv igen');
      assert.equal(await notice.getAttribute('role'), 'alert', 'a live region');
      assert.equal(page.url(), question, 'still on the question');
      assert.equal(await box.inputValue(), words);
      assert.equal(await page.evaluate(() => document.activeElement.value), 'save', 'focus stays on the button to press again');
      // Back online, the page loaded again: the server has nothing, the words come back.
      await context.setOffline(false);
      await page.reload();
      await page.waitForFunction(() => document.querySelector('.unsent')?.textContent.length > 0);
      assert.equal(await box.inputValue(), words, 'the words are put back');
      await checkPage(page, 'question with the words put back');
      await go(page, page.locator('button[value="save"]'));
      assert.notEqual(page.url(), question, 'sent: on to the next page');
      assert.equal(await kept(), null, 'forgotten once the server has them');
      await page.goto(question);
      assert.equal(await box.inputValue(), words, 'stored on the server');
      assert.equal(await notice.innerText(), '', 'nothing to say');
      // "Ryd telefonen" forgets words kept on the phone.
      await box.fill('Ikke sendt endnu');
      assert.ok(await kept());
      const code = new URL(question).pathname.split('/')[2];
      await page.goto(url(`/j/${code}/ryd`));
      await go(page, page.locator('main form[action$="/clear"] button'));
      const left = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('deltag:')));
      assert.deepEqual(left, [], 'nothing kept after clearing the phone');
      await context.close();
      assertNoProblems();
    });

    test('language: Accept-Language first, a visible switch that sticks, <html lang> right', async () => {
      const context = await newContext(browser, { viewport: PHONE, locale: 'en-GB' });
      const page = await context.newPage();
      await page.goto(server.joinUrl);
      assert.equal(await page.locator('html').getAttribute('lang'), 'en');
      const english = await page.locator('main h1').innerText();
      const toDanish = page.getByRole('link', { name: 'Dansk' });
      assert.ok(await toDanish.isVisible(), 'the switch is visible');
      assert.equal(await toDanish.getAttribute('lang'), 'da', 'the switch names its language in that language');
      await go(page, toDanish);
      assert.equal(new URL(page.url()).href, server.joinUrl, 'back on the same page');
      assert.equal(await page.locator('html').getAttribute('lang'), 'da');
      const danish = await page.locator('main h1').innerText();
      assert.notEqual(danish, english, 'the survey has its own English title');
      // Sticks, although the browser still asks for English.
      await page.goto(url('/login'));
      assert.equal(await page.locator('html').getAttribute('lang'), 'da');
      assert.equal(await page.locator('main h1').innerText(), 'Log ind');
      await go(page, page.getByRole('link', { name: 'English' }));
      assert.equal(await page.locator('main h1').innerText(), 'Log in');
      const res = await page.request.get(url('/sprog/en?tilbage=https://evil.example/'), { maxRedirects: 0 });
      assert.equal(res.status(), 303);
      assert.equal(res.headers().location, '/', 'never redirects off-site');
      covered.set('/sprog/{code}', 'not-html');
      await context.close();
    });

    test('Læs op: a button where speech synthesis exists, reading the page in its language', async () => {
      for (const [locale, voiceLang] of [['da-DK', 'da-DK'], ['en-GB', 'en-GB']]) {
        const context = await newContext(browser, { viewport: PHONE, locale });
        // Record what would be spoken instead of making sound.
        await context.addInitScript(() => {
          window.__spoken = [];
          window.speechSynthesis.speak = (u) => window.__spoken.push({ text: u.text, lang: u.lang });
        });
        const page = await context.newPage();
        await page.goto(server.joinUrl);
        const button = page.locator('main button.read-aloud');
        assert.equal(await button.count(), 1, 'the button is there');
        await button.click();
        const spoken = await page.evaluate(() => window.__spoken);
        const h1 = await page.locator('main h1').innerText();
        assert.equal(spoken[0].text, h1, 'starts with the heading');
        assert.ok(spoken.every((u) => u.lang === voiceLang), `spoken as ${voiceLang}`);
        assert.ok(!spoken.some((u) => /Læs op|Read aloud/.test(u.text)), 'does not read its own label');
        // The main content only: nothing of the header (brand, language, display) or footer.
        const frame = (await page.locator('header, footer').allInnerTexts()).join('\n').split(/\n+/).map((l) => l.trim()).filter(Boolean);
        const read = spoken.map((u) => u.text.trim());
        assert.deepEqual(frame.filter((l) => read.includes(l)), [], `header and footer are not read: ${read}`);
        // On a question: the question first, not the Back link.
        await go(page, page.locator('main form[action$="/start"] button'));
        await page.evaluate(() => { window.__spoken = []; });
        await page.locator('main button.read-aloud').click();
        const question = await page.evaluate(() => window.__spoken.map((u) => u.text));
        assert.ok(!question.includes(locale === 'da-DK' ? 'Tilbage' : 'Back'), `the Back link is not read: ${question}`);
        const toggle = (await page.locator('.easy-toggle').count()) ? await page.locator('.easy-toggle').innerText() : null;
        assert.ok(!toggle || !question.includes(toggle.trim()), `the easy-read switch is not read: ${question}`);
        assert.ok(question.includes(await page.locator('main h1').innerText()), 'the question is read');
        await context.close();
      }
      // Absent where the browser cannot speak.
      const context = await newContext(browser, { viewport: PHONE });
      await context.addInitScript(() => { delete window.speechSynthesis; delete Window.prototype.speechSynthesis; });
      const page = await context.newPage();
      await page.goto(server.joinUrl);
      await page.waitForLoadState('load');
      assert.equal(await page.locator('button.read-aloud').count(), 0);
      const size = readFileSync(path.join(repo, 'src/web/static/speak.js')).length;
      assert.ok(size <= 2048, `speak.js is ${size} bytes, at most 2 KB`);
      await context.close();
    });

    /// Presses a key that loads a new page, and waits for it.
    async function pressGo(page, key = 'Enter') {
      await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.keyboard.press(key)]);
    }

    /// Tabs to a field and types into it (replacing what is there).
    async function typeInto(page, locator, text) {
      await tabTo(page, locator);
      await page.keyboard.press('ControlOrMeta+a');
      await page.keyboard.type(text);
    }

    /// Tabs to a link or button and activates it with Enter.
    async function activate(page, locator) {
      await tabTo(page, locator);
      const label = await locator.innerText();
      await pressGo(page);
      await checkPage(page, `after "${label}"`);
    }

    const stamp = Date.now().toString(36);
    const built = { track: `Tastaturspor ${stamp}`, topic: `Tastaturtema ${stamp}`, workshop: `Tastaturworkshop ${stamp}` };

    test('keyboard only: log in', async () => {
      const context = await newContext(browser);
      const page = await context.newPage();
      await page.goto(url('/login'));
      assert.equal(await focusTarget(page), 'h1');
      await typeInto(page, page.getByLabel('E-mailadresse'), server.facilitator.email);
      await typeInto(page, page.getByLabel('Adgangskode'), 'forkert adgangskode');
      await pressGo(page);
      assert.equal(await focusTarget(page), 'error-summary', 'a wrong password puts focus on the error summary');
      await checkPage(page, 'login error');
      await typeInto(page, page.getByLabel('Adgangskode'), server.facilitator.password);
      await pressGo(page);
      assert.equal(new URL(page.url()).pathname, '/staff');
      await checkPage(page, 'staff overview');
      await context.close();
      assertNoProblems();
    });

    test('second factor: set-up, recovery codes, code page and account page pass axe at 320 and 1280 px', async () => {
      // The suite's TOTP against RFC 6238's own test vectors (secret "12345678901234567890").
      assert.equal(totp('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', Math.floor(59 / 30)), '287082');
      assert.equal(totp('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', Math.floor(1111111109 / 30)), '081804');
      const admin = { email: `tove-${stamp}@example.dk`, password: 'Tove har en lang adgangskode' };
      cli(db.url, ['user', 'add', '--email', admin.email, '--name', 'Tove Totrin', '--role', 'admin', '--password-stdin'], `${admin.password}\n`);
      /// Checks the page at both sizes (320 px must not scroll sideways) and keeps screenshots.
      async function bothSizes(page, label, shot) {
        for (const [size, viewport] of [['320', PHONE], ['1280', DESKTOP]]) {
          await page.setViewportSize(viewport);
          await checkPage(page, `${label} at ${size} px`);
          if (size === '320') {
            const m = await scrollsSideways(page);
            if (m.sideways) problems.push(`${label} at 320 px: content ${m.content}px wide`);
          }
          await page.screenshot({ path: path.join(shots, `${shot}-${size}.png`), fullPage: true });
        }
      }
      const context = await newContext(browser, { viewport: PHONE });
      const page = await context.newPage();
      await page.goto(url('/login'));
      await page.getByLabel('E-mailadresse').fill(admin.email);
      await page.getByLabel('Adgangskode').fill(admin.password);
      await go(page, page.getByRole('button', { name: 'Log ind' }));
      // A new admin must set it up first; every other staff page leads back here.
      assert.equal(new URL(page.url()).pathname, '/account/second-factor');
      await bothSizes(page, 'second factor set-up', 'totp-setup');
      await page.goto(url('/staff'));
      assert.equal(new URL(page.url()).pathname, '/account/second-factor', 'no staff page before set-up');
      assert.equal(await page.locator('nav a[href="/admin/users"]').count(), 0, 'no menu that leads nowhere');
      const svg = page.locator('main svg.qr-code');
      assert.equal(await svg.getAttribute('role'), 'img');
      assert.match(await svg.locator('title').innerHTML(), /QR-kode/);
      await page.getByLabel('Kode fra appen').fill('000000');
      await go(page, page.getByRole('button', { name: 'Slå totrinsbekræftelse til' }));
      await checkPage(page, 'second factor set-up with a wrong code');
      assert.equal(await focusTarget(page), 'error-summary');
      admin.secret = (await page.locator('#secret').innerText()).replace(/\s/g, '');
      await page.getByLabel('Kode fra appen').fill(await freshCode(admin));
      await go(page, page.getByRole('button', { name: 'Slå totrinsbekræftelse til' }));
      assert.equal((await page.locator('main h1').innerText()).replace(/\u00ad/g, ''), 'Totrinsbekræftelse er slået til');
      assert.equal(await page.locator('.recovery-codes li').count(), 10);
      await bothSizes(page, 'recovery codes', 'totp-codes');
      await go(page, page.getByRole('link', { name: 'Fortsæt' }));
      assert.equal(new URL(page.url()).pathname, '/staff');
      await go(page, page.getByRole('link', { name: 'Din konto' }));
      await bothSizes(page, 'account page', 'totp-account');
      await go(page, page.getByRole('button', { name: 'Log ud' }));
      await context.close();

      // Keyboard only: e-mail, password, Enter, the code, Enter; lands on the overview.
      const keys = await newContext(browser);
      const kb = await keys.newPage();
      await kb.goto(url('/login'));
      await typeInto(kb, kb.getByLabel('E-mailadresse'), admin.email);
      await typeInto(kb, kb.getByLabel('Adgangskode'), admin.password);
      await pressGo(kb);
      assert.equal(new URL(kb.url()).pathname, '/login/code');
      assert.equal(await focusTarget(kb), 'h1');
      const field = kb.getByLabel('Kode fra appen');
      assert.equal(await field.getAttribute('inputmode'), 'numeric');
      assert.equal(await field.getAttribute('autocomplete'), 'one-time-code');
      await bothSizes(kb, 'code page', 'totp-code');
      // "Brug en gendannelseskode" opens with the keyboard and passes axe open too (focus
      // stays on it: no page change).
      await tabTo(kb, kb.locator('details.recovery > summary'));
      await kb.keyboard.press('Enter');
      assert.ok(await kb.getByLabel('Gendannelseskode').isVisible(), 'the recovery form opened');
      for (const [size, viewport] of [['320', PHONE], ['1280', DESKTOP]]) {
        await kb.setViewportSize(viewport);
        for (const v of await axeViolations(kb)) problems.push(`code page, recovery code open at ${size} px: ${v.id} [${v.impact}] ${v.help}\n      ${v.nodes.join('\n      ')}`);
        await kb.screenshot({ path: path.join(shots, `totp-code-recovery-${size}.png`), fullPage: true });
      }
      await typeInto(kb, field, '123456');
      await pressGo(kb);
      assert.equal(await focusTarget(kb), 'error-summary', 'a wrong code: focus on the error summary');
      await checkPage(kb, 'code page with a wrong code');
      await typeInto(kb, kb.getByLabel('Kode fra appen'), await freshCode(admin));
      await pressGo(kb);
      assert.equal(new URL(kb.url()).pathname, '/staff');
      await keys.close();
      assertNoProblems();
    });

    test('keyboard only: build a survey (track, topic, workshop, questions) and open it', async () => {
      const context = await newContext(browser);
      const page = await logIn(context, server.facilitator);
      await activate(page, page.getByRole('link', { name: 'Nyt deltagelsesspor' }));
      // Sent empty first: the error summary takes focus, and its link leads to the field.
      await typeInto(page, page.getByLabel('År'), '');
      await pressGo(page);
      await checkPage(page, 'new track with errors');
      assert.equal(await focusTarget(page), 'error-summary');
      await tabTo(page, page.locator('.error-summary a').first());
      await page.keyboard.press('Enter');
      assert.equal(await page.evaluate(() => document.activeElement.id), 'title', 'the summary link moves focus to the field');
      await typeInto(page, page.getByLabel('Titel'), built.track);
      await typeInto(page, page.getByLabel('År'), '2026');
      await pressGo(page);
      assert.equal(new URL(page.url()).pathname, '/staff');
      await activate(page, page.getByRole('link', { name: new RegExp(`^Tilføj tema\\s*: ${built.track}$`) }));
      await typeInto(page, page.getByLabel('Titel'), built.topic);
      await tabTo(page, page.getByRole('button', { name: 'Gem' }));
      await pressGo(page);
      await activate(page, page.getByRole('link', { name: new RegExp(`^Tilføj workshop\\s*: ${built.topic}$`) }));
      await typeInto(page, page.locator('#title'), built.workshop);
      await typeInto(page, page.locator('#intro'), 'Vi taler om, hvad der hjælper.');
      await tabTo(page, page.getByRole('button', { name: 'Gem' }));
      await pressGo(page);
      assert.match(new URL(page.url()).pathname, /^\/staff\/workshops\/[^/]+$/);
      built.workshopPath = new URL(page.url()).pathname;
      await checkPage(page, 'new workshop');
      // A free-text question, then a choice question with options typed line by line.
      await activate(page, page.getByRole('link', { name: 'Tilføj spørgsmål' }));
      // builder.js shows only the fields of the chosen kind: none extra for free text.
      assert.ok(!(await page.locator('#options').isVisible()) && !(await page.locator('#scale_words').isVisible()), 'no options for free text');
      await typeInto(page, page.locator('#prompt'), 'Hvad hjælper dig mest?');
      await tabTo(page, page.getByRole('button', { name: 'Gem' }));
      await pressGo(page);
      await activate(page, page.getByRole('link', { name: 'Tilføj spørgsmål' }));
      await tabTo(page, page.locator('#kind'));
      await page.keyboard.type('Vælg én');
      assert.ok(await page.locator('#options').isVisible(), 'options for a choice question');
      assert.ok(!(await page.locator('#scale_words').isVisible()), 'no scale words for a choice question');
      await typeInto(page, page.locator('#prompt'), 'Hvor bor du nu?');
      await tabTo(page, page.locator('#options'));
      await page.keyboard.type('Egen bolig');
      await page.keyboard.press('Enter');
      await page.keyboard.type('Herberg');
      await tabTo(page, page.getByRole('button', { name: 'Gem' }));
      await pressGo(page);
      await checkPage(page, 'workshop with questions');
      const questions = await page.locator('main').innerText();
      assert.ok(questions.includes('Hvad hjælper dig mest?') && questions.includes('Hvor bor du nu?'), 'both questions are listed');
      await tabTo(page, page.getByRole('button', { name: 'Åbn for svar' }));
      await pressGo(page);
      assert.ok((await page.locator('main').innerText()).includes('Åben'), 'the workshop is open');
      await checkPage(page, 'opened workshop');
      await context.close();
      assertNoProblems();
    });

    test('keyboard only: assign an answer to a theme on the board', async () => {
      const context = await newContext(browser);
      const page = await logIn(context, server.facilitator);
      await activate(page, page.getByRole('link', { name: /^Emner og hovedpointer\s*: Fra bolig til hjem$/ }));
      const card = page.locator('li.answer-card').first();
      const answerId = await card.getAttribute('data-answer');
      const target = page.locator('#target');
      const themeId = await target.locator('option').first().getAttribute('value');
      await tabTo(page, card.locator('input[type=checkbox]'));
      await page.keyboard.press('Space');
      assert.ok(await card.locator('input[type=checkbox]').isChecked());
      await tabTo(page, target);
      await tabTo(page, page.getByRole('button', { name: 'Tilføj til emne' }));
      await page.keyboard.press('Enter');
      // board.js updates the board in place: the answer leaves the unsorted list, a status
      // message says so, and focus stays somewhere useful.
      await page.locator(`li.answer-card[data-answer="${answerId}"]`).waitFor({ state: 'detached', timeout: 10_000 });
      // (The board's other status region is the live new-answers notice, empty here.)
      assert.equal(await page.locator('main [role=status]:not([data-live-src])').count(), 1, 'a status message');
      assert.equal(await page.locator('main [role=status][data-live-src]').innerText(), '', 'no new answers');
      const focus = await focusTarget(page);
      assert.notEqual(focus, 'body', 'focus is not lost after the in-place update');
      const board = new URL(page.url());
      await page.goto(`${board.origin}${board.pathname}?view=${themeId}`);
      assert.equal(await page.locator(`li.answer-card[data-answer="${answerId}"]`).count(), 1, 'the answer is in the theme');
      await checkPage(page, 'board filtered to a theme');
      await context.close();
      assertNoProblems();
    });

    test('the board at 1280×800: ten cards in view beside the themes; keys sort three and undo one', async () => {
      const context = await newContext(browser, { viewport: { width: 1280, height: 800 } });
      const page = await logIn(context, server.facilitator);
      await activate(page, page.getByRole('link', { name: /^Emner og hovedpointer\s*: Fra bolig til hjem$/ }));
      const cards = page.locator('li.answer-card');
      // With the first card at the top, at least ten are fully in view above the sticky bar.
      await cards.first().evaluate((c) => c.scrollIntoView());
      const inView = await page.evaluate(() => {
        const limit = document.querySelector('.assign-bar').getBoundingClientRect().top;
        return [...document.querySelectorAll('li.answer-card')].filter((c) => {
          const r = c.getBoundingClientRect();
          return r.top >= 0 && r.bottom <= limit;
        }).length;
      });
      assert.ok(inView >= 10, `${inView} cards in view at 1280×800`);
      await page.screenshot({ path: path.join(shots, 'board-1280x800.png') });
      // The cards scroll; the first theme stays on the screen.
      await page.evaluate(() => window.scrollBy(0, 1500));
      assert.ok(await page.evaluate(() => window.scrollY) > 1000, 'the page did scroll');
      const theme = await page.locator('[data-theme][data-key="1"]').evaluate((t) => {
        const r = t.getBoundingClientRect();
        return { top: r.top, bottom: r.bottom, height: innerHeight };
      });
      assert.ok(theme.top >= 0 && theme.top < theme.height, `theme 1 in view after scrolling: ${JSON.stringify(theme)}`);
      assert.ok(await page.locator('.key-hint').first().isVisible(), 'the theme shows its key');

      // Keyboard only: 1 on the first card, 2 on the next, ↓ and 1 on the one after, then Z.
      const count = async () => Number((await page.locator('#answers-heading .count').innerText()).replace(/\D/g, ''));
      const start = await count();
      const box = (i) => cards.nth(i).locator('input[type=checkbox]');
      await tabTo(page, box(0));
      const sorted = [];
      const press = async (key, expected) => {
        await page.keyboard.press(key);
        await page.waitForFunction((n) => Number(document.querySelector('#answers-heading .count').textContent.replace(/\D/g, '')) === n, expected, { timeout: 10_000 });
        assert.ok(await page.evaluate(() => document.activeElement.matches('.answer-card input[type=checkbox]')), `focus on a card after ${key}`);
      };
      sorted.push(await cards.nth(0).getAttribute('data-answer'));
      await press('1', start - 1);
      sorted.push(await cards.nth(0).getAttribute('data-answer'));
      await press('2', start - 2);
      await page.keyboard.press('ArrowDown');
      sorted.push(await page.evaluate(() => document.activeElement.value));
      assert.notEqual(sorted[2], await cards.nth(0).getAttribute('data-answer'), 'the arrow moved on');
      await press('1', start - 3);
      for (const id of sorted) assert.equal(await page.locator(`li.answer-card[data-answer="${id}"]`).count(), 0, `${id} left the pile`);
      const announced = await page.evaluate(() => document.querySelector('body > [aria-live]').textContent);
      assert.match(announced, /Svarene er flyttet/, 'the result is read out');
      await press('z', start - 2);
      assert.equal(await page.locator(`li.answer-card[data-answer="${sorted[2]}"]`).count(), 1, 'the last one is back');
      assert.match(await page.evaluate(() => document.querySelector('body > [aria-live]').textContent), /fortrudt/);
      for (const v of await axeViolations(page)) problems.push(`board after keyboard sorting: ${v.id} [${v.impact}] ${v.help}\n      ${v.nodes.join('\n      ')}`);
      // The theme's history lists the change that stayed, with its own "Fortryd".
      const board = new URL(page.url());
      await page.goto(`${board.origin}${board.pathname}`);
      await checkPage(page, 'board with a history');
      const history = page.locator('[data-theme][data-key="2"] details.theme-history');
      await history.locator('summary').focus();
      await page.keyboard.press('Enter');
      assert.ok(await history.evaluate((d) => d.open), 'the history opens from the keyboard');
      assert.ok(await history.getByRole('button', { name: /Fortryd.*Svar lagt i/ }).first().isVisible());
      for (const v of await axeViolations(page)) problems.push(`board history open: ${v.id} [${v.impact}] ${v.help}\n      ${v.nodes.join('\n      ')}`);
      await context.close();
      assertNoProblems();
    });

    test('keyboard only: export a topic as Word', async () => {
      const context = await newContext(browser);
      const page = await logIn(context, server.facilitator);
      await activate(page, page.getByRole('link', { name: /^Eksportér\s*: Fra bolig til hjem$/ }));
      const link = page.getByRole('link', { name: 'Word (rapporttekst)' });
      await tabTo(page, link);
      const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
      assert.match(download.suggestedFilename(), /\.docx$/);
      const file = await download.path();
      const bytes = readFileSync(file);
      assert.equal(bytes.subarray(0, 2).toString(), 'PK', 'a real .docx (zip) file');
      // The print page keeps its own stylesheet under the real CSP (no bypass here).
      const strict = await newContext(browser, { axe: false });
      const viewer = await logIn(strict, server.facilitator);
      const exportPage = await viewer.getByRole('link', { name: /^Eksportér\s*: Fra bolig til hjem$/ }).getAttribute('href');
      await viewer.goto(url(exportPage));
      const printHref = await viewer.getByRole('link', { name: 'Udskriftsside (gem som PDF)' }).getAttribute('href');
      const blocked = [];
      viewer.on('console', (m) => { if (/Content Security Policy/.test(m.text())) blocked.push(m.text()); });
      await viewer.goto(url(printHref));
      const border = await viewer.locator('h2').first().evaluate((h) => getComputedStyle(h).borderBottomWidth);
      assert.equal(border, '2px', 'the print stylesheet applies');
      assert.deepEqual(blocked, [], 'nothing was blocked');
      await strict.close();
      await context.close();
      assertNoProblems();
    });

    test('printouts print: 8 table cards on one A4 page, the poster on one page without screen controls', async () => {
      const context = await newContext(browser);
      const staff = await logIn(context, server.facilitator);
      const workshop = await staff.locator('main a[href^="/staff/workshops/"]').first().getAttribute('href');
      const pages = (pdf) => (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) || []).length;
      await staff.goto(url(`${workshop}/cards`));
      assert.equal(await staff.locator('main .table-card').count(), 8);
      assert.equal(pages(await staff.pdf({ format: 'A4', preferCSSPageSize: true })), 1, 'the 8 table cards fit one sheet');
      await staff.goto(url(`${workshop}/poster`));
      assert.equal(await staff.locator('.read-aloud').isVisible(), true, 'Læs op is on the screen');
      await staff.emulateMedia({ media: 'print' });
      for (const control of await staff.locator('main button, .read-aloud').all()) {
        assert.equal(await control.isVisible(), false, `${await control.innerText()} does not print`);
      }
      // page.pdf() prints with the emulated media: print, as a browser's print dialog does.
      assert.equal(pages(await staff.pdf({ format: 'A4', preferCSSPageSize: true })), 1, 'the poster is one sheet');
      await context.close();
    });

    test('staff pages reached by posting a form: new user link, board conflict', async () => {
      const context = await newContext(browser);
      const page = await logIn(context, server.admin);
      await visit(page, '/admin/users', 'users');
      await page.getByLabel('Navn').fill('Mette Facilitator');
      await page.getByLabel('E-mailadresse').fill(`mette-${stamp}@example.dk`);
      await go(page, page.getByRole('button', { name: 'Tilføj bruger' }));
      await checkPage(page, 'user added (one-time link)');
      assert.match(await page.getByLabel('Link til Mette Facilitator').inputValue(), /\/setup\//, 'the one-time link is shown');
      await go(page, page.getByRole('button', { name: 'Tilføj bruger' }));
      await checkPage(page, 'add user with errors');
      assert.equal(await focusTarget(page), 'error-summary');
      // Two facilitators rename the same theme: the second gets the conflict, in place.
      const board = await context.newPage();
      const other = await context.newPage();
      await page.goto(url('/staff'));
      const boardPath = await page.getByRole('link', { name: /^Emner og hovedpointer\s*: Fra bolig til hjem$/ }).getAttribute('href');
      await board.goto(url(boardPath));
      await other.goto(url(boardPath));
      const statuses = [];
      for (const [p, title] of [[board, `Boligen ${stamp}`], [other, `Hjemmet ${stamp}`]]) {
        const theme = p.locator('li.theme').first();
        await theme.locator('details.theme-actions > summary').click();
        await theme.locator('input[name=title]').fill(title);
        const [res] = await Promise.all([
          p.waitForResponse((r) => r.request().method() === 'POST'),
          theme.locator('details.theme-actions form').first().locator('button[type=submit]').click(),
        ]);
        statuses.push(res.status());
        await p.waitForLoadState('networkidle');
      }
      assert.deepEqual(statuses, [303, 409], 'the first rename wins, the second gets 409');
      // board.js puts the 409 page in place once its body has arrived.
      const conflict = other.locator('main .error-summary, main [role=alert]');
      await conflict.first().waitFor({ timeout: 10_000 });
      assert.ok(await conflict.count() > 0, 'the second writer is told about the conflict');
      await page.goto(url(boardPath));
      assert.equal(await page.locator('li.theme .card-title a').first().innerText(), `Boligen ${stamp}`, 'nothing was overwritten');
      assert.notEqual(await other.evaluate(() => document.activeElement === document.body), true, 'focus is on the message');
      const violations = await axeViolations(other);
      assert.deepEqual(violations, [], 'the conflict state passes axe');
      // Closing asks first: the question page, then back without closing.
      await page.goto(url(built.workshopPath));
      await go(page, page.getByRole('button', { name: 'Luk for svar' }));
      await checkPage(page, 'close the workshop?');
      assert.match(await page.locator('main').innerText(), /kan ikke længere svare med koden/);
      await go(page, page.getByRole('link', { name: 'Nej, tilbage' }));
      assert.ok(await page.getByRole('button', { name: 'Luk for svar' }).isVisible(), 'still open');
      await context.close();
      assertNoProblems();
    });

    test('every staff page passes axe at desktop size and reflows at 400 % zoom (crawl as admin)', async () => {
      const context = await newContext(browser);
      const page = await logIn(context, server.admin);
      const perRoute = new Map();
      const queue = ['/staff', built.workshopPath, '/admin/users', '/admin/audit'].filter(Boolean);
      const seen = new Set(queue);
      while (queue.length) {
        const p = queue.shift();
        const route = routeOf(new URL(p, server.base).pathname);
        const res = await context.request.get(url(p), { maxRedirects: 0 });
        const type = res.headers()['content-type'] || '';
        if (!type.startsWith('text/html')) {
          assert.ok(res.status() < 400, `${p}: ${res.status()}`);
          if (route && !covered.has(route)) covered.set(route, 'not-html');
          continue;
        }
        await visit(page, p, `staff ${p}`);
        // 400 % zoom of a 1280 px screen is a 320 px layout (WCAG 1.4.10): nothing may scroll
        // sideways but a wide table inside its own scrolling box.
        await page.setViewportSize(PHONE);
        const m = await scrollsSideways(page);
        if (m.sideways) problems.push(`staff ${p} at 320 px (400 % zoom): content ${m.content}px wide`);
        await page.setViewportSize(DESKTOP);
        for (const href of await page.locator('a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href')))) {
          const next = new URL(href, page.url());
          if (next.origin !== server.base || next.hash && next.pathname === new URL(page.url()).pathname) continue;
          const key = next.pathname + next.search;
          const nextRoute = routeOf(next.pathname);
          // Participant pages are checked in the journeys, at phone size, as a participant.
          if (!nextRoute || nextRoute === '/sprog/{code}' || next.pathname.startsWith('/j/') || seen.has(key)) continue;
          // A few URLs per route are enough: the same view with other data.
          const n = perRoute.get(nextRoute) || 0;
          if (n >= 3 && !next.search.includes('format=html')) continue;
          perRoute.set(nextRoute, n + 1);
          seen.add(key);
          queue.push(key);
        }
      }
      assert.ok(seen.size > 30, `crawled ${seen.size} staff URLs`);
      await context.close();
      assertNoProblems();
    });

    test('settings and users pages: axe at 1280 and 320 px, an error state, the copy button', async () => {
      const context = await newContext(browser);
      const page = await logIn(context, server.admin);
      await visit(page, '/admin/settings', 'settings');
      assert.equal(await page.locator('.brand-org').innerText(), 'RFSU', "the demo's short name in the header");
      // The suite's server sets the contact details: shown, not editable.
      assert.match(await page.locator('main').innerText(), /Sat af serveren \(DELTAG_A11Y_EMAIL\)/);
      await page.getByLabel('Dage svarene gemmes efter en workshop').fill('0');
      await go(page, page.getByRole('button', { name: 'Gem indstillinger' }));
      await checkPage(page, 'settings with an error', { status: 422 });
      assert.equal(await focusTarget(page), 'error-summary');
      for (const [p, label] of [['/admin/settings', 'settings'], ['/admin/users', 'users']]) {
        await page.setViewportSize(PHONE);
        await visit(page, p, `${label} at 320 px`);
        const m = await scrollsSideways(page);
        assert.ok(!m.sideways, `${label} at 320 px: ${m.content}px wide`);
        await page.setViewportSize(DESKTOP);
      }
      // A new person's invitation link: in a labelled read-only field, with a copy button.
      await page.getByLabel('Navn').fill('Kim Lund');
      await page.locator('form[action="/admin/users"]').getByLabel('E-mailadresse').fill(`kim-${stamp}@kommune.dk`);
      await go(page, page.getByRole('button', { name: 'Tilføj bruger' }));
      await checkPage(page, 'users with a new invitation link');
      const link = page.getByLabel('Link til Kim Lund');
      assert.match(await link.inputValue(), /\/setup\//);
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.base });
      await page.getByRole('button', { name: 'Kopiér linket' }).click();
      await page.locator('#invite-link-status').filter({ hasText: 'Linket er kopieret.' }).waitFor();
      await context.close();
      assertNoProblems();
    });

    test('the audit log with a filter applied: axe at 1280 px and 320 px, no sideways scrolling', async () => {
      const context = await newContext(browser);
      const page = await logIn(context, server.admin);
      await visit(page, '/admin/audit', 'audit log');
      // The form works without JavaScript: a GET with labelled fields and a button in words.
      await page.getByLabel('Hvem').selectOption({ label: 'Demo-administrator' });
      await page.getByLabel('Slags hændelse').selectOption({ label: 'Log ind og konti' });
      await page.getByLabel('Fra og med dato').fill('2000-01-01');
      await go(page, page.getByRole('button', { name: 'Vis hændelser' }));
      const asked = new URL(page.url()).searchParams;
      assert.equal(asked.get('kind'), 'accounts');
      assert.equal(asked.get('from'), '2000-01-01');
      await checkPage(page, 'audit log, filtered (1280 px)');
      const said = await page.locator('.audit-sentence').allInnerTexts();
      assert.ok(said.includes('Demo-administrator loggede ind.'), said.join('\n'));
      assert.ok(said.every((s) => s.startsWith('Demo-administrator ')), `only the admin's events:\n${said.join('\n')}`);
      // Times keep to one line next to their sentence.
      const lines = await page.locator('.audit-time').evaluateAll((els) => els.map((el) => {
        const range = document.createRange();
        range.selectNodeContents(el);
        return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
      }));
      assert.ok(lines.every((n) => n === 1), `every time on one line: ${lines}`);
      // The raw record is one click away.
      await page.locator('details.audit-raw > summary').first().click();
      assert.match(await page.locator('details.audit-raw[open]').first().innerText(), /auth\.login/);
      await page.screenshot({ path: path.join(shots, 'audit-1280.png'), fullPage: true });
      await page.setViewportSize(PHONE);
      await page.reload();
      await checkPage(page, 'audit log, filtered (320 px)');
      // With a long id showing, nothing may push the page sideways.
      await page.locator('details.audit-raw > summary').first().click();
      const m = await scrollsSideways(page);
      assert.equal(m.sideways, false, `the audit log is ${m.content}px wide at 320 px`);
      await page.screenshot({ path: path.join(shots, 'audit-320.png'), fullPage: true });
      await context.close();
      assertNoProblems();
    });

    test('first-run set-up page from a real invitation', async () => {
      const out = cli(db.url, ['user', 'add', '--email', `ny-${stamp}@example.dk`, '--name', 'Ny Facilitator', '--role', 'facilitator']);
      const link = out.match(/(\/setup\/\S+)/);
      assert.ok(link, out);
      const context = await newContext(browser, { viewport: PHONE });
      const page = await context.newPage();
      await visit(page, link[1], 'set-up page');
      await go(page, page.getByRole('button', { name: 'Gem og log ind' }));
      await checkPage(page, 'set-up page with errors');
      assert.equal(await focusTarget(page), 'error-summary');
      await context.close();
      assertNoProblems();
    });

    test('member check and dot voting on phones at 320 px, with and without JavaScript', async () => {
      const code = new URL(server.joinUrl).pathname.split('/')[2];
      const join = async (context) => {
        const page = await context.newPage();
        await page.goto(server.joinUrl);
        await go(page, page.locator('main form[action$="/start"] button'));
        return page;
      };
      // One phone without JavaScript (the forms must work), one with it (axe needs it to run).
      const bareContext = await newContext(browser, { viewport: PHONE, javaScriptEnabled: false });
      const bare = await join(bareContext);
      const phoneContext = await newContext(browser, { viewport: PHONE });
      const phone = await join(phoneContext);

      // The demo's open workshop has a member check open.
      await visit(phone, `/j/${code}/rum`, 'member check at 320 px');
      assert.equal(await phone.locator('main fieldset').count(), 4);
      const m = await scrollsSideways(phone);
      assert.ok(!m.sideways, `member check at 320 px: ${m.content}px wide`);
      await phone.locator('main fieldset').first().getByLabel('Ja, det er rigtigt').check();
      await phone.locator('main fieldset').first().getByLabel('Vil du sige mere? (frivilligt)').fill('Det passer');
      await go(phone, phone.getByRole('button', { name: 'Send', exact: true }));
      await checkPage(phone, 'member check sent');
      assert.equal(await phone.locator('main [role=status]').innerText(), 'Tak. Du kan ændre dit svar, så længe runden er åben.');
      assert.equal(await phone.locator('main fieldset').first().getByLabel('Ja, det er rigtigt').isChecked(), true);
      await bare.goto(url(`/j/${code}/rum`));
      await bare.locator('main fieldset').nth(1).getByLabel('Delvist').check();
      await go(bare, bare.getByRole('button', { name: 'Send', exact: true }));
      assert.equal(await bare.locator('main [role=status]').innerText(), 'Tak. Du kan ændre dit svar, så længe runden er åben.');
      assert.equal(await bare.locator('main fieldset').nth(1).getByLabel('Delvist').isChecked(), true, 'kept without JavaScript');

      // A facilitator opens a dot vote; the same page on the phones now asks for dots.
      const staffContext = await newContext(browser);
      const staff = await logIn(staffContext, server.facilitator);
      let workshopPath = null;
      for (const href of await staff.locator('main a[href^="/staff/workshops/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')))) {
        const res = await staffContext.request.get(url(href));
        if ((await res.text()).includes(`/j/${code}`)) { workshopPath = href; break; }
      }
      assert.ok(workshopPath, 'found the open workshop');
      await staff.goto(url(`${workshopPath}/wall`));
      await staff.getByLabel('Hvad er vigtigst? (prikker)').check();
      await go(staff, staff.getByRole('button', { name: 'Start runden' }));
      await checkPage(staff, 'wall control page with a vote open');

      await visit(phone, `/j/${code}/rum`, 'dot vote at 320 px');
      const selects = phone.locator('main select');
      assert.ok(await selects.count() >= 2);
      await selects.nth(0).selectOption('3');
      await selects.nth(1).selectOption('2');
      await go(phone, phone.getByRole('button', { name: 'Send mine prikker' }));
      await checkPage(phone, 'dot vote with too many dots');
      assert.equal(await focusTarget(phone), 'error-summary');
      assert.match(await phone.locator('.error-summary').innerText(), /Du har givet 5 prikker\. Du har 3\./);
      await phone.locator('main select').nth(1).selectOption('0');
      await go(phone, phone.getByRole('button', { name: 'Send mine prikker' }));
      await checkPage(phone, 'dot vote sent');
      assert.equal(await phone.locator('main select').nth(0).inputValue(), '3');
      await phone.screenshot({ path: path.join(shots, 'vote-320.png'), fullPage: true });
      await bare.goto(url(`/j/${code}/rum`));
      await bare.locator('main select').nth(1).selectOption('1');
      await go(bare, bare.getByRole('button', { name: 'Send mine prikker' }));
      assert.equal(await bare.locator('main select').nth(1).inputValue(), '1', 'kept without JavaScript');
      await context_close(bareContext, phoneContext, staffContext);
      assertNoProblems();
    });

    test('the wall: an answer let through appears on the projector and the answers page without a reload', async () => {
      const staffContext = await newContext(browser);
      const staff = await logIn(staffContext, server.facilitator);
      await staff.goto(server.joinUrl.replace(/\/j\/.*/, '/staff'));
      const code = new URL(server.joinUrl).pathname.split('/')[2];
      // The open workshop's page is the one that shows its join code.
      let workshopPath = null;
      for (const href of await staff.locator('main a[href^="/staff/workshops/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')))) {
        const res = await staffContext.request.get(url(href));
        if ((await res.text()).includes(`/j/${code}`)) { workshopPath = href; break; }
      }
      assert.ok(workshopPath, 'found the open workshop');
      await staff.goto(url(workshopPath));
      await go(staff, staff.getByRole('link', { name: 'Væggen til projektoren' }));
      // The demo's wall has a link; a new one replaces it, and the old one stops working.
      const demoLink = await staff.locator('main a[href*="/v/"]').getAttribute('href');
      await go(staff, staff.getByRole('button', { name: 'Lav et nyt link (det gamle holder op med at virke)' }));
      await checkPage(staff, 'wall control page with a new link');
      const wallLink = await staff.locator('main a[href*="/v/"]').getAttribute('href');
      assert.notEqual(wallLink, demoLink);
      assert.equal((await staffContext.request.get(demoLink)).status(), 404, 'the old link is closed');

      const wallContext = await newContext(browser, { viewport: { width: 1280, height: 720 } });
      const wall = await wallContext.newPage();
      await visit(wall, new URL(wallLink).pathname, 'wall at 1280 × 720');
      await wall.evaluate(() => { window.notReloaded = true; });

      const words = `Et svar til væggen ${stamp}`;
      const phoneContext = await newContext(browser, { viewport: PHONE });
      const phone = await phoneContext.newPage();
      await phone.goto(server.joinUrl);
      await go(phone, phone.locator('main form[action$="/start"] button'));
      await phone.locator('main form #answer').fill(words);
      await go(phone, phone.locator('button[value="save"]'));

      // The moderation list gets the new answer by itself; the wall does not show it yet.
      await staff.getByText(words).first().waitFor({ timeout: 10_000 });
      covered.set('/staff/workshops/{id}/wall/events', 'not-html');
      assert.equal(await wall.getByText(words).count(), 0, 'nothing on the wall before it is let through');
      await go(staff, staff.getByRole('button', { name: new RegExp(`^Vis på væggen\\s*: ${words}$`) }));
      await wall.getByText(words).waitFor({ timeout: 10_000 });
      assert.equal(await wall.evaluate(() => window.notReloaded), true, 'the wall was not reloaded');
      covered.set('/v/{token}/events', 'not-html');
      await checkPage(wall, 'wall with a card let through');
      await wall.screenshot({ path: path.join(shots, 'wall-1280x720.png') });
      await wall.setViewportSize({ width: 1920, height: 1080 });
      await wall.screenshot({ path: path.join(shots, 'wall-1920x1080.png') });

      // The board says that new answers came (it is never redrawn under someone's hands).
      const wid = workshopPath.split('/').pop();
      await staff.goto(url('/staff'));
      let boardPath = null;
      for (const href of await staff.locator('main a[href$="/board"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')))) {
        if ((await (await staffContext.request.get(url(href))).text()).includes(wid)) { boardPath = href; break; }
      }
      assert.ok(boardPath, 'found the board of the open workshop');
      const board = await staffContext.newPage();
      await board.goto(url(boardPath));
      // The answers page follows too.
      await staff.goto(url(`${workshopPath}/answers`));
      await staff.evaluate(() => { window.notReloaded = true; });
      const more = `Endnu et svar ${stamp}`;
      const second = await (await newContext(browser, { viewport: PHONE })).newPage();
      await second.goto(server.joinUrl);
      await go(second, second.locator('main form[action$="/start"] button'));
      await second.locator('main form #answer').fill(more);
      await go(second, second.locator('button[value="save"]'));
      await staff.getByText(more).first().waitFor({ timeout: 10_000 });
      assert.equal(await staff.evaluate(() => window.notReloaded), true, 'the answers page was not reloaded');
      covered.set('/staff/workshops/{id}/answers/events', 'not-html');
      await board.getByText('Der er kommet 1 nyt svar, siden du åbnede tavlen.').waitFor({ timeout: 10_000 });
      await checkPage(board, 'board with the new-answers notice');
      covered.set('/staff/topics/{id}/board/events', 'not-html');
      await context_close(staffContext, wallContext, phoneContext, second.context());
      assertNoProblems();
    });

    test('route inventory: every GET route is covered', async () => {
      // The routes that do not answer with HTML are requested here and must not be HTML.
      const context = await newContext(browser);
      const page = await context.newPage();
      await page.goto(server.joinUrl);
      const code = new URL(page.url()).pathname.split('/')[2];
      const stylesheet = await page.locator('link[rel=stylesheet]').getAttribute('href');
      for (const p of ['/healthz', stylesheet, `/j/${code}/qr.svg`]) {
        const res = await context.request.get(url(p));
        assert.equal(res.status(), 200, p);
        assert.ok(!res.headers()['content-type'].startsWith('text/html'), `${p} is not HTML`);
        covered.set(routeOf(p), 'not-html');
      }
      await context.close();
      const missing = ROUTES.filter((r) => !covered.has(r));
      assert.deepEqual(missing, [], `GET routes no browser test covered: ${missing.join(', ')}`);
      const htmlAsNotHtml = [...covered].filter(([r, how]) => how === 'not-html' && !(r in NOT_HTML) && r !== '/staff/export/download');
      assert.deepEqual(htmlAsNotHtml, [], 'only the listed routes may skip axe');
      assert.ok(covered.get('/staff/export/download') === 'axe', 'the printable export page got axe too');
    });
  });
}
