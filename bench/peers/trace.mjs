// Chromium's own clock for main-thread work: a DevTools trace of one page load, read back over
// CDP, then two sums over the renderer's main thread (CrRendererMain) up to the end mark that
// the probe leaves: the library's script time and all top-level task time; and, for the node
// insertion, all JavaScript time. All are thread time
// (each event's `tts`/`tdur`: CPU time of the main thread), not wall time: on a shared 2-core
// machine another process can double a task's wall time while it waits for a core, and thread
// time does not count that wait. CPU throttling shows in it too: on Linux, Chromium throttles by
// signalling the main thread every 200 µs and spinning it against the wall clock, which is also
// why 4× numbers taken on a busy machine carry that machine's load in either clock.
import { END_MARK } from './probe.mjs'

const CATEGORIES = 'devtools.timeline,v8,disabled-by-default-devtools.timeline'

/** Starts tracing on a page's CDP session; `stop()` resolves the list of trace events. */
export async function startTrace(cdp, categories = CATEGORIES) {
  await cdp.send('Tracing.start', { categories, transferMode: 'ReturnAsStream' })
  return { stop: () => stopTrace(cdp) }
}

async function stopTrace(cdp) {
  const complete = new Promise((done) => cdp.once('Tracing.tracingComplete', done))
  await cdp.send('Tracing.end')
  const { stream } = await complete
  let text = ''
  for (;;) {
    const chunk = await cdp.send('IO.read', { handle: stream, size: 1 << 20 })
    text += chunk.base64Encoded ? Buffer.from(chunk.data, 'base64').toString() : chunk.data
    if (chunk.eof) break
  }
  await cdp.send('IO.close', { handle: stream })
  const parsed = JSON.parse(text)
  return Array.isArray(parsed) ? parsed : parsed.traceEvents
}

/** Total length of the union of [start, end) intervals, so nested events count once. */
function unionLength(intervals) {
  let total = 0
  let reach = -Infinity
  for (const [start, end] of [...intervals].sort((a, b) => a[0] - b[0])) {
    if (end <= reach) continue
    total += end - Math.max(start, reach)
    reach = end
  }
  return total
}

const SCRIPT_EVENTS = new Set(['EvaluateScript', 'v8.compile', 'v8.produceCache', 'FunctionCall'])
// Every way a task enters JavaScript; microtasks (promise continuations, MutationObserver
// callbacks) run inside the entry whose checkpoint runs them.
const JS_ENTRIES = new Set([
  'EvaluateScript',
  'FunctionCall',
  'TimerFire',
  'FireAnimationFrame',
  'FireIdleCallback',
  'EventDispatch',
])
const urlOf = (event) => event.args?.data?.url ?? event.args?.fileName ?? event.args?.data?.scriptName

/** The complete events on the main thread before the end mark, and their spans in thread time. */
function beforeMark(events) {
  const mark = events.find((e) => e.name == 'TimeStamp' && e.args?.data?.message == END_MARK)
  if (!mark) throw new Error(`no ${END_MARK} mark in the trace`)
  const onMain = events.filter(
    (e) => e.pid == mark.pid && e.tid == mark.tid && e.ph == 'X' && e.ts < mark.ts && e.tts !== undefined,
  )
  return { onMain, span: (e) => [e.tts, Math.min(e.tts + (e.tdur ?? 0), mark.tts)] }
}

/**
 * From the events of one load: `script` — ms the main thread spent compiling, evaluating and
 * calling into any of `urls` (the library's files, and the page itself for its inline setup
 * scripts); `mainThread` — ms of all top-level tasks until the end mark.
 */
export function mainThreadTimes(events, urls) {
  const { onMain, span } = beforeMark(events)
  const script = onMain.filter((e) => SCRIPT_EVENTS.has(e.name) && urls.includes(urlOf(e))).map(span)
  const tasks = onMain.filter((e) => e.name == 'RunTask').map(span)
  return { script: unionLength(script) / 1000, mainThread: unionLength(tasks) / 1000 }
}

/** Ms of all JavaScript the main thread ran until the end mark, whoever's it was. */
export function javaScriptTime(events) {
  const { onMain, span } = beforeMark(events)
  return unionLength(onMain.filter((e) => JS_ENTRIES.has(e.name)).map(span)) / 1000
}
