// The real-browser harness every test under test/browser/ shares: a local HTTP server
// whose request log is the witness of what the page fetched, and Chromium driven by
// playwright-core with every *.test hostname mapped to 127.0.0.1.
import { spawn } from 'node:child_process'
import { createServer } from 'node:http'
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'
import { afterAll, afterEach, beforeAll } from 'vitest'
import type { Browser, BrowserContext, Cookie, Page } from 'playwright-core'
import { sendText, serveStatic } from '../../scripts/static.mjs'
import { CHROMIUM_FLAGS } from '../../src/scanner/launchChromium.js'
import type { Choices, Consent, ConsentRecord } from '../../src/types.js'

const root = (dir: string): string => fileURLToPath(new URL('../../' + dir, import.meta.url))

/** What the server serves from disk, besides the pages a test registers. */
const MOUNTS = [
  { prefix: '/dist/', dir: root('dist') },
  { prefix: '/examples/', dir: root('examples') },
  { prefix: '/fixtures/', dir: root('test/browser/fixtures') },
]

/** One request the server received, answered or not. */
export interface LoggedRequest {
  method: string
  /** Hostname the page used (`www.site.test`), without the port. */
  host: string
  /** Path without the query. */
  path: string
  /** Full URL, with host, port, path and query. */
  url: string
  /** `Date.now()` when the request arrived. */
  time: number
  headers: IncomingHttpHeaders
  /** Request body as text (`''` for GET). */
  body: string
}

export type Handler = (req: IncomingMessage, res: ServerResponse, body: string) => void | Promise<void>

export interface TestServer {
  /** `http://127.0.0.1:PORT` */
  readonly origin: string
  readonly port: number
  /** Every request received, in order, including ones that got a 404. */
  readonly requests: LoggedRequest[]
  /** Full URL of `path` on `host` (any `*.test` name resolves to this server in the browser). */
  url(path: string, host?: string): string
  /** Answers `path` with `html` (text/html) and any extra headers, e.g. a Content-Security-Policy. */
  page(path: string, html: string, headers?: Record<string, string>): void
  /** Answers `path` with a JavaScript body. */
  script(path: string, js: string, headers?: Record<string, string>): void
  /** Answers `path` with a custom handler; `body` is the request body as text. */
  route(path: string, handler: Handler): void
  /** Was a request made whose path+query matches (substring or RegExp), optionally on `host`? */
  requested(pattern: string | RegExp, host?: string): boolean
  /** Empties the request log. */
  clear(): void
  close(): Promise<void>
}

/**
 * Starts the test server on 127.0.0.1 and a free port. It answers any Host header.
 * On every request, `?delay=ms` delays the answer and `?status=N` forces its status.
 */
