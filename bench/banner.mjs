// `npm run bench:banner`: how soon the banner is visible, Consentry against
// vanilla-cookieconsent on the same page, in the same Chromium, loads interleaved.
// For each load: navigation → banner visible, and first contentful paint → banner visible.
// "Visible" is the start time of the first animation frame in which the banner box has a
// size, is not `visibility: hidden` and has an opacity above 0 (vanilla-cookieconsent fades
// in). FCP is the paint time of its frame, so a banner painted in the very frame of FCP
// comes out slightly negative ("FCP → visible" ≤ 0 means: in the first contentful paint).
// Needs `npm run build`. Options: --runs=N (default 21), --cpu=N (CPU slow-down, default 1).
import { createServer } from 'node:http'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'
// The flags are the scanner's, from the build (`npm run build`).
import { CHROMIUM_FLAGS } from '../dist/cli/scan.mjs'
import { sendText, serveStatic } from '../scripts/static.mjs'

const arg = (name, fallback) =>
  Number((process.argv.find((a) => a.startsWith(`--${name}=`)) || '').split('=')[1] || fallback)
const RUNS = arg('runs', 21)
const CPU = arg('cpu', 1)
const root = (dir) => fileURLToPath(new URL('../' + dir, import.meta.url))

const content = `<main><h1>Spring range</h1>${'<p>Tents, packs and boots tested on real trails. Free returns for 60 days, repairs for life, and a shop that answers the phone.</p>'.repeat(18)}</main>`
const page = (head, tail = '') =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>Bench</title>${head}</head><body>${content}${tail}</body></html>`

const PAGES = {
  consentry: page('<script src="/dist/consentry.iife.js"></script>'),
  // As its documentation sets it up: the stylesheet in <head>, the script and run() at the end of <body>.
  'vanilla-cookieconsent': page(
    '<link rel="stylesheet" href="/vcc/cookieconsent.css">',
    `<script src="/vcc/cookieconsent.umd.js"></script><script>
CookieConsent.run({
  hideFromBots: false, // it would otherwise stay hidden from an automated browser
  categories: { necessary: { enabled: true, readOnly: true }, analytics: {}, marketing: {} },
  language: { default: 'en', translations: { en: {
    consentModal: { title: 'Cookie consent', description: 'We use cookies for statistics and ads, but only if you agree.', acceptAllBtn: 'Accept all', acceptNecessaryBtn: 'Reject all', showPreferencesBtn: 'Settings' },
    preferencesModal: { title: 'Cookie settings', acceptAllBtn: 'Accept all', acceptNecessaryBtn: 'Reject all', savePreferencesBtn: 'Save settings', sections: [] } } } }
})</script>`,
  ),
}

const BANNER = {
  consentry: "document.querySelector('consentry-ui')?.shadowRoot?.querySelector('section')",
  'vanilla-cookieconsent': "document.querySelector('#cc-main .cm')",
}

/** Polls every frame from the first one on; stores the time of the first frame showing the banner. */
const watch = (selector) => `(() => {
  const visible = (el) => { if (!el) return false; const r = el.getBoundingClientRect(), s = getComputedStyle(el); return r.width > 0 && r.height > 0 && s.visibility != 'hidden' && Number(s.opacity) > 0 }
  const tick = (time) => visible(${selector}) ? (window.__visible = time) : requestAnimationFrame(tick)
  requestAnimationFrame(tick)
})()`

const server = createServer(async (req, res) => {
  const path = new URL(req.url, 'http://x').pathname.slice(1)
  if (PAGES[path]) {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' })
    return res.end(PAGES[path])
  }
  const mounts = [
    { prefix: '/dist/', dir: root('dist') },
    { prefix: '/vcc/', dir: root('node_modules/vanilla-cookieconsent/dist') },
  ]
  if (!(await serveStatic(mounts, req, res))) sendText(res, 404, 'Not found')
})
await new Promise((done) => server.listen(0, '127.0.0.1', done))
const origin = `http://127.0.0.1:${server.address().port}`
const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  args: CHROMIUM_FLAGS,
})

async function load(name) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
  await context.addInitScript(watch(BANNER[name]))
  const tab = await context.newPage()
  tab.on('pageerror', (e) => console.error(name, String(e)))
  if (CPU > 1) await (await context.newCDPSession(tab)).send('Emulation.setCPUThrottlingRate', { rate: CPU })
  await tab.goto(`${origin}/${name}`)
  await tab
    .waitForFunction(
      () => window.__visible !== undefined && performance.getEntriesByName('first-contentful-paint').length,
      null,
      { timeout: 30_000 },
    )
    .catch((error) => {
      throw new Error(`${name}: no visible banner and FCP within 30 s (${error.message})`)
    })
  const [visible, fcp] = await tab.evaluate(() => [
    window.__visible,
    performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
  ])
  await context.close()
  return { visible, afterFcp: visible - fcp }
}

const results = Object.fromEntries(Object.keys(PAGES).map((name) => [name, []]))
await load('consentry') // warm up the browser and the server once
await load('vanilla-cookieconsent')
for (let i = 0; i < RUNS; i++) for (const name of Object.keys(PAGES)) results[name].push(await load(name))
await browser.close()
server.close()

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2
}
const ms = (x) => x.toFixed(1).padStart(7) + ' ms'
console.log(`${RUNS} loads each, interleaved, CPU slow-down ×${CPU}, medians:`)
console.log('                         navigation → visible   FCP → visible')
const summary = {}
for (const [name, runs] of Object.entries(results)) {
  summary[name] = { visible: median(runs.map((r) => r.visible)), afterFcp: median(runs.map((r) => r.afterFcp)) }
  console.log(`${name.padEnd(24)} ${ms(summary[name].visible)}            ${ms(summary[name].afterFcp)}`)
}
const [a, b] = [summary.consentry, summary['vanilla-cookieconsent']]
const inFirstPaint = (name) => results[name].filter((r) => r.afterFcp <= 1).length
console.log(
  `banner in the first contentful paint: consentry ${inFirstPaint('consentry')}/${RUNS}, vanilla-cookieconsent ${inFirstPaint('vanilla-cookieconsent')}/${RUNS}`,
)
console.log(
  `vanilla-cookieconsent takes ${(b.visible / a.visible).toFixed(2)}× as long from navigation to a visible banner, ${(b.afterFcp - a.afterFcp).toFixed(1)} ms more after FCP`,
)
