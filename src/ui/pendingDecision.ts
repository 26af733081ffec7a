import { afterPaint } from '../afterPaint'

export interface PendingDecision {
  /** Queues `decision` a task after the next paint; ignored while one is already queued. */
  defer(decision: () => void): void
  /** Makes the queued decision now, if there is one. */
  flush(): void
}

/**
 * A decision clicked in the UI, made a task after the next paint: the click then pays only for
 * what the visitor sees (the banner gone, the dialog closed), not for the cookie write, the record
 * and the gated tags the decision starts (issue 17, INP). Never lost: a page hidden or left before
 * that task makes it then, synchronously (`pagehide` in the capture phase, so that what the
 * decision's `change` listeners add for `pagehide`, the record beacon, still runs in that event).
 * One at a time: the layer that was clicked is gone, so a second click in the same frame (a
 * double click on a removed button) is stale and decides nothing.
 */
export function pendingDecision(): PendingDecision {
  let pending: (() => void) | undefined
  const onHidden = () => {
    if (document.hidden) flush()
  }
  const flush = () => {
    const decision = pending
    pending = undefined
    removeEventListener('pagehide', flush, true)
    document.removeEventListener('visibilitychange', onHidden)
    decision?.()
  }
  return {
    defer(decision) {
      if (pending) return
      pending = decision
      addEventListener('pagehide', flush, true)
      document.addEventListener('visibilitychange', onHidden)
      afterPaint(flush)
    },
    flush,
  }
}
