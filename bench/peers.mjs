// `npm run bench`: Consentry side by side with its peers (vanilla-cookieconsent, Orejime, Klaro)
// in real Chromium, on the same shop page with the same four categories and texts: a fresh
// browser context per load, loads interleaved round-robin (the order rotates each round), one
// warm-up load per page, all JS and CSS served brotli-compressed. Methods: README.md, "Benchmark";
// the parts are in bench/peers/. Writes the tables to stdout and to bench/RESULTS.md.
// Options: --runs=N loads per library (default 15), --quick (5 runs), --cpu=N (only that CPU
// slow-down; default 1× then 4×), --returning (also a returning visitor who accepted all).
// Needs `npm run build` (`npm run bench` does it). CHROME_PATH picks the browser.
import { writeFileSync } from 'node:fs'
import os from 'node:os'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'
import { BASELINE, LIBRARIES } from './peers/libraries.mjs'
import { measureLoad } from './peers/load.mjs'
import { FIRST_VISIT, RETURNING } from './peers/metrics.mjs'
import { CATEGORIES } from './peers/page.mjs'
import { bannerVisible, firstContentfulPaint, loaded } from './peers/probe.mjs'
import { baselineMainThread, table } from './peers/report.mjs'
import { measureReturning } from './peers/returning.mjs'
import { startServer } from './peers/server.mjs'
import { freshTabs } from './peers/tabs.mjs'

const flag = (name) => process.argv.some((a) => a == `--${name}`)
const option = (name) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1]
const RUNS = Number(option('runs')) || (flag('quick') ? 5 : 15)
const FACTORS = option('cpu') ? [Number(option('cpu'))] : [1, 4]
const RESULTS = fileURLToPath(new URL('RESULTS.md', import.meta.url))
const OPTIONAL = CATEGORIES.filter((c) => c != 'necessary')
const started = Date.now()
const loadAtStart = os.loadavg()[0]

const server = await startServer(Object.assign({}, ...LIBRARIES.map((l) => l.files)), (path) =>
  [BASELINE, ...LIBRARIES].find((l) => path == '/' + l.name)?.page(),
)
const PAGES = [BASELINE, ...LIBRARIES].map((library) => ({
  ...library,
  url: `${server.origin}/${library.name}`,
  target: {
    name: library.name,
    files: Object.keys(library.files).map((path) => server.origin + path),
    // The baseline has no banner: its window ends at its first contentful paint.
    ready: library.banner ? bannerVisible(library.banner) : firstContentfulPaint,
    stop: library.stop,
  },
  // The tag-blocker's cost is measured where there is one, against the page without a library.
  insertion: library == BASELINE || library.dynamicBlocker,
}))

// Playwright gives every launch a fresh temporary profile (its own --user-data-dir).
const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  args: [
    '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync',
    '--host-resolver-rules=MAP * 127.0.0.1', // the inserted view names other hosts: keep every request on this machine
  ],
})

const tabs = freshTabs(browser)
const problems = new Set()
const shifts = new Set()
/** Notes what a load should not have shown: errors, missing files, extra requests, tags run without consent, a banner shown again. */
function check(name, { errors, missing, others, ran, moved = [], bannerShown }, firstVisit, cpu) {
  for (const what of moved) shifts.add(`${name} at ${cpu}×: ${what}`)
  for (const error of errors) problems.add(`${name}: page error ${error}`)
  for (const url of missing) problems.add(`${name}: ${url} was not loaded`)
  for (const url of others) problems.add(`${name}: also loaded ${url}`)
  if (firstVisit) for (const category of ran.filter((c) => OPTIONAL.includes(c))) problems.add(`${name}: the ${category} tag ran before any consent`)
  if (bannerShown) problems.add(`${name}: the banner showed again for a returning visitor`)
}

