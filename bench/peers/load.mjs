// One measured page load in a fresh tab (./tabs.mjs): the probe watches
// the page, a trace records the main thread, and the page's own timeline gives the rest.
import { NODES, countInserted, insertNodesScript } from '../insert-nodes.mjs'
import { END_MARK, OBSERVED_AFTER_MS, probe } from './probe.mjs'
import { javaScriptTime, mainThreadTimes, startTrace } from './trace.mjs'

const READY_TIMEOUT_MS = 30_000
const RENDERINGS = 2
const WARM_UP_RENDERINGS = 6

/** Resolves at the probe's end mark; rejects when the page is not ready in time. */
const untilEnded = (timeout) =>
  Promise.race([
    window.__bench.ended.then(() => true),
    new Promise((_, fail) =>
      setTimeout(() => fail(new Error(`not ready within ${timeout} ms: is its banner shown?`)), timeout),
    ),
  ])

/** What the page reports once the window is over, read in one evaluate. */
function readPage(files) {
  const { at, longTasks, shifts, moved } = window.__bench
  const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime
  const resources = performance.getEntriesByType('resource')
  const missing = files.filter((url) => !resources.some((r) => r.name == url))
  const bytes = resources.filter((r) => files.includes(r.name)).reduce((sum, r) => sum + r.transferSize, 0)
  const others = resources.filter((r) => !files.includes(r.name)).map((r) => r.name)
  return { at, fcp, longTasks, shifts, moved, bytes, missing, others, ran: window.__ran ?? [] }
}

/** Waits until long tasks and layout shifts are no longer counted (`after` ms after the moment). */
const settled = (after) =>
  new Promise((done) => setTimeout(done, Math.max(0, window.__bench.at + after - performance.now())))

/** The insertion time after `stop` (the peer's own teardown) has run in the page. */
async function stopThenTime(tab, cdp, stop) {
  await tab.evaluate(stop)
  return insertionTime(tab, cdp)
}

/**
 * Main-thread script ms that inserting the 2,000-node view costs once the banner is up: the
 * insertion, patched setters and the MutationObserver callback, as bench/blocker.mjs's script
 * clock counts it, but in thread time from a trace (a busy machine can stretch the in-page
 * clock fourfold); style and layout, which a blocker does not change, stay out with their
 * noise. After `WARM_UP_RENDERINGS` renderings, the mean over `RENDERINGS`.
 */
async function insertionTime(tab, cdp) {
  await cdp.send('Runtime.evaluate', { expression: insertNodesScript(NODES) })
  // Until the page's own code is optimized: each of the first renderings is faster than the last.
  await tab.evaluate(async (times) => {
    for (let n = 0; n < times; n++) {
      document.getElementById('app')?.replaceChildren()
      await window.run()
    }
  }, WARM_UP_RENDERINGS)
  const trace = await startTrace(cdp)
  await tab.evaluate(
    async ({ times, mark }) => {
      for (let n = 0; n < times; n++) {
        document.getElementById('app').replaceChildren()
        await window.run()
      }
      console.timeStamp(mark)
    },
    { times: RENDERINGS, mark: END_MARK },
  )
  const events = await trace.stop()
  const count = await tab.evaluate(countInserted)
  if (count != NODES) throw new Error(`inserted ${count} elements, expected ${NODES}`)
  return javaScriptTime(events) / RENDERINGS
}

const PROFILED_RENDERINGS = 3

/**
 * Ms per rendering that the library's own code runs while the view is inserted, from a V8 CPU
 * profile (a sample every 100 µs): every sample with a frame of one of `files` on its stack
 * counts, so patched setters called by the page and the DOM calls the observer makes are in it,
 * the page's own work is not. Unlike the "added" row it needs no second page load to subtract,
 * so another process's load does not swing it around zero.
 */
async function blockerOwnTime(tab, cdp, files) {
  await cdp.send('Profiler.enable')
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 })
  await cdp.send('Profiler.start')
  await tab.evaluate(async (times) => {
    for (let n = 0; n < times; n++) {
      document.getElementById('app')?.replaceChildren()
      await window.run()
    }
  }, PROFILED_RENDERINGS)
  const { profile } = await cdp.send('Profiler.stop')
  await cdp.send('Profiler.disable')
  const byId = new Map(profile.nodes.map((node) => [node.id, node]))
  const parentOf = new Map(profile.nodes.flatMap((node) => (node.children ?? []).map((child) => [child, node.id])))
  const ours = new Map()
  const isOurs = (id) => {
    if (!id) return false
    if (!ours.has(id)) ours.set(id, files.includes(byId.get(id).callFrame.url) || isOurs(parentOf.get(id)))
    return ours.get(id)
  }
  let us = 0
  profile.samples.forEach((id, i) => isOurs(id) && (us += profile.timeDeltas[i + 1] ?? 0))
  return us / 1000 / PROFILED_RENDERINGS
}

/**
 * Loads `url` in a tab from `tabs` (./tabs.mjs) and measures it. `target` is `{ name, files, ready,
 * shown? }`: the library's file URLs (absolute), the probe's "ready" expression and, to check
 * that a banner is not shown, the expression telling whether it is. Options: `cpu`
 * (slow-down factor), `insertion` (also measure inserting nodes), `screenshot` (a path to
 * save one at the end). Resolves one record of numbers, plus what the sanity checks read.
 */
export async function measureLoad(tabs, url, target, { cpu = 1, insertion = false, screenshot } = {}) {
  const { context, tab, close } = await tabs.take()
  const errors = []
  tab.on('pageerror', (error) => errors.push(String(error)))
  await tab.addInitScript(probe(target.ready))
  const cdp = await context.newCDPSession(tab)
  if (cpu > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu })
  const trace = await startTrace(cdp)
  await tab.goto(url)
  await tab.evaluate(untilEnded, READY_TIMEOUT_MS).catch((error) => {
    throw new Error(`${target.name}: ${error.message}`)
  })
  // The main-thread window is over. Long tasks and layout shifts are still counted while the
  // trace is read back and the next tab opens; the insertion waits for both.
  const next = tabs.prepare()
  const [events] = await Promise.all([trace.stop(), tab.evaluate(settled, OBSERVED_AFTER_MS)])
  await next
  const page = await tab.evaluate(readPage, target.files)
  const { script, mainThread } = mainThreadTimes(events, [...target.files, url])
  const record = {
    bytes: page.bytes,
    script,
    mainThread,
    visible: page.at,
    // The banner is contentful itself, so it cannot be painted before FCP: a moment before FCP
    // means the frame that FCP reports (which counts from its presentation) showed it.
    afterFcp: Math.max(0, page.at - page.fcp),
    longTaskCount: page.longTasks.length,
    longTaskMs: page.longTasks.reduce((sum, d) => sum + d, 0),
    cls: page.shifts,
    insertion: insertion ? await insertionTime(tab, cdp) : undefined,
    blockerOwn: insertion && target.files.length ? await blockerOwnTime(tab, cdp, target.files) : undefined,
    // The same view in the same tab once the library is switched off: a pair that shares the
    // page's warmed-up code and the machine's moment, unlike a second page load.
    insertionOff: insertion && target.stop ? await stopThenTime(tab, cdp, target.stop) : undefined,
  }
  if (screenshot) await tab.screenshot({ path: screenshot })
  const bannerShown = target.shown ? await tab.evaluate(target.shown) : undefined
  await close()
  return {
    record,
    checks: { errors, missing: page.missing, others: page.others, ran: page.ran, moved: page.moved, bannerShown },
  }
}
