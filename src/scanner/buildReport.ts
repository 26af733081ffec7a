import type { Vendor } from '../vendors/types'
import { suggestConfig } from './suggestConfig'
import { REPORT_VERSION, STATES } from './types'
import type { Leak, PageReport, ScanOptions, ScanReport, Undeclared } from './types'

/** One entry per thing across pages, with the pages it was seen on (and for leaks, every offending state). */
function across<T extends { pages: string[] }>(
  perPage: T[],
  keyOf: (item: T) => string,
  join?: (into: T, item: T) => void,
): T[] {
  const byKey = new Map<string, T>()
  for (const item of perPage) {
    const known = byKey.get(keyOf(item))
    if (!known) byKey.set(keyOf(item), { ...item, pages: [...item.pages] })
    else {
      known.pages.push(...item.pages.filter((page) => !known.pages.includes(page)))
      join?.(known, item)
    }
  }
  return [...byKey.values()]
}

/** The whole scan's report: the pages' own, their leaks and undeclared things merged, the config that would cover them. */
export function buildReport(
  options: ScanOptions,
  startedAt: Date,
  pages: PageReport[],
  vendors: readonly Vendor[],
  error: string | null = null,
): ScanReport {
  const leaks = across<Leak>(
    pages.flatMap((p) => p.leaks),
    (l) => `${l.kind} ${l.name} ${l.where}`,
    (into, item) => {
      into.states = STATES.filter((s) => into.states.includes(s) || item.states.includes(s))
    },
  )
  const undeclared = across<Undeclared>(
    pages.flatMap((p) => p.undeclared),
    (u) => `${u.kind} ${u.name}`,
  )
  return {
    version: REPORT_VERSION,
    exitCode: error ? 2 : leaks.length ? 1 : 0,
    error,
    startedAt: startedAt.toISOString(),
    options: { urls: options.urls, pages: options.pages, wait: options.wait, resolve: options.resolve ?? null },
    summary: { pages: pages.length, leaks: leaks.length, undeclared: undeclared.length },
    pages,
    leaks,
    undeclared,
    suggestion: suggestConfig(undeclared, vendors),
  }
}