const SCENARIOS = [
  {
    title: 'first visit',
    metrics: FIRST_VISIT,
    load: (page, cpu, screenshot) => measureLoad(tabs, page.url, page.target, { cpu, insertion: page.insertion, screenshot }),
  },
  {
    title: 'returning visitor who accepted all',
    metrics: RETURNING,
    load: (page, cpu) =>
      page.name == BASELINE.name
        ? measureLoad(tabs, page.url, { ...page.target, ready: loaded }, { cpu })
        : measureReturning(browser, page.url, page.target, page.acceptAll, { cpu }),
  },
].slice(0, flag('returning') ? 2 : 1)

/** One scenario at one CPU factor: a warm-up load per page, then RUNS rounds of one load per page. */
async function run(scenario, cpu) {
  const firstVisit = scenario == SCENARIOS[0]
  const necessaryRan = new Set()
  const load = async (page, screenshot) => {
    const { record, checks } = await scenario.load(page, cpu, screenshot)
    check(page.name, checks, firstVisit, cpu)
    if (checks.ran.includes('necessary')) necessaryRan.add(page.name)
    return record
  }
  for (const page of PAGES) await load(page, firstVisit && cpu == FACTORS[0] && `${os.tmpdir()}/consentry-bench-${page.name}.png`)
  const rounds = []
  for (let r = 0; r < RUNS; r++) {
    const round = {}
    for (let i = 0; i < PAGES.length; i++) {
      const page = PAGES[(i + r) % PAGES.length]
      round[page.name] = await load(page)
    }
    rounds.push(round)
    process.stderr.write(`\r${scenario.title}, CPU ${cpu}×: round ${r + 1}/${RUNS} `)
  }
  process.stderr.write('\n')
  return { scenario, cpu, rounds, necessaryRan }
}

const results = []
for (const scenario of SCENARIOS) for (const cpu of FACTORS) results.push(await run(scenario, cpu))
await tabs.close()
await browser.close()
await server.close()

const section = ({ scenario, cpu, rounds }) =>
  [
    `### ${scenario.title[0].toUpperCase() + scenario.title.slice(1)}, CPU ${cpu}× ${cpu == 1 ? '(this machine)' : '(Chromium CPU throttling, like a mid-range phone)'}`,
    '',
    table(rounds, scenario.metrics, LIBRARIES, BASELINE),
    '',
    `The no-library page's own main-thread tasks in its window: ${baselineMainThread(rounds).toFixed(1)} ms (median).`,
    '',
  ].join('\n')

const cpus = os.cpus()
const minutes = ((Date.now() - started) / 60_000).toFixed(1)
const necessaryRan = LIBRARIES.filter((l) => results[0].necessaryRan.has(l.name)).map((l) => l.label)
const markdown = [
  '## Benchmark: Consentry and its peers',
  '',
  `Measured by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}: ${cpus[0].model.trim()}, ${cpus.length} cores, ` +
    `${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.type()} ${os.release()} (load average ${loadAtStart.toFixed(1)} at the start, ` +
    `${os.loadavg()[0].toFixed(1)} at the end); Chromium ${browser.version()}; ${RUNS} loads per page, scenario and CPU factor, ` +
    `interleaved (${minutes} min in all).`,
  '',
  "Each cell: median (min–max) over the loads; for a peer, `N×` is the median of its per-round ratios to Consentry (above 1: the peer costs more), or, where Consentry's value can be zero or negative, the median per-round difference.",
  '',
  ...results.map(section),
  `Sanity checks: no ${OPTIONAL.join(', ')} tag ran before consent on any page${problems.size ? ', except as listed' : ''}; ` +
    `on a first visit the \`necessary\` tag ran before any choice with ${necessaryRan.join(', ') || 'none'}.`,
  ...[...problems].map((p) => `- ${p}`),
  ...(shifts.size ? ['', 'Layout shifts counted in the CLS rows, each as the element that moved, its box before → after (x, y, width, height):', ...[...shifts].map((s) => `- ${s}`)] : []),
  '',
].join('\n')
console.log(markdown)
writeFileSync(RESULTS, markdown)
console.error(`wrote ${RESULTS}; screenshots of the first warm-up loads: ${os.tmpdir()}/consentry-bench-*.png; ${minutes} min`)
