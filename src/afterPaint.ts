/**
 * Runs `work` after the browser has painted the current frame, so that what a click shows (the
 * banner gone, the dialog closed) is not held back by work that can wait: a task queued from an
 * animation frame runs after that frame's paint. A hidden tab paints no frames, and jsdom has no
 * `requestAnimationFrame`: there, a task later.
 */
export const afterPaint = (work: () => void): unknown =>
  document.hidden || !self.requestAnimationFrame ? setTimeout(work) : requestAnimationFrame(() => setTimeout(work))
