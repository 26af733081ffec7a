/// <reference types="node" />
import { parseArgs } from 'node:util'
import type { ScanOptions } from './types'

export const USAGE = `Usage: consentry scan <url>… [--pages N] [--json] [--wait ms] [--resolve RULES]

Visits each site with no decision, after "Reject all" and after "Accept all", and reports
what was requested or stored before consent or after refusal.

  --pages N        pages to visit per start URL, following same-site links (default 10)
  --wait ms        time to wait once a page is quiet, for late timers (default 1500)
  --json           print the report as JSON (shape: docs/scanner.md)
  --resolve RULES  Chromium host resolver rules, e.g. 'MAP *.test 127.0.0.1:8080'

Exit code: 0 clean, 1 a leak was found, 2 could not scan.
Chromium: CHROME_PATH, else /usr/bin/chromium.`

/** What the command line asks for, or a message saying what is wrong with it. */
export type Parsed = { options: ScanOptions } | { help: true } | { error: string }

const whole = (value: string | undefined, fallback: number, min: number, name: string): number | string => {
  if (value === undefined) return fallback
  const n = Number(value)
  return /^\d+$/.test(value) && n >= min && Number.isSafeInteger(n)
    ? n
    : `--${name} must be a whole number ≥ ${min}, got "${value}"`
}

export function parseScanArgs(args: string[]): Parsed {
  let values
  let positionals
  try {
    ;({ values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        pages: { type: 'string' },
        wait: { type: 'string' },
        json: { type: 'boolean' },
        resolve: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }))
  } catch (error) {
    // Node's message goes on about positionals after `--`: its first sentence says it all.
    return { error: (error as Error).message.split('. ')[0]! }
  }
  if (values.help) return { help: true }
  const pages = whole(values.pages, 10, 1, 'pages')
  if (typeof pages == 'string') return { error: pages }
  const wait = whole(values.wait, 1500, 0, 'wait')
  if (typeof wait == 'string') return { error: wait }
  if (!positionals.length) return { error: 'give at least one URL to scan' }
  for (const url of positionals) {
    if (!URL.canParse(url) || !/^https?:$/.test(new URL(url).protocol)) return { error: `not an http(s) URL: "${url}"` }
  }
  if (values.resolve !== undefined && !values.resolve.trim()) return { error: '--resolve must not be empty' }
  return { options: { urls: positionals, pages, wait, resolve: values.resolve, json: !!values.json } }
}