export async function startServer(): Promise<TestServer> {
  const routes = new Map<string, Handler>()
  const requests: LoggedRequest[] = []
  const server = createServer((req, res) => {
    void readBody(req).then((body) => answer(req, res, body))
  })

  async function answer(req: IncomingMessage, res: ServerResponse, body: string): Promise<void> {
    const url = new URL(req.url ?? '/', `http://${req.headers.host ?? '127.0.0.1'}`)
    requests.push({
      method: req.method ?? 'GET',
      host: url.hostname,
      path: url.pathname,
      url: url.href,
      time: Date.now(),
      headers: req.headers,
      body,
    })
    const delay = Number(url.searchParams.get('delay'))
    if (delay > 0) await new Promise((done) => setTimeout(done, delay))
    forceStatus(res, Number(url.searchParams.get('status')))
    try {
      const handler = routes.get(url.pathname)
      if (handler) await handler(req, res, body)
      // 204s keep 404s out of console logs; /sentinel answers settled().
      else if (url.pathname === '/favicon.ico' || url.pathname === '/favicon.svg' || url.pathname === '/sentinel')
        res.writeHead(204).end()
      else if (!(await serveStatic(MOUNTS, req, res))) sendText(res, 404, 'Not found: ' + url.pathname)
    } catch (error) {
      if (!res.headersSent) sendText(res, 500, String(error))
      else res.end()
    }
  }

  const fixed =
    (type: string, text: string, headers: Record<string, string> = {}): Handler =>
    (_req, res) => {
      res.writeHead(200, { 'Content-Type': type, 'Cache-Control': 'no-store', ...headers })
      res.end(text)
    }

  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  const port = (server.address() as AddressInfo).port
  const pathAndQuery = (r: LoggedRequest): string => {
    const u = new URL(r.url)
    return u.pathname + u.search
  }

  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    requests,
    url: (path, host = '127.0.0.1') => `http://${host}:${port}${path.startsWith('/') ? path : '/' + path}`,
    page: (path, html, headers) => void routes.set(path, fixed('text/html; charset=utf-8', html, headers)),
    script: (path, js, headers) => void routes.set(path, fixed('text/javascript; charset=utf-8', js, headers)),
    route: (path, handler) => void routes.set(path, handler),
    requested: (pattern, host) =>
      requests.some(
        (r) =>
          (host === undefined || r.host === host) &&
          (typeof pattern === 'string' ? pathAndQuery(r).includes(pattern) : pattern.test(pathAndQuery(r))),
      ),
    clear: () => void requests.splice(0),
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections()
        server.close(() => done())
      }),
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((done) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => done(Buffer.concat(chunks).toString('utf8')))
    req.on('error', () => done(''))
  })
}

/** `?status=N`: whatever the handler writes, the status line says N. */
function forceStatus(res: ServerResponse, status: number): void {
  if (!(status >= 100 && status <= 599)) return
  const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => ServerResponse
  res.writeHead = ((_code: number, ...rest: unknown[]) => writeHead(status, ...rest)) as typeof res.writeHead
}

let sentinels = 0
/**
 * Resolves once `page` has done everything it will do so far, a fact rather than a sleep: after its load
 * event and one more task (observers and queued timers of 0 ms run first), the page fetches `/sentinel`
 * from its own origin, and that request is in the server's log when this returns. A request the page started
 * before it reaches this local server first, so a test can then assert that something was not requested.
 */
export async function settled(page: Page): Promise<void> {
  await page.evaluate(async (path) => {
    if (document.readyState !== 'complete') await new Promise((done) => addEventListener('load', done, { once: true }))
    await new Promise((done) => setTimeout(done))
    await fetch(path)
  }, `/sentinel?n=${++sentinels}`)
}

/** Debian's Chromium, or `CHROME_PATH`. */
export const CHROME_PATH = process.env.CHROME_PATH || '/usr/bin/chromium'

const FLAGS = [
  ...CHROMIUM_FLAGS,
  // Test sites (www.site.test, tags.test, …) all live on the local server.
  '--host-resolver-rules=MAP *.test 127.0.0.1',
]

/** Launches Chromium (a fresh profile each time). Launch one per test file and close it in afterAll. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROME_PATH, args: FLAGS })
}

export interface OpenPageOptions {
  /** Defines `navigator.globalPrivacyControl = true` before any page script runs. */
  gpc?: boolean
  viewport?: { width: number; height: number }
  colorScheme?: 'light' | 'dark'
  locale?: string
  /** Script source run in every frame before the page's own scripts. */
  initScript?: string
  /** Cookies present before the first request. */
  cookies?: Parameters<BrowserContext['addCookies']>[0]
}

export interface OpenedPage {
  context: BrowserContext
  page: Page
  /** Console messages of the page and its frames, as `"type: text"` (`"warning: [consentry] …"`). */
  logs: string[]
  /** Uncaught page errors. */
  errors: string[]
}

