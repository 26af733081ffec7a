import type { Browser, BrowserContext, Cookie, Page } from 'playwright-core'
import type { NormalizedConfig } from '../types'
import type { State, StorageType } from './types'

export interface RawRequest {
  url: string
  type: string
  initiator: string | null
  state: State
}

export interface RawCookie {
  cookie: Cookie
  state: State
  /** Unix seconds when it was seen, for its lifetime. */
  seenAt: number
  /** The response whose Set-Cookie header set it, or null (then a script did). */
  setByUrl: string | null
}

export interface RawStorage {
  type: StorageType
  origin: string
  name: string
  state: State
}

/** What one page showed in its three browser contexts, before any judgement. */
export interface PageVisit {
  url: string
  status: number | null
  error: string | null
  /** The page's validated config when it runs Consentry (`window.consentry`), else null. */
  config: NormalizedConfig | null
  /** After each decision and a reload, did the page still hold it? */
  decisionKept: { rejected: boolean; accepted: boolean }
  requests: RawRequest[]
  cookies: RawCookie[]
  storage: RawStorage[]
  /** Every link of the page as the browser resolved it. */
  links: string[]
}

type Decision = 'rejectAll' | 'acceptAll'

interface Session {
  status: number | null
  error: string | null
  config: NormalizedConfig | null
  kept: boolean
  requests: RawRequest[]
  cookies: RawCookie[]
  storage: RawStorage[]
  links: string[]
}

/** A page becomes quiet after this long without a request in flight. */
const IDLE_MS = 500
/** …or after this long in any case (polling, long-lived connections). */
const QUIET_MAX_MS = 10_000
/** Time for the document to arrive and parse (a page that never gets there cannot be scanned)… */
const PARSE_TIMEOUT_MS = 60_000
/** …and then for its load event, which a hanging subresource may hold back: the scan goes on without it. */
const LOAD_TIMEOUT_MS = 30_000
/** How long a quiet page may still take to put its instance on `window.consentry`. */
const CONSENTRY_WAIT_MS = 3_000

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms))

/**
 * Visits `url` in three fresh contexts at once: no decision; "Reject all" then a reload;
 * "Accept all" then a reload. The decisions go through the page's own `window.consentry`.
 */
export async function visitPage(browser: Browser, url: string, wait: number): Promise<PageVisit> {
  const [none, rejected, accepted] = await Promise.all([
    session(browser, url, wait, null),
    session(browser, url, wait, 'rejectAll'),
    session(browser, url, wait, 'acceptAll'),
  ])
  const all = [none, rejected, accepted]
  return {
    url,
    status: none.status,
    error: all.find((s) => s.error)?.error ?? null,
    config: none.config,
    decisionKept: { rejected: rejected.kept, accepted: accepted.kept },
    requests: all.flatMap((s) => s.requests),
    cookies: all.flatMap((s) => s.cookies),
    storage: all.flatMap((s) => s.storage),
    links: none.links,
  }
}

