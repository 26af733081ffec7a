/** Work waiting for the next paint, each once: whichever of its two ways comes first runs it. */
const waiting = new Set<() => void>()
let leaving = false

const run = (work: () => void): void => {
  if (waiting.delete(work)) work()
}

// A page hidden or left before the next paint gets none soon, or ever: what waits runs then, in
// that event, and what it schedules in turn (a decision's record beacon) runs at once too.
const leave = (event: Event): void => {
  if (!document.hidden && event.type != 'pagehide') return
  leaving = true
  waiting.forEach(run)
  // A page being left stays so until it comes back from the back/forward cache.
  leaving = event.type == 'pagehide'
}
const back = (): void => {
  leaving = false
}

/**
 * Runs `work` after the browser has painted the current frame, so that what a click shows (the
 * banner gone, the dialog closed) is not held back by work that can wait: a task queued from an
 * animation frame runs after that frame's paint. A hidden tab paints no frames, and jsdom has no
 * `requestAnimationFrame`: there, a task later. Never lost: if the page is hidden or left first,
 * `work` runs then (`leave`).
 */
export function afterPaint(work: () => void): void {
  // Listening from the first call, not at import, which must touch no `document` (server
  // rendering); adding the same listener again does nothing.
  addEventListener('pagehide', leave)
  addEventListener('pageshow', back)
  document.addEventListener('visibilitychange', leave)
  if (leaving) return work()
  waiting.add(work)
  const later = () => setTimeout(() => run(work))
  if (document.hidden || !self.requestAnimationFrame) later()
  else requestAnimationFrame(later)
}