/** Opens `url` in a new, empty browser context; close `context` when done. Tests open pages with `suite.visit()`. */
async function openPage(browser: Browser, url: string, opts: OpenPageOptions = {}): Promise<OpenedPage> {
  const context = await browser.newContext({
    viewport: opts.viewport,
    colorScheme: opts.colorScheme,
    locale: opts.locale,
  })
  if (opts.gpc) {
    await context.addInitScript(
      "Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true, configurable: true })",
    )
  }
  if (opts.initScript) await context.addInitScript(opts.initScript)
  if (opts.cookies) await context.addCookies(opts.cookies)
  const page = await context.newPage()
  const logs: string[] = []
  const errors: string[] = []
  page.on('console', (message) => logs.push(`${message.type()}: ${message.text()}`))
  page.on('pageerror', (error) => errors.push(String(error)))
  await page.goto(url)
  return { context, page, logs, errors }
}

/** The cookie `name` as the browser stores it (attributes included), or undefined. */
export async function getCookie(context: BrowserContext, name: string): Promise<Cookie | undefined> {
  return (await context.cookies()).find((c) => c.name === name)
}

/** The value of cookie `name`, or undefined. */
export async function cookieValue(context: BrowserContext, name: string): Promise<string | undefined> {
  return (await getCookie(context, name))?.value
}

/** The `[consentry]` warnings among console logs. */
export function warnings(logs: string[]): string[] {
  return logs.filter((line) => line.startsWith('warning: [consentry]'))
}

export interface SitePageOptions {
  /** Contents of `#consentry-config`: an object is serialized, a string is used as is. Omit for no block. */
  config?: unknown
  /** Extra markup in `<head>` after the SDK. */
  head?: string
  body?: string
  /** Attributes of the SDK's script tag, e.g. `nonce="abc"`. */
  scriptAttrs?: string
  /** SDK URL. @default '/dist/consentry.iife.js' */
  src?: string
  lang?: string
}

/** A minimal site page loading the script-tag SDK first in `<head>`, as DESIGN §1 shows. */
export function sitePage(opts: SitePageOptions = {}): string {
  const config =
    opts.config === undefined
      ? ''
      : `<script type="application/json" id="consentry-config">${
          typeof opts.config === 'string' ? opts.config : JSON.stringify(opts.config)
        }</script>\n`
  return `<!doctype html>
<html lang="${opts.lang ?? 'en'}">
<head>
<meta charset="utf-8">
<title>Test site</title>
${config}<script src="${opts.src ?? '/dist/consentry.iife.js'}"${opts.scriptAttrs ? ' ' + opts.scriptAttrs : ''}></script>
${opts.head ?? ''}
</head>
<body>
${opts.body ?? '<main><h1>Test site</h1></main>'}
</body>
</html>`
}

/** `window` of a page that loaded the script-tag SDK: `page.evaluate(() => (window as SdkWindow).consentry.get())`. */
export type SdkWindow = Window & typeof globalThis & { consentry: Consent }

export interface ConsentState {
  choices: Choices
  decided: boolean
  record: ConsentRecord | null
}

/** What `window.consentry` says in `page` (or one of its frames). */
export function consentState(page: Pick<Page, 'evaluate'>): Promise<ConsentState> {
  return page.evaluate(() => {
    const consent = (window as SdkWindow).consentry
    return { choices: consent.get(), decided: consent.decided, record: consent.record() }
  })
}

export interface ExampleServer {
  /** `http://127.0.0.1:PORT/`, as `npm start` printed it. */
  url: string
  close(): void
}

/** Runs `npm start`'s server (scripts/serve.mjs) on a free port, as a visitor would meet it. */
export function startExampleServer(): Promise<ExampleServer> {
  const script = fileURLToPath(new URL('../../scripts/serve.mjs', import.meta.url))
  // Each server keeps its consent records in memory: test files run side by side.
  const env = { ...process.env, PORT: '0', CONSENTRY_DATA: process.env.CONSENTRY_DATA ?? 'memory://' }
  const child = spawn(process.execPath, [script], { env, stdio: ['ignore', 'pipe', 'inherit'] })
  return new Promise((done, fail) => {
    let out = ''
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      const url = /Consentry examples: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out)?.[1]
      if (url) done({ url, close: () => child.kill() })
    })
    child.on('exit', (code) => fail(new Error(`serve.mjs exited with ${code}: ${out}`)))
  })
}

