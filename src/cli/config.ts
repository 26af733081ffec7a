// `consentry config <vendor-id>…`: prints a ready config block for catalogue vendors.
// Plain Node, no dependency: the catalogue is bundled into this file at build time.
import type { ConsentConfig } from '../types'
import { vendors } from '../vendors/catalogue'
import type { Vendor } from '../vendors/types'
import { withVendors } from '../vendors/withVendors'

const USAGE = `Usage: consentry config <vendor-id>... [options]

Prints a <script type="application/json" id="consentry-config"> block that declares the vendors
as services of their categories: what to block, which cookies and storage keys they use, and
what the cookie declaration shows. Put it in <head>, before the Consentry script.

Options:
  --json             print the JSON only
  --revision N       policy revision (a whole number; raise it to ask visitors again)
  --policy-url URL   link to your privacy policy (http(s) or a path)
  -h, --help         show this help

Vendors:`

/** Levenshtein distance, for suggesting the id a typo meant. */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i)
  for (let i = 1; i <= a.length; i++) {
    const row = [i]
    for (let j = 1; j <= b.length; j++)
      row[j] = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + (a[i - 1] == b[j - 1] ? 0 : 1))
    previous = row
  }
  return previous[b.length]!
}

/** The known id a typo meant: one that contains it (`clarity` → `microsoft-clarity`), else the nearest by edits. */
function closest(id: string): string {
  const containing = vendors.filter((vendor) => id.length >= 3 && vendor.id.includes(id.toLowerCase()))
  const pool = containing.length ? containing : vendors
  return pool.reduce((best, vendor) => (distance(id, vendor.id) < distance(id, best.id) ? vendor : best)).id
}

const list = (): string =>
  vendors.map((vendor) => `  ${vendor.id.padEnd(20)} ${vendor.title} (${vendor.category})`).join('\n')

interface Options {
  ids: string[]
  json: boolean
  revision?: number
  policyUrl?: string
}

/** The options, or the message that says what is wrong with them. */
function parse(args: string[]): Options | string {
  const options: Options = { ids: [], json: false }
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!
    const [flag, inline] =
      arg.startsWith('--') && arg.includes('=')
        ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
        : [arg]
    const value = (): string | undefined => inline ?? args[++i]
    if (flag == '--json') options.json = true
    else if (flag == '--revision') {
      const text = value()
      if (text === undefined || !/^\d+$/.test(text) || !Number.isSafeInteger(Number(text)))
        return `--revision must be a whole number ≥ 0, got ${text === undefined ? 'nothing' : JSON.stringify(text)}`
      options.revision = Number(text)
    } else if (flag == '--policy-url') {
      const text = value()
      if (text === undefined || !isWebLink(text))
        return `--policy-url must be an http(s) URL or a path, got ${text === undefined ? 'nothing' : JSON.stringify(text)}`
      options.policyUrl = text
    } else if (flag.startsWith('-')) return `unknown option ${arg}`
    else if (!vendors.some((vendor) => vendor.id == arg))
      return `unknown vendor "${arg}". Did you mean "${closest(arg)}"?`
    else if (!options.ids.includes(arg)) options.ids.push(arg)
  }
  return options.ids.length ? options : 'name at least one vendor'
}

/** The rule the SDK applies to `policyUrl`: http(s), or relative to the page. */
function isWebLink(text: string): boolean {
  try {
    return text != '' && /^https?:$/.test(new URL(text, 'http://x/').protocol)
  } catch {
    return false
  }
}

/**
 * Two-space JSON that keeps a cookie's entry or a list of hosts on one line when it fits, so the block
 * stays readable when pasted into a page.
 */
function pretty(value: unknown, indent = ''): string {
  if (value === null || typeof value != 'object') return JSON.stringify(value)
  const list = Array.isArray(value)
  const entries = Object.entries(value)
  const item = ([key, item]: [string, unknown], at: string) =>
    (list ? '' : JSON.stringify(key) + ': ') + pretty(item, at)
  const [open, close] = list ? ['[', ']'] : ['{ ', ' }']
  if (!entries.length) return list ? '[]' : '{}'
  if (entries.every(([, item]) => item === null || typeof item != 'object')) {
    const flat = open + entries.map((entry) => item(entry, '')).join(', ') + close
    if (indent.length + flat.length <= 120) return flat
  }
  const inner = indent + '  '
  return `${open.trim()}\n${entries.map((entry) => inner + item(entry, inner)).join(',\n')}\n${indent}${close.trim()}`
}

/**
 * JSON that is safe inside a `<script>` element: `<` is written as `\u003c`, so no value (a policy URL)
 * can close the element or open a comment. JSON parsers read it back unchanged.
 */
const scriptSafe = (json: string): string => json.replace(/</g, '\\u003c')

export async function main(args: string[]): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    console.log(`${USAGE}\n${list()}`)
    return 0
  }
  const options = parse(args)
  if (typeof options == 'string') {
    console.error(`consentry config: ${options}\nRun consentry config --help for the options and the vendor ids.`)
    return 2
  }
  const base: ConsentConfig = {}
  if (options.revision !== undefined) base.revision = options.revision
  if (options.policyUrl !== undefined) base.policyUrl = options.policyUrl
  const presets = options.ids.map((id) => vendors.find((vendor) => vendor.id == id) as Vendor)
  const json = scriptSafe(pretty(withVendors(base, ...presets)))
  console.log(options.json ? json : `<script type="application/json" id="consentry-config">\n${json}\n</script>`)
  return 0
}
