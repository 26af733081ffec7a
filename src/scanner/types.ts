// The report `consentry scan --json` prints: a stable shape, documented in docs/scanner.md.
// A change that removes or renames a field raises REPORT_VERSION.

/** Version of the `--json` report's shape. */
export const REPORT_VERSION = 1

/**
 * When something was seen: `none` before any decision, `rejected` after "Reject all" and a
 * reload, `accepted` after "Accept all" and a reload. Listed in this order.
 */
export type State = 'none' | 'rejected' | 'accepted'

export const STATES: readonly State[] = ['none', 'rejected', 'accepted']

/** The `consentry scan` options after parsing. */
export interface ScanOptions {
  urls: string[]
  /** Pages visited per start URL, the start page included. @default 10 */
  pages: number
  /** Milliseconds waited after the page is quiet, for timers that fire late. @default 1500 */
  wait: number
  /** Chromium `--host-resolver-rules`, e.g. `MAP *.test 127.0.0.1:8080`. */
  resolve?: string
  json: boolean
}

/** Where a name is declared in the page's config: a consent key (`analytics`, `analytics.hotjar`) or null. */
export type Declared = string | null

/** Facts every inventory entry shares. */
interface Seen {
  /** Every state it was seen in, in STATES order. */
  states: State[]
  /** The first of `states`. */
  firstSeen: State
  /** The consent key whose config entry names it, or null when undeclared. */
  declared: Declared
  /** Id of the catalogue vendor it belongs to, or null. */
  vendor: string | null
}

export interface RequestEntry extends Seen {
  /** URL with the query's values removed (`https://t.example/c?id=&v=`), no fragment. */
  url: string
  host: string
  /** Playwright's resource type: document, script, image, xhr, fetch, stylesheet, ping, … */
  type: string
  /** Its host belongs to another site than the page's. */
  thirdParty: boolean
  /** The script or document that caused it (query values removed), when the browser says. */
  initiator: string | null
}

export interface CookieEntry extends Seen {
  name: string
  /** Domain as the browser stores it; a leading dot means subdomains too. */
  domain: string
  path: string
  /** Seconds it is kept from when it was seen, or null for a session cookie. */
  lifetime: number | null
  httpOnly: boolean
  secure: boolean
  sameSite: string
  /** `server` when a `Set-Cookie` response header set it, else `script`. */
  setBy: 'server' | 'script'
  /** The response whose `Set-Cookie` set it (query values removed), for `setBy: 'server'`. */
  setByUrl: string | null
  thirdParty: boolean
  /** It is Consentry's own decision cookie. */
  sdk: boolean
}

export type StorageType = 'localStorage' | 'sessionStorage' | 'indexedDB'

export interface StorageEntry extends Seen {
  type: StorageType
  /** The origin whose storage holds it (a frame's origin for frames of other sites). */
  origin: string
  /** The key (Web Storage) or database name (IndexedDB). */
  name: string
  thirdParty: boolean
}

export type LeakKind = 'request' | 'cookie' | 'storage'

/** Something not necessary that was requested or stored before a decision or after "Reject all". */
export interface Leak {
  kind: LeakKind
  /** Request URL (query values removed), cookie name or storage key. */
  name: string
  /** Host of a request, domain of a cookie, `type origin` of a storage entry. */
  where: string
  /** The offending states: `none`, `rejected` or both. */
  states: State[]
  declared: Declared
  vendor: string | null
  /** Pages it was seen on, in scan order. */
  pages: string[]
}

export type UndeclaredKind = 'host' | 'cookie' | 'storage'

/** A third-party host, cookie or storage key that no category's `block`, `cookies` or `storage` names. */
export interface Undeclared {
  kind: UndeclaredKind
  name: string
  vendor: string | null
  pages: string[]
}

/** The catalogue's config for vendors of undeclared things, merged by category. */
export interface Suggestion {
  /** Catalogue vendor ids, in the order first met. */
  vendors: string[]
  /** The command that prints the ready config block, or null when no vendor matched. */
  command: string | null
  /** `categories` config entries that would cover them. */
  categories: Record<string, { block: string[]; cookies: string[]; storage: string[] }>
  /** Undeclared things no catalogue vendor explains: the site must name them itself. */
  unknown: { kind: UndeclaredKind; name: string }[]
}

export interface ConsentryFound {
  found: true
  revision: number
  /** Name of the decision cookie. */
  cookie: string
  /** After each decision and a reload, did the page still have it? */
  decisionKept: { rejected: boolean; accepted: boolean }
}

export interface PageReport {
  url: string
  /** HTTP status of the page, or null when it could not be loaded. */
  status: number | null
  /** Why the page could not be scanned, or null. */
  error: string | null
  consentry: ConsentryFound | { found: false }
  requests: RequestEntry[]
  cookies: CookieEntry[]
  storage: StorageEntry[]
  leaks: Leak[]
  undeclared: Undeclared[]
}

export interface ScanReport {
  version: typeof REPORT_VERSION
  /** 0 clean, 1 at least one leak, 2 could not scan. */
  exitCode: 0 | 1 | 2
  /** Set when exitCode is 2. */
  error: string | null
  /** ISO 8601 time the scan started. */
  startedAt: string
  options: { urls: string[]; pages: number; wait: number; resolve: string | null }
  summary: { pages: number; leaks: number; undeclared: number }
  pages: PageReport[]
  /** Leaks of all pages, one entry per thing, with the pages it was seen on. */
  leaks: Leak[]
  undeclared: Undeclared[]
  suggestion: Suggestion
}