async function session(browser: Browser, url: string, wait: number, decision: Decision | null): Promise<Session> {
  const context = await browser.newContext()
  const result: Session = {
    status: null,
    error: null,
    config: null,
    kept: false,
    requests: [],
    cookies: [],
    storage: [],
    links: [],
  }
  try {
    const page = await context.newPage()
    const recorder = await record(context, page)
    const loaded = () => page.waitForLoadState('load', { timeout: LOAD_TIMEOUT_MS }).catch(() => {})
    // Quiet, then the extra wait for late timers, then quiet again for what they started.
    const settle = async (extra: number) => {
      await recorder.quiet()
      if (!extra) return
      await sleep(extra)
      await recorder.quiet()
    }
    let response
    try {
      response = await page.goto(url, { waitUntil: 'domcontentloaded', timeout: PARSE_TIMEOUT_MS })
    } catch (error) {
      result.error = `could not load ${url}: ${(error as Error).message.split('\n')[0]}`
      return result
    }
    result.status = response?.status() ?? null
    const type = (await response?.headerValue('content-type')) ?? ''
    if (result.status !== null && result.status >= 400) result.error = `${url} answered HTTP ${result.status}`
    else if (type && !/html/i.test(type)) result.error = `${url} is not an HTML page (${type})`
    if (result.error) return result
    await loaded()
    // The visitor who decides does so once the page is quiet, without the extra wait.
    await settle(decision ? 0 : wait)
    // An app that creates its instance in a module (after its framework loads) may still be starting.
    await page.waitForFunction(readConfig, undefined, { timeout: CONSENTRY_WAIT_MS }).catch(() => {})
    result.config = await page.evaluate(readConfig).catch(() => null)
    await snapshot(context, page, 'none', recorder.setCookies, result)
    if (!decision)
      result.links = await page.evaluate(() => Array.from(document.links, (link) => link.href)).catch(() => [])
    if (!decision || !result.config) return Object.assign(result, { requests: recorder.requests() })
    recorder.state = decision == 'rejectAll' ? 'rejected' : 'accepted'
    await page.evaluate(
      (method) => (window as unknown as { consentry: Record<Decision, () => void> }).consentry[method](),
      decision,
    )
    await page.reload({ waitUntil: 'domcontentloaded', timeout: PARSE_TIMEOUT_MS })
    await loaded()
    await settle(wait)
    result.kept = await page.evaluate(decisionHeld, decision).catch(() => false)
    await snapshot(context, page, recorder.state, recorder.setCookies, result)
    result.requests = recorder.requests()
  } catch (error) {
    result.error ??= `scanning ${url} failed: ${(error as Error).message.split('\n')[0]}`
  } finally {
    await context.close().catch(() => {})
  }
  return result
}

/** Runs in the page: the config of a Consentry instance at `window.consentry`, or null. */
function readConfig(): NormalizedConfig | null {
  const consent = (window as unknown as { consentry?: { config?: unknown; rejectAll?: unknown; acceptAll?: unknown } })
    .consentry
  if (!consent || typeof consent.rejectAll != 'function' || typeof consent.acceptAll != 'function') return null
  return JSON.parse(JSON.stringify(consent.config ?? {}))
}

/** Runs in the page: does the instance hold the decision made before the reload? */
function decisionHeld(decision: Decision): boolean {
  const consent = (window as unknown as { consentry?: { decided: boolean; get(): Record<string, boolean> } }).consentry
  if (!consent?.decided) return false
  return Object.entries(consent.get()).every(
    ([key, granted]) => key == 'necessary' || granted == (decision == 'acceptAll'),
  )
}

interface Recorder {
  state: State
  /** `name domain` → the response URL whose Set-Cookie header set it. */
  setCookies: Map<string, string>
  requests(): RawRequest[]
  quiet(): Promise<void>
}

/** Records every request of the context with the state it was made in, and every Set-Cookie header. */
async function record(context: BrowserContext, page: Page): Promise<Recorder> {
  const requests: RawRequest[] = []
  const initiators = new Map<string, string>()
  const setCookies = new Map<string, string>()
  const headerReads: Promise<unknown>[] = []
  let inFlight = 0
  let changed = Date.now()
  const recorder: Recorder = {
    state: 'none',
    setCookies,
    requests: () => requests.map((r) => ({ ...r, initiator: initiators.get(r.url) ?? null })),
    async quiet() {
      const end = Date.now() + QUIET_MAX_MS
      while (Date.now() < end && (inFlight > 0 || Date.now() - changed < IDLE_MS)) await sleep(50)
      await Promise.all(headerReads)
    },
  }
  // The browser's own account of who caused each request (parser, script stack, preload).
  const cdp = await context.newCDPSession(page)
  await cdp.send('Network.enable')
  cdp.on('Network.requestWillBeSent', (event) => {
    const who = initiatorOf(event.initiator)
    if (who && !initiators.has(event.request.url)) initiators.set(event.request.url, who)
  })
  context.on('request', (request) => {
    inFlight++
    changed = Date.now()
    if (/^https?:/.test(request.url()))
      requests.push({ url: request.url(), type: request.resourceType(), initiator: null, state: recorder.state })
  })
  const done = () => {
    inFlight = Math.max(0, inFlight - 1)
    changed = Date.now()
  }
  context.on('requestfinished', done)
  context.on('requestfailed', done)
  context.on('response', (response) => {
    const read = response.headersArray().then((headers) => {
      for (const { name, value } of headers) {
        if (name.toLowerCase() != 'set-cookie') continue
        for (const line of value.split('\n')) {
          const cookie = parseSetCookie(line, new URL(response.url()).hostname)
          if (cookie) setCookies.set(cookie, response.url())
        }
      }
    })
    headerReads.push(read.catch(() => {}))
  })
  return recorder
}

