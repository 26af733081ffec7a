// Main-thread cost of the tag-blocker on a page that inserts 2,000 mixed elements after load
// (an SPA view: text, links, images, lists, a few gated images and scripts), measured in real
// Chromium with and without the SDK in the same run, alternating, several runs, medians.
// Three clocks: script time in the page (insertion + patched setters + the MutationObserver
// callback, which runs before the awaiting continuation; the fastest of four renderings per page
// load), and over one more rendering Chromium's TaskDuration (everything on the main thread:
// style, layout, paint) and ThreadTime (the main thread's CPU time). "added" is the median of the
// paired differences: runs alternate, so each pair shares the machine's state.
// Usage: npm run bench:blocker   (RUNS=21 for more runs; CHROME_PATH to pick the browser;
// SDK=path/to/build.iife.js to measure another build than dist/consentry.iife.js)
import { createServer } from 'node:http'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'
// The flags are the scanner's, from the build (`npm run build`).
import { CHROMIUM_FLAGS } from '../dist/cli/scan.mjs'
import { serveFile, serveStatic } from '../scripts/static.mjs'
import { NODES, countInserted, insertNodesScript } from './insert-nodes.mjs'

const RUNS = Number(process.env.RUNS) || 15
const dist = fileURLToPath(new URL('../dist/', import.meta.url))

const CONFIG = {
  categories: {
    analytics: { cookies: ['_ga', '/^_ga_/'], block: ['googletagmanager.com', 'google-analytics.com'] },
    marketing: { cookies: ['_fbp'], block: ['connect.facebook.net', '/doubleclick\\.net/'] },
  },
}

const page = (sdk) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench</title>
${sdk ? `<script type="application/json" id="consentry-config">${JSON.stringify(CONFIG)}</script><script src="/dist/consentry.iife.js"></script>` : ''}
</head><body><main id="app"></main><script>
${insertNodesScript(NODES)}
</script></body></html>`

const server = createServer(async (req, res) => {
  const path = new URL(req.url, 'http://x').pathname
  if (path == '/with' || path == '/without') {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' })
    return res.end(page(path == '/with'))
  }
  if (path.startsWith('/img/')) return res.writeHead(204, { 'Cache-Control': 'max-age=3600' }).end()
  if (path == '/dist/consentry.iife.js' && process.env.SDK) return serveFile(process.env.SDK, req, res)
  if (!(await serveStatic([{ prefix: '/dist/', dir: dist }], req, res))) res.writeHead(404).end()
})
await new Promise((done) => server.listen(0, '127.0.0.1', done))
const origin = `http://127.0.0.1:${server.address().port}`

const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  args: [...CHROMIUM_FLAGS, '--host-resolver-rules=MAP * 127.0.0.1'],
})

async function measure(variant) {
  const context = await browser.newContext()
  const tab = await context.newPage()
  const cdp = await context.newCDPSession(tab)
  await cdp.send('Performance.enable')
  await tab.goto(`${origin}/${variant}`)
  await tab.waitForTimeout(200)
  const metric = async (name) => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name == name).value
  const script = await tab.evaluate(() => window.runs(4))
  await tab.evaluate(() => document.getElementById('app').replaceChildren())
  const [task0, cpu0] = [await metric('TaskDuration'), await metric('ThreadTime')]
  await tab.evaluate(() => window.run())
  await tab.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done))))
  const [task, cpu] = [(await metric('TaskDuration')) - task0, (await metric('ThreadTime')) - cpu0]
  const count = await tab.evaluate(countInserted)
  if (count != NODES) throw new Error(`inserted ${count} elements, expected ${NODES}`)
  await context.close()
  return { script, task: task * 1000, cpu: cpu * 1000 }
}

const results = { with: [], without: [] }
await measure('with') // warm-up: the first page pays for starting the renderer
for (let i = 0; i < RUNS; i++) {
  results.without.push(await measure('without'))
  results.with.push(await measure('with'))
}
await browser.close()
server.close()

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}
const ms = (n) => n.toFixed(2).padStart(7) + ' ms'
console.log(`${NODES} elements inserted after load, ${RUNS} runs each, medians (Chromium ${browser.version()})`)
const labels = { script: 'script time  ', task: 'main thread  ', cpu: 'main-thread CPU' }
for (const clock of ['script', 'task', 'cpu']) {
  const without = median(results.without.map((r) => r[clock]))
  const withSdk = median(results.with.map((r) => r[clock]))
  const added = (median(results.with.map((r, i) => r[clock] - results.without[i][clock])) * 1000) / NODES
  console.log(
    `${labels[clock].padEnd(15)} without ${ms(without)}   with SDK ${ms(withSdk)}   added ${ms(added)} per 1,000 nodes   ratio ${(withSdk / without).toFixed(2)}`,
  )
}