export interface VisitOptions extends OpenPageOptions {
  /** Host a path is opened on (any `*.test` name reaches the test server). */
  host?: string
}

/** A page to serve before opening it (test server only): at `path`, or a fresh one, with any extra headers. */
export interface ServedPage {
  html: string
  path?: string
  headers?: Record<string, string>
}

export interface Visited extends OpenedPage {
  /** The URL the page was opened at. */
  url: string
}

export interface BrowserSuite<S> {
  /** The file's server: `startServer()`'s, or the examples' (`startExampleServer()`). */
  readonly server: S
  readonly browser: Browser
  /** Closes `context` after the current test. */
  track(context: BrowserContext): BrowserContext
  /**
   * Opens a page in a fresh context, closed after the test: a URL, a path on the file's server, or
   * `{ html }` served first at a fresh path. The one way browser tests open a page.
   */
  visit(target: string | ServedPage, opts?: VisitOptions): Promise<Visited>
}

interface Where<S> {
  /** Full URL of `path` on `host`. */
  url(server: S, path: string, host?: string): string
  /** Answers `path` with `html`; absent where the server only serves its own pages. */
  page?(server: S, path: string, html: string, headers?: Record<string, string>): void
}

/**
 * Closes a test's context. Chromium has been seen (only in the full suite on a loaded machine, once per run)
 * to leave `Target.disposeBrowserContext` unanswered after a test whose assertions all passed; the hook then
 * timed out and failed that test. Teardown is not what a test asserts: after 20 s the context is left to
 * `browser.close()` at the end of the file, with a warning naming the page.
 */
async function closeContext(context: BrowserContext): Promise<void> {
  const urls = context.pages().map((page) => page.url())
  let timer: NodeJS.Timeout | undefined
  const late = new Promise<void>((resolve) => {
    timer = setTimeout(() => {
      console.warn(
        `[harness] a browser context did not close within 20 s (${urls.join(', ')}); left to browser.close()`,
      )
      resolve()
    }, 20_000)
  })
  await Promise.race([context.close(), late])
  clearTimeout(timer)
}

/** The hooks of a browser test file: one server from `start` and one browser per file. */
function useSuite<S extends { close(): unknown }>(start: () => Promise<S>, where: Where<S>): BrowserSuite<S> {
  let server: S | undefined
  let browser: Browser | undefined
  let served = 0
  const contexts: BrowserContext[] = []
  beforeAll(async () => {
    server = await start()
    browser = await launchBrowser()
  })
  afterEach(async () => {
    await Promise.all(contexts.splice(0).map(closeContext))
  })
  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })
  return {
    get server() {
      return server!
    },
    get browser() {
      return browser!
    },
    track: (context) => {
      contexts.push(context)
      return context
    },
    async visit(target, { host, ...opts } = {}) {
      const path = typeof target == 'string' ? target : (target.path ?? `/visit${++served}`)
      if (typeof target != 'string') {
        if (!where.page) throw new Error('this suite serves only its own pages: visit a path')
        where.page(server!, path, target.html, target.headers)
      }
      const url = /^[a-z]+:/.test(path) ? path : where.url(server!, path, host)
      const opened = await openPage(browser!, url, opts)
      contexts.push(opened.context)
      return { ...opened, url }
    },
  }
}

/** For a file that serves its own pages and fixtures. */
export const useBrowserSuite = (): BrowserSuite<TestServer> =>
  useSuite(startServer, {
    url: (server, path, host) => server.url(path, host),
    page: (server, path, html, headers) => server.page(path, html, headers),
  })

/** For a file that drives the examples as `npm start` serves them. */
export const useExamples = (): BrowserSuite<ExampleServer> =>
  useSuite(startExampleServer, { url: (server, path) => new URL(path, server.url).href })
