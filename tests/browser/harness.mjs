// Shared pieces of the browser suite: the real deltag binary on a fresh database, Debian's
// Chromium through playwright-core, axe-core, and the route inventory read from the server's own route table.
import { spawn, execFileSync } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { readFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
export const repo = path.resolve(here, '..', '..');
const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export const CHROMIUM = process.env.DELTAG_CHROMIUM || '/usr/bin/chromium';
export const BIN = process.env.DELTAG_BIN || path.join(repo, 'target', 'debug', 'deltag');
export const SCREENSHOTS = path.join(here, 'screenshots');

/// The database backends to run on: SQLite always, PostgreSQL when the test URL is set.
export function backends() {
  const list = ['sqlite'];
  if (process.env.DELTAG_TEST_POSTGRES_URL) list.push('postgres');
  return list;
}

function psql(url, sql) {
  execFileSync('psql', [url, '-v', 'ON_ERROR_STOP=1', '-qAtc', sql], { stdio: 'pipe' });
}

/// A fresh database for one backend; `drop()` removes it afterwards.
export function freshDatabase(backend) {
  const name = `deltag_browser_${process.pid}_${Date.now()}`;
  if (backend === 'sqlite') {
    const dir = mkdtempSync(path.join(tmpdir(), 'deltag-browser-'));
    return { url: `sqlite://${dir}/deltag.db`, drop: () => rmSync(dir, { recursive: true, force: true }) };
  }
  const admin = new URL(process.env.DELTAG_TEST_POSTGRES_URL);
  psql(admin.href, `CREATE DATABASE ${name}`);
  const url = new URL(admin.href);
  url.pathname = `/${name}`;
  url.searchParams.set('sslmode', 'disable');
  return {
    url: url.href,
    drop: () => psql(admin.href, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

/// Runs the deltag CLI and returns its standard output.
export function cli(databaseUrl, args, input) {
  return execFileSync(BIN, ['--database-url', databaseUrl, ...args], {
    encoding: 'utf8',
    input,
    env: { ...process.env, RUST_LOG: 'warn' },
  });
}

/// Starts `deltag serve --demo` on a free port and reads the demo's accounts from its output.
export async function startServer(databaseUrl) {
  // Without the e5 model: the suite runs the debug build, where embedding the demo's answers
  // would keep a core busy for minutes under every page it times. The board's suggestions are
  // the same markup on the TF-IDF path, so the pages are checked all the same; the model's own
  // behaviour is tested in tests/api/guesses.rs.
  const { DELTAG_MODEL_PATH: _model, ...env } = process.env;
  if (process.env.DELTAG_BROWSER_MODEL) env.DELTAG_MODEL_PATH = process.env.DELTAG_BROWSER_MODEL;
  const child = spawn(BIN, ['--database-url', databaseUrl, 'serve', '--demo', '--bind', '127.0.0.1:0', '--workers', '2'], {
    env: { ...env, RUST_LOG: 'warn', DELTAG_A11Y_EMAIL: 'tilgaengelighed@example.dk', DELTAG_A11Y_PHONE: '33 33 33 33' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  const base = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`deltag did not start:\n${out}`)), 120_000);
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const m = out.match(/deltag is running at (http:\/\/[^\s/]+)\//);
      if (m) { clearTimeout(timer); resolve(m[1]); }
    });
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`deltag exited ${code}:\n${out}`)); });
  });
  const account = (role) => {
    const m = out.match(new RegExp(`${role} login:\\s+(\\S+) / (\\S+)`));
    if (!m) throw new Error(`no ${role} account in:\n${out}`);
    return { email: m[1], password: m[2] };
  };
  const join = out.match(/open workshop\): (\S+)/);
  return {
    base,
    facilitator: account('Facilitator'),
    admin: account('Admin'),
    joinUrl: join ? join[1] : null,
    stop: () => new Promise((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', resolve);
      child.kill('SIGTERM');
    }),
  };
}

