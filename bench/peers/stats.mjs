// Medians, ranges and pair-by-pair comparisons over the rounds of one run.

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

/** `{ median, min, max }` of a list of numbers. */
export const summarize = (values) => ({ median: median(values), min: Math.min(...values), max: Math.max(...values) })

/**
 * Compares two lists measured in the same rounds: the median of the per-round ratios `a/b`
 * when every `b` is above zero, else (a ratio to zero or to a negative time means nothing), or
 * when `by` is 'difference', the median of the per-round differences `a - b`.
 */
export function compare(a, b, by = 'ratio') {
  if (by == 'ratio' && b.every((x) => x > 0)) return { ratio: median(a.map((x, i) => x / b[i])) }
  return { difference: median(a.map((x, i) => x - b[i])) }
}
