// The markdown that `npm run bench` prints and writes to bench/RESULTS.md.
import { signed } from './metrics.mjs'
import { compare, median, summarize } from './stats.mjs'

const range = (metric, { median, min, max }) =>
  min == max ? metric.format(median) : `${metric.format(median)} (${metric.format(min)}–${metric.format(max)})`

const versus = (metric, { ratio, difference }) =>
  ratio === undefined ? `${signed(metric, difference)} vs Consentry` : `${ratio.toFixed(2)}×`

/** One cell: median (min–max), and for a peer its comparison with Consentry in the same rounds. */
function cell(metric, rounds, name, reference) {
  const values = rounds.map((round) => metric.value(round[name], round))
  if (values.some((v) => v === undefined)) return metric.missing ?? '—'
  const text = range(metric, summarize(values))
  if (!reference || name == reference) return text
  const theirs = rounds.map((round) => metric.value(round[reference], round))
  return `${text} · ${versus(metric, compare(values, theirs, metric.by))}`
}

const row = (cells) => `| ${cells.join(' | ')} |`

/** The table for one run: a row per metric, a column per library, then the baseline. */
export function table(rounds, metrics, libraries, baseline) {
  const names = libraries.map((l) => l.name)
  const lines = [
    row(['', ...libraries.map((l) => l.label), baseline.label]),
    row(['---', ...names.map(() => '---'), '---']),
  ]
  for (const metric of metrics) {
    const libraryCells = names.map((name) => cell(metric, rounds, name, names[0]))
    lines.push(row([metric.label, ...libraryCells, metric.library ? '—' : cell(metric, rounds, 'baseline')]))
  }
  return lines.join('\n')
}

/** The baseline page's own main-thread time, which the "added" row is measured against. */
export const baselineMainThread = (rounds) => median(rounds.map((round) => round.baseline.mainThread))
