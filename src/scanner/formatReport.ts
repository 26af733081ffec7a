import { STATES } from './types'
import type { CookieEntry, Leak, RequestEntry, ScanReport, State, StorageEntry } from './types'

const HEADINGS: Record<State, string> = {
  none: 'Before a decision',
  rejected: 'After "Reject all"',
  accepted: 'After "Accept all"',
}

type Paint = (style: 'bold' | 'dim' | 'red' | 'green' | 'yellow', text: string) => string
const CODES = { bold: [1, 22], dim: [2, 22], red: [31, 39], green: [32, 39], yellow: [33, 39] } as const

/** `3 days`, `2 h`, `session`: how long a cookie is kept. */
export function lifetime(seconds: number | null): string {
  if (seconds === null) return 'session'
  if (seconds < 3600) return `${Math.round(seconds / 60)} min`
  if (seconds < 2 * 86400) return `${Math.round(seconds / 3600)} h`
  return `${Math.round(seconds / 86400)} days`
}

const shorten = (text: string, max: number) => (text.length <= max ? text : text.slice(0, max - 1) + '…')

interface Row {
  key: string
  firstSeen: State
  cells: string[]
  declared: Set<string>
  pages: number
}

/** One row per thing across pages: where it was first seen, how it was declared, on how many pages. */
function inventory(report: ScanReport): Row[] {
  const rows = new Map<string, Row>()
  const add = (key: string, entry: RequestEntry | CookieEntry | StorageEntry, cells: string[]) => {
    const row = rows.get(key) ?? { key, firstSeen: entry.firstSeen, cells, declared: new Set(), pages: 0 }
    if (STATES.indexOf(entry.firstSeen) < STATES.indexOf(row.firstSeen)) row.firstSeen = entry.firstSeen
    row.declared.add(entry.declared ?? 'undeclared')
    row.pages++
    rows.set(key, row)
  }
  for (const page of report.pages) {
    // First-party requests need no declaration: counted here, listed in --json.
    for (const r of page.requests.filter((request) => request.thirdParty || request.declared)) {
      add(`request ${r.url} ${r.host}`, r, [
        'request',
        shorten(r.url, 64),
        r.host,
        r.type + (r.thirdParty ? ', third-party' : ''),
        r.vendor ?? '—',
      ])
    }
    for (const c of page.cookies) {
      const details = [
        lifetime(c.lifetime),
        c.httpOnly ? 'HttpOnly' : '',
        'by ' + c.setBy,
        c.sdk ? 'Consentry' : '',
      ].filter(Boolean)
      add(`cookie ${c.name} ${c.domain}`, c, [
        'cookie',
        shorten(c.name, 64),
        c.domain,
        details.join(', '),
        c.vendor ?? '—',
      ])
    }
    for (const s of page.storage) {
      add(`storage ${s.name} ${s.type} ${s.origin}`, s, [
        'storage',
        shorten(s.name, 64),
        s.origin,
        s.type,
        s.vendor ?? '—',
      ])
    }
  }
  return [...rows.values()]
}

/** Same identity as an inventory row's key: kind, name and where (host, cookie domain, `type origin`). */
const leakKey = (leak: Leak) => `${leak.kind} ${leak.name} ${leak.where}`

/** A table per state: columns padded to their widest cell. */
function table(rows: string[][], paint: Paint): string[] {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)))
  return rows.map((row, r) => {
    const line =
      '  ' +
      row
        .map((cell, i) => cell.padEnd(widths[i]!))
        .join('  ')
        .trimEnd()
    return r == 0 ? paint('bold', line) : line.endsWith('LEAK') ? paint('red', line) : line
  })
}

