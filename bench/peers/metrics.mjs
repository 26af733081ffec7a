// The table's rows: what each one reads from a round of loads, and how it is printed.
// A round holds one record per page (`round.baseline`, `round.consentry`, …).
import { NODES } from '../insert-nodes.mjs'

const thousands = (n) => Math.round(n).toLocaleString('en-US')
const ms = (n) => `${n.toFixed(1)} ms`

const bytes = {
  label: 'transferred, JS + CSS (brotli)',
  value: (r) => r.bytes,
  format: (n) => `${thousands(n)} B`,
  library: true,
}
const script = { label: 'script time of the library', value: (r) => r.script, format: ms, library: true }
// Its values are themselves differences, near zero or below it in a noisy round: ratios of them
// swing wildly, so it compares by difference too.
const mainThread = {
  label: 'main-thread time added (vs no library)',
  value: (r, round) => r.mainThread - round.baseline.mainThread,
  format: ms,
  library: true,
  by: 'difference',
}
// Rows whose values are often zero compare by difference: a ratio to zero says nothing.
const longTasks = [
  { label: 'long tasks (count)', value: (r) => r.longTaskCount, format: (n) => String(n), by: 'difference' },
  { label: 'long tasks (total)', value: (r) => r.longTaskMs, format: ms, by: 'difference' },
]
const shifts = { label: 'layout shift (CLS)', value: (r) => r.cls, format: (n) => n.toFixed(3), by: 'difference' }

export const FIRST_VISIT = [
  bytes,
  script,
  mainThread,
  { label: 'navigation → banner visible', value: (r) => r.visible, format: ms, library: true },
  {
    label: 'first contentful paint → banner visible',
    value: (r) => r.afterFcp,
    format: ms,
    library: true,
    by: 'difference',
  },
  ...longTasks,
  shifts,
  {
    label: 'blocker: script time added per 1,000 inserted nodes, vs the page without a library',
    value: (r, round) =>
      r.insertion === undefined ? undefined : ((r.insertion - round.baseline.insertion) * 1000) / NODES,
    format: ms,
    library: true,
    by: 'difference',
    missing: 'n/a (no dynamic blocker)',
  },
  {
    label: 'blocker: script time added per 1,000 inserted nodes, same tab before and after `destroy()`',
    value: (r) => (r.insertionOff === undefined ? undefined : ((r.insertion - r.insertionOff) * 1000) / NODES),
    format: ms,
    library: true,
    by: 'difference',
    missing: 'n/a (no dynamic blocker)',
  },
  {
    label: "blocker: its own code's time per 1,000 inserted nodes (CPU profile)",
    value: (r) => (r.blockerOwn === undefined ? undefined : (r.blockerOwn * 1000) / NODES),
    format: ms,
    library: true,
    missing: 'n/a (no dynamic blocker)',
  },
]

export const RETURNING = [
  script,
  mainThread,
  { label: 'navigation → all accepted tags ran', value: (r) => r.visible, format: ms, library: true },
  ...longTasks,
  shifts,
]

/** Formats a difference with its sign, in the metric's own unit. */
export const signed = (metric, n) => (n > 0 ? '+' : n < 0 ? '−' : '±') + metric.format(Math.abs(n))

// A click's cost (./interaction.mjs): per action, Event Timing's duration (input to next paint),
// the time its handlers ran and the time from their end to the paint.
export const INTERACTION = [
  ['accept', '"Accept all" (banner)'],
  ['reject', '"Reject all" (banner)'],
  ['settings', 'footer settings link (returning visitor)'],
].flatMap(([action, what]) => [
  { label: `${what}: click → next paint`, value: (r) => r[action].duration, format: ms, library: true },
  {
    label: `${what}: handlers (processingEnd − processingStart)`,
    value: (r) => r[action].processing,
    format: ms,
    library: true,
  },
  {
    label: `${what}: after the handlers (next paint − last processingEnd)`,
    value: (r) => r[action].presentation,
    format: ms,
    library: true,
  },
])

// LCP on the hero page (./lcp.mjs); the no-library page's own LCP is the reference.
export const LCP = [
  { label: 'largest contentful paint', value: (r) => r.lcp, format: ms },
  {
    label: 'LCP added (vs no library, same round)',
    value: (r, round) => r.lcp - round.baseline.lcp,
    format: ms,
    library: true,
    by: 'difference',
  },
]
