// `npm run screenshots`: PNGs of the banner, the settings dialog and the dialog with the cookie
// declaration open (after a decision: the consent id shows) on the example site — desktop,
// 320 px wide, dark, right to left — into docs/screenshots/ for the README and docs/declaration.md.
// Needs `npm run build` first (loads dist/consentry.iife.js like a real page).
import { createServer } from 'node:http'
import { readFile, mkdir } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'
// The flags are the scanner's, from the build (`npm run build`).
import { CHROMIUM_FLAGS } from '../dist/cli/scan.mjs'
import { sendText, serveStatic } from './static.mjs'

const root = (dir) => fileURLToPath(new URL('../' + dir, import.meta.url))
const OUT = root('docs/screenshots')
const MOUNTS = [
  { prefix: '/dist/', dir: root('dist') },
  { prefix: '/examples/', dir: root('examples') },
]

/** The example site, set to `lang`/`dir`, with a policy link and optional language file. */
async function sitePage(lang) {
  let html = await readFile(root('examples/index.html'), 'utf8')
  html = html.replace('"revision": 1,', '"revision": 1, "policyUrl": "/privacy",')
  if (lang != 'en') {
    html = html
      .replace('<html lang="en">', `<html lang="${lang}" dir="rtl">`)
      .replace('<script src="/dist/consentry.iife.js">', `<script src="/dist/i18n/${lang}.js"></script>\n  $&`)
  }
  return html
    .replaceAll('href="site.css"', 'href="/examples/site.css"')
    .replaceAll('src="status.js"', 'src="/examples/status.js"')
}

const server = createServer(async (req, res) => {
  const path = new URL(req.url, 'http://x').pathname
  if (path == '/site-en' || path == '/site-ar') {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' })
    return res.end(await sitePage(path.slice(6)))
  }
  if (!(await serveStatic(MOUNTS, req, res))) sendText(res, 404, 'Not found')
})
await new Promise((done) => server.listen(0, '127.0.0.1', done))
const origin = `http://127.0.0.1:${server.address().port}`

const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  args: CHROMIUM_FLAGS,
})

const SHOTS = [
  { name: 'desktop', viewport: { width: 1280, height: 800 } },
  { name: 'mobile-320', viewport: { width: 320, height: 640 }, full: true },
  { name: 'dark', viewport: { width: 1280, height: 800 }, colorScheme: 'dark' },
  { name: 'mobile-320-dark', viewport: { width: 320, height: 640 }, full: true, colorScheme: 'dark' },
  { name: 'rtl', viewport: { width: 1280, height: 800 }, lang: 'ar' },
]

/** The element with a margin of page around it, inside the viewport: README-sized PNGs. */
async function around(page, locator, margin = 48) {
  const box = await locator.boundingBox()
  const { width, height } = page.viewportSize()
  const x = Math.max(0, box.x - margin)
  const y = Math.max(0, box.y - margin)
  return {
    x,
    y,
    width: Math.min(width, box.x + box.width + margin) - x,
    height: Math.min(height, box.y + box.height + margin) - y,
  }
}

await mkdir(OUT, { recursive: true })
for (const shot of SHOTS) {
  const context = await browser.newContext({
    viewport: shot.viewport,
    colorScheme: shot.colorScheme ?? 'light',
    reducedMotion: 'reduce',
  })
  const page = await context.newPage()
  await page.goto(`${origin}/site-${shot.lang ?? 'en'}`)
  const banner = page.locator('consentry-ui [part=banner]')
  await banner.waitFor()
  await page.screenshot({
    path: `${OUT}/banner-${shot.name}.png`,
    clip: shot.full ? undefined : await around(page, banner),
  })
  await banner.locator('[part~=settings]').click()
  const dialog = page.locator('consentry-ui dialog')
  await dialog.waitFor()
  await page.screenshot({
    path: `${OUT}/dialog-${shot.name}.png`,
    clip: shot.full ? undefined : await around(page, dialog),
  })
  // The declaration: decide, reopen from the footer, open every disclosure, show the first table.
  await dialog.locator('[part~=reject]').click()
  await page.locator('[data-consentry-settings]').first().click()
  for (const summary of await dialog.locator('summary').all()) await summary.click()
  await dialog
    .locator('[part~=category]')
    .nth(1)
    .evaluate((el) => el.scrollIntoView())
  await page.screenshot({
    path: `${OUT}/declaration-${shot.name}.png`,
    clip: shot.full ? undefined : await around(page, dialog),
  })
  await context.close()
  console.log(`docs/screenshots/{banner,dialog,declaration}-${shot.name}.png`)
}
await browser.close()
server.close()