/** The readable report: pages, a table per state, leaks, undeclared things and the config that would cover them. */
export function formatReport(report: ScanReport, color: boolean): string {
  const paint: Paint = (style, text) => (color ? `\x1b[${CODES[style][0]}m${text}\x1b[${CODES[style][1]}m` : text)
  const { summary } = report
  const out: string[] = [
    paint(
      'bold',
      `consentry scan: ${summary.pages} page${summary.pages == 1 ? '' : 's'}, ${summary.leaks} leak${summary.leaks == 1 ? '' : 's'}, ${summary.undeclared} undeclared`,
    ),
    '',
    'Pages',
  ]
  for (const page of report.pages) {
    const state = page.error
      ? paint('yellow', page.error)
      : page.consentry.found
        ? `Consentry, revision ${page.consentry.revision}` +
          (page.consentry.decisionKept.rejected && page.consentry.decisionKept.accepted
            ? ''
            : paint('yellow', ' (a decision was not kept after a reload)'))
        : paint('yellow', 'no Consentry on this page: everything before any interaction counts')
    out.push(`  ${page.url}  ${state}`)
  }
  const leaking = new Set(report.leaks.map(leakKey))
  const rows = inventory(report)
  const firstParty = new Set(
    report.pages.flatMap((page) => page.requests.filter((r) => !r.thirdParty && !r.declared).map((r) => r.url)),
  )
  for (const state of STATES) {
    const here = rows.filter((row) => row.firstSeen == state)
    out.push('', paint('bold', HEADINGS[state] + (state == 'none' ? '' : ' (first seen)')))
    if (!here.length) {
      out.push(paint('dim', '  nothing new'))
      continue
    }
    const body = here.map((row) => {
      const [kind, name, where, details, vendor] = row.cells as [string, string, string, string, string]
      return [
        kind,
        name,
        where,
        details,
        [...row.declared].join('/'),
        vendor,
        String(row.pages),
        leaking.has(row.key) ? 'LEAK' : '',
      ]
    })
    out.push(...table([['KIND', 'NAME', 'WHERE', 'DETAILS', 'DECLARED', 'VENDOR', 'PAGES', ''], ...body], paint))
  }
  if (firstParty.size) out.push('', paint('dim', `${firstParty.size} first-party request URLs not listed (see --json)`))
  out.push('', paint('bold', `Leaks (${report.leaks.length})`))
  if (!report.leaks.length)
    out.push(paint('green', '  none: nothing but the necessary before a decision or after "Reject all"'))
  for (const leak of report.leaks) {
    const when = leak.states.map((s) => HEADINGS[s].toLowerCase()).join(' and ')
    const more =
      leak.pages.length > 1 ? ` and ${leak.pages.length - 1} more page${leak.pages.length > 2 ? 's' : ''}` : ''
    const declared = leak.declared ? `declared ${leak.declared}` : 'undeclared'
    out.push(
      paint('red', `  ${leak.kind} ${leak.name}`) +
        ` (${leak.where}; ${declared}${leak.vendor ? '; ' + leak.vendor : ''}) ${when}, on ${leak.pages[0]}${more}`,
    )
  }
  out.push('', paint('bold', `Undeclared (${report.undeclared.length})`))
  if (!report.undeclared.length)
    out.push('  none: every third-party host, cookie and storage key is named by a category')
  for (const item of report.undeclared) out.push(`  ${item.kind} ${item.name}${item.vendor ? ` (${item.vendor})` : ''}`)
  const { suggestion } = report
  if (suggestion.command) {
    out.push('', paint('bold', 'Config from the catalogue that would cover them'), '  ' + suggestion.command)
    for (const [category, lines] of Object.entries(suggestion.categories)) {
      const fields = Object.entries(lines).filter(([, values]) => values.length)
      out.push(
        `  "${category}": { ${fields.map(([field, values]) => `"${field}": [${values.map((value) => JSON.stringify(value)).join(', ')}]`).join(', ')} }`,
      )
    }
  }
  if (suggestion.unknown.length) {
    out.push('', paint('bold', 'Not in the catalogue: name these under a category yourself'))
    for (const item of suggestion.unknown) out.push(`  ${item.kind} ${item.name}`)
  }
  const verdict = report.leaks.length
    ? paint('red', `${report.leaks.length} leak${report.leaks.length == 1 ? '' : 's'}: exit 1`)
    : paint('green', 'clean: exit 0')
  out.push('', verdict)
  return out.join('\n') + '\n'
}
