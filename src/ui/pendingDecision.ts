import { afterPaint } from '../afterPaint'

export interface PendingDecision {
  /** Queues `decision` for after the next paint; ignored while one is already queued. */
  defer(decision: () => void): void
  /** Makes the queued decision now, if there is one. */
  flush(): void
}

/**
 * A decision clicked in the UI, made after the next paint (`afterPaint`, which also makes it
 * as the page is hidden or left before then): the click pays only for what the visitor sees
 * (the banner gone, the dialog closed), not for the cookie write, the record and the gated
 * tags the decision starts (issue 17, INP). One at a time: the layer that was clicked is gone,
 * so a second click in the same frame (a double click on a removed button) is stale.
 */
export function pendingDecision(): PendingDecision {
  let pending: (() => void) | undefined
  const flush = () => {
    const decision = pending
    pending = undefined
    decision?.()
  }
  return {
    defer(decision) {
      if (pending) return
      pending = decision
      afterPaint(flush)
    },
    flush,
  }
}
