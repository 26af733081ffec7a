// `npm run bench`: Consentry side by side with its peers (vanilla-cookieconsent, Orejime, Klaro)
// in real Chromium, on the same shop page with the same four categories and texts: a fresh
// browser context per load, loads interleaved round-robin (the order rotates each round), one
// warm-up load per page, all JS and CSS served brotli-compressed. Methods: README.md, "Benchmark";
// the parts are in bench/peers/. Writes the tables to stdout and to bench/RESULTS.md.
// Sections: the first visit, a returning visitor who accepted all (and what of each library's
// code such a visit evaluates), the cost of a click on the banner's and footer's controls (INP),
// and LCP on the same page with a real image hero.
// Options: --runs=N loads per library (default 15), --quick (5 runs), --cpu=N (only that CPU
// slow-down; default 1× then 4×), --only=first,returning,interaction,lcp (those sections; default
// all), --libraries=consentry,klaro (those libraries only; the no-library page always loads).
// Needs `npm run build` (`npm run bench` does it). CHROME_PATH picks the browser.
import { writeFileSync } from 'node:fs'
import os from 'node:os'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'
// The flags are the scanner's, from the build (`npm run build`).
import { CHROMIUM_FLAGS } from '../dist/cli/scan.mjs'
import { measureCoverage } from './peers/coverage.mjs'
import { heroPng } from './peers/hero.mjs'
import { ACTIONS, measureInteraction } from './peers/interaction.mjs'
import { measureLcp } from './peers/lcp.mjs'
import { BASELINE, LIBRARIES as ALL_LIBRARIES } from './peers/libraries.mjs'
import { measureLoad } from './peers/load.mjs'
import { FIRST_VISIT, INTERACTION, LCP, RETURNING } from './peers/metrics.mjs'
import { CATEGORIES } from './peers/page.mjs'
import { bannerVisible, firstContentfulPaint, loaded } from './peers/probe.mjs'
import { baselineMainThread, table } from './peers/report.mjs'
import { median } from './peers/stats.mjs'
import { measureReturning } from './peers/returning.mjs'
import { startServer } from './peers/server.mjs'
import { freshTabs } from './peers/tabs.mjs'

const flag = (name) => process.argv.some((a) => a == `--${name}`)
const option = (name) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1]
const RUNS = Number(option('runs')) || (flag('quick') ? 5 : 15)
const FACTORS = option('cpu') ? [Number(option('cpu'))] : [1, 4]
const SECTIONS = option('only')?.split(',') ?? ['first', 'returning', 'interaction', 'lcp']
const LIBRARIES = option('libraries')
  ? ALL_LIBRARIES.filter((l) => option('libraries').split(',').includes(l.name))
  : ALL_LIBRARIES
const RESULTS = fileURLToPath(new URL('RESULTS.md', import.meta.url))
const OPTIONAL = CATEGORIES.filter((c) => c != 'necessary')
const started = Date.now()
const loadAtStart = os.loadavg()[0]