/** `name domain` of a Set-Cookie header line: its Domain attribute, else the responding host. */
export function parseSetCookie(line: string, host: string): string | null {
  const [pair = '', ...attributes] = line.split(';')
  const name = pair.slice(0, pair.indexOf('=')).trim()
  if (!pair.includes('=') || !name) return null
  const domain = attributes.map((a) => /^\s*domain\s*=\s*\.?([^\s;]+)/i.exec(a)?.[1]).find(Boolean)
  return name + ' ' + (domain ?? host).toLowerCase()
}

interface Initiator {
  type: string
  url?: string
  stack?: StackTrace
}
interface StackTrace {
  callFrames: { url: string }[]
  parent?: StackTrace
}

/** Consentry's script-tag file (`/dist/consentry.iife.js`, a CDN's `consentry@1/…`). */
const SDK_FILE = /\/consentry[^/]*\.m?js$/i

/**
 * The innermost script on the stack, else the document or preload that named the URL. The
 * blocker wraps fetch, sendBeacon, XHR and Image, so a tag's request has the SDK's file on top:
 * the caller under it is named instead, and the SDK only when nothing else is on the stack.
 */
function initiatorOf(initiator: Initiator): string | null {
  const urls: string[] = []
  for (let stack = initiator.stack; stack; stack = stack.parent)
    urls.push(...stack.callFrames.map((f) => f.url).filter((url) => /^https?:/.test(url)))
  const caller = urls.find((url) => !SDK_FILE.test(new URL(url).pathname)) ?? urls[0]
  if (caller) return caller
  return initiator.url && /^https?:/.test(initiator.url) ? initiator.url : null
}

/** Cookies of the whole context and each frame's Web Storage keys and IndexedDB databases. */
async function snapshot(
  context: BrowserContext,
  page: Page,
  state: State,
  setCookies: Map<string, string>,
  into: Session,
) {
  const seenAt = Date.now() / 1000
  for (const cookie of await context.cookies()) {
    const setByUrl = setCookies.get(cookie.name + ' ' + cookie.domain.replace(/^\./, '').toLowerCase()) ?? null
    into.cookies.push({ cookie, state, seenAt, setByUrl })
  }
  for (const frame of page.frames()) {
    const found = await frame.evaluate(readStorage).catch(() => null)
    if (!found || found.origin == 'null') continue
    for (const [type, names] of Object.entries(found.names) as [StorageType, string[]][])
      for (const name of names) into.storage.push({ type, origin: found.origin, name, state })
  }
}

/** Runs in a frame: its origin, Web Storage keys and IndexedDB database names. */
async function readStorage(): Promise<{ origin: string; names: Record<StorageType, string[]> }> {
  const keys = (area: 'localStorage' | 'sessionStorage'): string[] => {
    try {
      const storage = window[area]
      return Array.from({ length: storage.length }, (_, i) => storage.key(i)!)
    } catch {
      return []
    }
  }
  const databases = await indexedDB.databases().catch(() => [])
  return {
    origin: location.origin,
    names: {
      localStorage: keys('localStorage'),
      sessionStorage: keys('sessionStorage'),
      indexedDB: databases.map((db) => db.name ?? '').filter(Boolean),
    },
  }
}
