// What each page runs before any of its own scripts (a Playwright init script): it watches every
// animation frame for the moment the page is "there" (the banner visible; FCP on the baseline;
// the load event for a returning visitor), marks the end of the main-thread window 500 ms later
// in the trace, and collects the long tasks and layout shifts that start until 1 s after the
// moment. Results land in `window.__bench`;
// `__bench.ended` is a promise that resolves at the end mark.
// The moment is performance.now() in the animation-frame callback that first sees it, just before
// that frame's style, layout and paint. Not the callback's own timestamp argument: that is the
// frame's scheduled start, which after a long script can lie long before the callback ran.

/** Expression true once the element that `selector` (a JS expression) yields is visible. */
export const bannerVisible = (selector) => `(() => {
  const el = ${selector}
  if (!el) return false
  const box = el.getBoundingClientRect(), style = getComputedStyle(el)
  return box.width > 0 && box.height > 0 && style.visibility != 'hidden' && Number(style.opacity) > 0
})()`

export const firstContentfulPaint = "performance.getEntriesByName('first-contentful-paint').length > 0"
export const loaded = "document.readyState == 'complete'"

const WINDOW_AFTER_MS = 500
export const OBSERVED_AFTER_MS = 1000
export const END_MARK = 'bench:end'

/** The init script: `ready` is an expression evaluated once per animation frame until true. */
export const probe = (ready) => `(() => {
  if (window.top !== window) return
  let end
  const bench = (window.__bench = { longTasks: [], shifts: 0, moved: [], at: undefined, ended: new Promise((done) => (end = done)) })
  const inWindow = (entry) => bench.at === undefined || entry.startTime <= bench.at + ${OBSERVED_AFTER_MS}
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (inWindow(entry)) bench.longTasks.push(entry.duration)
  }).observe({ type: 'longtask', buffered: true })
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries())
      if (inWindow(entry) && !entry.hadRecentInput) {
        bench.shifts += entry.value
        // What moved, so that a shift in the table can be traced to an element.
        for (const { node, previousRect: a, currentRect: b } of entry.sources)
          bench.moved.push((node ? node.nodeName + (node.id ? '#' + node.id : '') : '?') + ' ' + [a.x, a.y, a.width, a.height].join(',') + ' → ' + [b.x, b.y, b.width, b.height].join(','))
      }
  }).observe({ type: 'layout-shift', buffered: true })
  const isReady = () => { try { return ${ready} } catch { return false } }
  const tick = () => {
    if (!isReady()) return requestAnimationFrame(tick)
    bench.at = performance.now()
    setTimeout(() => { console.timeStamp('${END_MARK}'); end() }, ${WINDOW_AFTER_MS})
  }
  requestAnimationFrame(tick)
})()`