const HERO = `${os.tmpdir()}/consentry-bench-hero.png`
writeFileSync(HERO, heroPng())
// `/<name>` is a library's shop page; `/hero/<name>` the same page with the image hero.
const server = await startServer(
  Object.assign({ '/media/hero.png': HERO }, ...LIBRARIES.map((l) => l.files)),
  (path) => {
    const [, hero, name] = path.match(/^\/(hero\/)?([^/]+)$/) ?? []
    return [BASELINE, ...LIBRARIES].find((l) => name == l.name)?.page(hero ? { hero: '/media/hero.png' } : {})
  },
)
const PAGES = [BASELINE, ...LIBRARIES].map((library) => ({
  ...library,
  url: `${server.origin}/${library.name}`,
  heroUrl: `${server.origin}/hero/${library.name}`,
  sourceMap: library.sourceMap,
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
    ...CHROMIUM_FLAGS,
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
  if (firstVisit)
    for (const category of ran.filter((c) => OPTIONAL.includes(c)))
      problems.add(`${name}: the ${category} tag ran before any consent`)
  if (bannerShown) problems.add(`${name}: the banner showed again for a returning visitor`)
}

const SCENARIOS = [
  {
    title: 'first visit',
    metrics: FIRST_VISIT,
    load: (page, cpu, screenshot) =>
      measureLoad(tabs, page.url, page.target, { cpu, insertion: page.insertion, screenshot }),
  },
  {
    title: 'returning visitor who accepted all',
    metrics: RETURNING,
    load: (page, cpu) =>
      page.name == BASELINE.name
        ? measureLoad(tabs, page.url, { ...page.target, ready: loaded }, { cpu })
        : measureReturning(browser, page.url, page.target, page.acceptAll, { cpu }),
  },
].filter((scenario, i) => SECTIONS.includes(['first', 'returning'][i]))

/**
 * RUNS rounds of `measure(page)`, one call per page, the order rotating each round, after one
 * warm-up call per page (`measure(page, true)`).
 */
async function rounds(title, pages, measure) {
  for (const page of pages) await measure(page, true)
  const all = []
  for (let r = 0; r < RUNS; r++) {
    const round = {}
    for (let i = 0; i < pages.length; i++) {
      const page = pages[(i + r) % pages.length]
      round[page.name] = await measure(page)
    }
    all.push(round)
    process.stderr.write(`\r${title}: round ${r + 1}/${RUNS} `)
  }
  process.stderr.write('\n')
  return all
}

/** One scenario at one CPU factor: a warm-up load per page, then RUNS rounds of one load per page. */
async function run(scenario, cpu) {
  const firstVisit = scenario.metrics == FIRST_VISIT
  const necessaryRan = new Set()
  const screenshot = (page) => firstVisit && cpu == FACTORS[0] && `${os.tmpdir()}/consentry-bench-${page.name}.png`
  const load = async (page, warmUp) => {
    const { record, checks } = await scenario.load(page, cpu, warmUp && screenshot(page))
    check(page.name, checks, firstVisit, cpu)
    if (checks.ran.includes('necessary')) necessaryRan.add(page.name)
    return record
  }
  return { scenario, cpu, rounds: await rounds(`${scenario.title}, CPU ${cpu}×`, PAGES, load), necessaryRan }
}

const results = []
for (const scenario of SCENARIOS) for (const cpu of FACTORS) results.push(await run(scenario, cpu))
// The returning visitor's evaluated code: one load per library with V8's precise coverage (its
// counts do not change from load to load; its instrumentation would spoil the timings).
const coverage = []
if (SECTIONS.includes('returning'))
  for (const page of PAGES.slice(1)) coverage.push([page, await measureCoverage(browser, page)])
const interactions = []
if (SECTIONS.includes('interaction'))
  for (const cpu of FACTORS) {
    const measure = async (page) => {
      const record = {}
      for (const action of Object.keys(ACTIONS)) {
        record[action] = await measureInteraction(browser, page, action, { cpu })
        const { duration, observed } = record[action]
        // The page's observer rounds to 8 ms and reports nothing under 16 ms.
        if (observed !== undefined ? Math.abs(observed - duration) > 8 : duration >= 24)
          problems.add(
            `${page.name}: Event Timing observer said ${observed ?? 'nothing'} where the trace said ${duration.toFixed(1)} ms (${action}, ${cpu}×)`,
          )
      }
      return record
    }
    interactions.push({ cpu, rounds: await rounds(`interaction, CPU ${cpu}×`, PAGES.slice(1), measure) })
  }
const lcps = []
if (SECTIONS.includes('lcp'))
  for (const cpu of FACTORS)
    lcps.push({ cpu, rounds: await rounds(`LCP, CPU ${cpu}×`, PAGES, (page) => measureLcp(browser, page, { cpu })) })
await tabs.close()
await browser.close()
await server.close()

const cpuTitle = (cpu) =>
  `CPU ${cpu}× ${cpu == 1 ? '(this machine)' : '(Chromium CPU throttling, like a mid-range phone)'}`
const section = ({ scenario, cpu, rounds }) =>
  [
    `### ${scenario.title[0].toUpperCase() + scenario.title.slice(1)}, ${cpuTitle(cpu)}`,
    '',
    table(rounds, scenario.metrics, LIBRARIES, BASELINE),
    '',
    `The no-library page's own main-thread tasks in its window: ${baselineMainThread(rounds).toFixed(1)} ms (median).`,
    '',
  ].join('\n')

const thousands = (n) => Math.round(n).toLocaleString('en-US')
const coverageSection = () => [
  "### What a returning visitor's page evaluates (V8 precise coverage, one load each)",
  '',
  `| | ${LIBRARIES.map((l) => l.label).join(' | ')} |`,
  `| --- | ${LIBRARIES.map(() => '---').join(' | ')} |`,
  `| script bytes in functions that ran (uncompressed) | ${coverage.map(([, c]) => `${thousands(c.ran)} B`).join(' | ')} |`,
  `| script bytes in functions that never ran | ${coverage.map(([, c]) => `${thousands(c.notRun)} B (${((100 * c.notRun) / (c.ran + c.notRun)).toFixed(0)} %)`).join(' | ')} |`,
  `| elements under its UI root (shadow roots included) | ${coverage.map(([, c]) => String(c.uiElements)).join(' | ')} |`,
  '',
  ...coverage
    .filter(([, c]) => c.uiFunctions)
    .map(
      ([page, c]) =>
        `${page.label}: UI functions that ran: ${c.uiFunctions.join(', ') || 'none'}; of them building the banner or dialog: ${c.construction.join(', ') || 'none'}.`,
    ),
  '',
]

const interactionSection = ({ cpu, rounds }) => [
  `### Interaction to next paint, ${cpuTitle(cpu)}`,
  '',
  table(rounds, INTERACTION, LIBRARIES, BASELINE),
  '',
]

const lcpSection = ({ cpu, rounds }) => {
  const tally = (name) => {
    const counts = {}
    for (const round of rounds) counts[round[name].element] = (counts[round[name].element] ?? 0) + 1
    const ui = rounds.filter((round) => round[name].isUi).length
    return `${Object.entries(counts)
      .map(([what, n]) => `${what} ×${n}`)
      .join(', ')}; the library's UI ${ui} of ${rounds.length} times`
  }
  return [
    `### Largest Contentful Paint on the page with an image hero, ${cpuTitle(cpu)}`,
    '',
    table(rounds, LCP, LIBRARIES, BASELINE),
    '',
    'The final LCP element:',
    ...[BASELINE, ...LIBRARIES].map((l) => `- ${l.label}: ${tally(l.name)}`),
    '',
  ]
}

// The size ceiling: the script tag at most 0.8× the smallest full-featured peer's JS + CSS, same run.
function sizeCeiling() {
  const rounds = results.find((result) => result.rounds[0]?.[LIBRARIES[0].name]?.bytes)?.rounds
  if (!rounds || LIBRARIES.length < 2) return []
  const bytes = (library) => median(rounds.map((round) => round[library.name].bytes))
  const [smallest] = LIBRARIES.slice(1).sort((a, b) => bytes(a) - bytes(b))
  const ours = bytes(LIBRARIES[0])
  const ceiling = Math.floor(0.8 * bytes(smallest))
  return [
    `Size ceiling: ${LIBRARIES[0].label} transfers ${ours} B of JS + CSS; 0.8 × the smallest peer's ` +
      `(${smallest.label}, ${bytes(smallest)} B) is ${ceiling} B: ${ours <= ceiling ? 'met' : 'NOT met'}.`,
    '',
  ]
}

const cpus = os.cpus()
const minutes = ((Date.now() - started) / 60_000).toFixed(1)
const necessaryRan = LIBRARIES.filter((l) => results[0]?.necessaryRan.has(l.name)).map((l) => l.label)
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
  ...sizeCeiling(),
  ...(coverage.length ? coverageSection() : []),
  ...interactions.flatMap(interactionSection),
  ...lcps.flatMap(lcpSection),
  `Sanity checks: no ${OPTIONAL.join(', ')} tag ran before consent on any page${problems.size ? ', except as listed' : ''}; ` +
    `on a first visit the \`necessary\` tag ran before any choice with ${necessaryRan.join(', ') || 'none'}.`,
  ...[...problems].map((p) => `- ${p}`),
  ...(shifts.size
    ? [
        '',
        'Layout shifts counted in the CLS rows, each as the element that moved, its box before → after (x, y, width, height):',
        ...[...shifts].map((s) => `- ${s}`),
      ]
    : []),
  '',
].join('\n')
console.log(markdown)
writeFileSync(RESULTS, markdown)
console.error(
  `wrote ${RESULTS}; screenshots of the first warm-up loads: ${os.tmpdir()}/consentry-bench-*.png; ${minutes} min`,
)