export async function launchBrowser() {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

export const PHONE = { width: 320, height: 640 };
export const DESKTOP = { width: 1280, height: 900 };

/// A browser context. `javaScriptEnabled: false` for the no-JavaScript journey. CSP stays on
/// except where axe is injected (axe is an inline script; the product's CSP rightly blocks it).
export async function newContext(browser, { viewport = DESKTOP, javaScriptEnabled = true, locale = 'da-DK', axe = true } = {}) {
  return browser.newContext({
    viewport,
    javaScriptEnabled,
    locale,
    bypassCSP: axe && javaScriptEnabled,
    acceptDownloads: true,
    extraHTTPHeaders: { 'Accept-Language': locale },
  });
}

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/// Runs axe-core on the page; returns the violations (WCAG 2.0/2.1/2.2 A and AA).
export async function axeViolations(page) {
  const loaded = await page.evaluate(() => typeof window.axe !== 'undefined');
  if (!loaded) await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(async (tags) => {
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')} :: ${n.failureSummary.replace(/\s+/g, ' ')}`),
    }));
  }, AXE_TAGS);
  return result;
}

/// Where focus is after a page change: 'h1', 'error-summary' or a description of the element.
export async function focusTarget(page) {
  // Autofocus is applied when the page is first rendered: wait two frames.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return 'body';
    if (el.tagName === 'H1') return 'h1';
    if (el.classList.contains('error-summary')) return 'error-summary';
    return `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}${el.className ? '.' + el.className : ''}`;
  });
}

/// True when the page is wider than the viewport (read through the DevTools protocol, so it
/// works with JavaScript off too).
export async function scrollsSideways(page) {
  const cdp = await page.context().newCDPSession(page);
  const m = await cdp.send('Page.getLayoutMetrics');
  await cdp.detach();
  return { content: m.cssContentSize.width, viewport: m.cssLayoutViewport.clientWidth, sideways: m.cssContentSize.width > m.cssLayoutViewport.clientWidth + 0.5 };
}

/// Every GET route the server registers, from its own route table (`deltag routes --json`).
export function getRoutes() {
  const table = JSON.parse(execFileSync(BIN, ['routes', '--json'], { encoding: 'utf8' }));
  return [...new Set(table.filter((r) => r.method === 'GET').map((r) => r.path))].sort();
}

/// The route pattern a path belongs to (`/j/12345678/q/2` → `/j/{code}/q/{position}`).
export function matcher(routes) {
  const compiled = routes.map((r) => ({
    route: r,
    re: new RegExp('^' + r.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+') + '$'),
  }));
  return (pathname) => {
    const hit = compiled.find((c) => c.re.test(pathname));
    return hit ? hit.route : null;
  };
}

/// Presses Tab until `locator`'s element has focus (at most `limit` presses); proves it can
/// be reached by keyboard.
export async function tabTo(page, locator, limit = 250) {
  const handle = await locator.elementHandle();
  for (let i = 0; i < limit; i++) {
    if (await handle.evaluate((el) => el === document.activeElement)) return i;
    await page.keyboard.press('Tab');
  }
  const now = await focusTarget(page);
  throw new Error(`could not reach ${locator} by Tab (focus is on ${now})`);
}

export function screenshotDir(backend) {
  const dir = path.join(SCREENSHOTS, backend);
  mkdirSync(dir, { recursive: true });
  return dir;
}

/// The bytes of RFC 4648 base32 text (spaces and padding ignored).
function base32Bytes(text) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = 0;
  let value = 0;
  const out = [];
  for (const c of text.toUpperCase().replace(/[\s=]/g, '')) {
    const i = alphabet.indexOf(c);
    if (i < 0) throw new Error(`not base32: ${c}`);
    value = (value << 5) | i;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      out.push((value >>> bits) & 0xff);
    }
  }
  return Buffer.from(out);
}

/// The six-digit code an authenticator app shows for `secret` (base32) in time step `step`
/// (Unix seconds / 30): RFC 6238 with HMAC-SHA-1 and RFC 4226's dynamic truncation, written
/// here from the RFCs so the suite checks the server against an independent implementation.
export function totp(secret, step) {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const mac = createHmac('sha1', base32Bytes(secret)).update(counter).digest();
  const offset = mac[mac.length - 1] & 0x0f;
  return String((mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, '0');
}

/// A code of `account` ({ secret, lastStep }) the server has not accepted yet: the current
/// step's, or the next one's when the current was used (the server takes one step either
/// side), or it waits for time to pass. The server accepts each step once.
export async function freshCode(account) {
  for (;;) {
    const now = Math.floor(Date.now() / 30_000);
    const step = Math.max(now, (account.lastStep ?? -1) + 1);
    if (step <= now + 1) {
      account.lastStep = step;
      return totp(account.secret, step);
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}
