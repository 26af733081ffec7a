// Interaction cost, as INP counts it: a real click (Playwright's pointer, no `force`) on the
// banner's "Accept all" or "Reject all" on a first visit, or on the footer's settings link for a
// returning visitor who accepted all, and the time from the click's input to the next paint.
// Numbers are Chromium's own Event Timing records, read from a DevTools trace (`EventTiming`
// events: the same fields a PerformanceObserver of type 'event' gets, unrounded and with no
// 16 ms threshold). The page's own observer, with the API's smallest threshold (16 ms), runs
// too: its rounded value, where it reported one, must agree with the trace's.
import { acceptFirst, allTagsRan } from './returning.mjs'
import { VIEWPORT } from './tabs.mjs'
import { startTrace } from './trace.mjs'

const TIMEOUT_MS = 30_000
// What the next paint needs on the main thread has long happened by then, even at 4× on a busy machine.
const AFTER_CLICK_MS = 400

/** The page's own Event Timing observer: every entry of 16 ms or more, kept in `window.__events`. */
const observeEvents = () => {
  window.__events = []
  new PerformanceObserver((list) => {
    for (const e of list.getEntries())
      if (e.interactionId) window.__events.push({ id: e.interactionId, duration: e.duration, type: e.name })
  }).observe({ type: 'event', durationThreshold: 16, buffered: true })
}

/** Two animation frames and a task each: whatever the page scheduled at load has painted. */
const quiet = () =>
  new Promise((done) =>
    requestAnimationFrame(() => setTimeout(() => requestAnimationFrame(() => setTimeout(done, 50)))),
  )

export const ACTIONS = {
  accept: {
    label: '"Accept all" on the banner',
    returning: false,
    target: (tab) => tab.getByRole('button', { name: 'Accept all', exact: true }).first(),
  },
  reject: {
    label: '"Reject all" on the banner',
    returning: false,
    target: (tab) => tab.getByRole('button', { name: 'Reject all', exact: true }).first(),
  },
  settings: {
    label: "the footer's settings link, returning visitor",
    returning: true,
    target: (tab) => tab.locator('footer a'),
  },
}

/** One interaction's records from a trace: the click's interaction is the last one. */
function fromTrace(events) {
  const timings = events
    .filter((e) => e.name == 'EventTiming' && e.ph == 'b' && e.args?.data?.interactionId)
    .map((e) => e.args.data)
  const id = Math.max(...timings.map((t) => t.interactionId))
  const mine = timings.filter((t) => t.interactionId == id)
  if (!mine.some((t) => t.type == 'click')) return undefined
  const end = Math.max(...mine.map((t) => t.processingEnd))
  return {
    id,
    duration: Math.max(...mine.map((t) => t.duration)),
    // From the first handler's start to the last one's end, as INP's "processing duration".
    processing: end - Math.min(...mine.map((t) => t.processingStart)),
    // From the last handler's end to the next paint, as INP's "presentation delay": waiting for
    // the frame, its animation-frame callbacks and any task before it is shown, its style, layout
    // and paint, raster and draw.
    presentation: Math.max(...mine.map((t) => t.timeStamp + t.duration)) - end,
  }
}

/**
 * Measures one click `action` (a key of ACTIONS) on `page` (`{ url, target, acceptAll }`) in a
 * fresh context at `cpu`× slow-down. Resolves `{ duration, processing, presentation, observed }` (ms;
 * `observed` is the page observer's rounded duration, undefined below its 16 ms threshold).
 */
export async function measureInteraction(browser, page, action, { cpu }) {
  const { label, returning, target } = ACTIONS[action]
  const context = await browser.newContext({ viewport: VIEWPORT })
  try {
    if (returning) {
      await acceptFirst(context, page.url, page.target.ready, page.acceptAll)
    }
    const tab = await context.newPage()
    await tab.addInitScript(observeEvents)
    const cdp = await context.newCDPSession(tab)
    if (cpu > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu })
    await tab.goto(page.url)
    await tab.waitForFunction(
      returning ? `document.readyState == 'complete' && ${allTagsRan}` : page.target.ready,
      null,
      { timeout: TIMEOUT_MS, polling: 50 },
    )
    // The pointer arrives first and rests: the measured frame is the click's, not the hover's.
    const element = target(tab)
    await element.hover()
    await tab.evaluate(quiet)
    const trace = await startTrace(cdp, 'devtools.timeline')
    await element.click()
    await tab.waitForTimeout(AFTER_CLICK_MS)
    await tab.evaluate(quiet)
    const measured = fromTrace(await trace.stop())
    if (!measured) throw new Error(`${page.name}: no click recorded for ${label}`)
    const observed = await tab.evaluate(
      (id) => Math.max(0, ...window.__events.filter((e) => e.id == id).map((e) => e.duration)) || undefined,
      measured.id,
    )
    const { duration, processing, presentation } = measured
    return { duration, processing, presentation, observed }
  } finally {
    await context.close()
  }
}
