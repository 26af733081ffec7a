// `consentry scan` as a site's CI runs it: the built command, real Chromium, fixture sites on
// 127.0.0.1 whose hostnames (www.clean.test, tracker.test, …) the scanner maps with --resolve.
import { execFile } from 'node:child_process'
import { cp, mkdtemp, rm } from 'node:fs/promises'
import { createServer, type AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ScanReport } from '../../src/scanner/types.js'
import { formatReport } from '../../src/scanner/formatReport.js'
import { googleAnalytics } from '../../src/vendors/index.js'
import { sitePage, startExampleServer, startServer, type TestServer } from './harness.js'

const root = fileURLToPath(new URL('../../', import.meta.url))
// Generous: the suite's scans run at once on a machine shared with other work.
const SCAN_TIMEOUT = 240_000

interface Run {
  code: number | null
  stdout: string
  stderr: string
}

/** Runs `node bin/consentry.mjs scan …args` from `cwd`; never rejects. */
function consentry(args: string[], env: Record<string, string> = {}, cwd = root): Promise<Run> {
  return new Promise((done) => {
    const child = execFile(
      process.execPath,
      ['bin/consentry.mjs', 'scan', ...args],
      { cwd, env: { ...process.env, ...env }, timeout: SCAN_TIMEOUT },
      (error, stdout, stderr) => done({ code: child.exitCode ?? (error ? -1 : 0), stdout, stderr }),
    )
  })
}

let server: TestServer
/** Each fixture is its own site; its third parties are other *.test hosts. */
const url = (host: string, path: string) => `http://${host}${path}`
// Google's tag host too, so the ungated site can paste a (stand-in) Google Analytics tag.
const resolve = () => [
  '--resolve',
  `MAP *.test 127.0.0.1:${server.port},MAP www.googletagmanager.com 127.0.0.1:${server.port}`,
  '--wait',
  '300',
]

async function scanJson(start: string, ...extra: string[]): Promise<{ run: Run; report: ScanReport }> {
  const run = await consentry([start, '--json', ...resolve(), ...extra])
  if (!run.stdout) throw new Error(`consentry scan ${start} printed no report (exit ${run.code}): ${run.stderr}`)
  return { run, report: JSON.parse(run.stdout) as ScanReport }
}

const TRACKER = `
document.cookie = '_tr=1; Path=/; Max-Age=86400'
document.cookie = '_tr_extra=1; Path=/'
localStorage.setItem('tr_visits', '1')
fetch('http://tracker.test/collect?id=123&v=2', { mode: 'no-cors' })
`

beforeAll(async () => {
  server = await startServer()
  server.script('/t.js', TRACKER)
  server.route('/collect', (_req, res) => void res.writeHead(204).end())
  server.route('/pixel.gif', (_req, res) => void res.writeHead(204).end())
  server.script('/ads.js', 'window.adsLoaded = true')
  server.script(
    '/gtag/js',
    "document.cookie = '_ga=GA1.1.1; Path=/; Max-Age=63072000'; document.cookie = '_ga_TEST=GS1.1; Path=/; Max-Age=63072000'",
  )

  // Clean: the tracker is gated on analytics; the server's own session cookie is declared necessary.
  const cleanConfig = {
    categories: {
      necessary: { cookies: ['sid'] },
      analytics: { block: ['tracker.test'], cookies: ['_tr'], storage: ['tr_visits'] },
    },
  }
  const cleanPage = (body: string) =>
    sitePage({
      config: cleanConfig,
      body: body + '<script type="text/plain" data-consent="analytics" src="http://tracker.test/t.js"></script>',
    })
  server.route('/clean/', (_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html', 'Set-Cookie': 'sid=abc; Path=/; HttpOnly; SameSite=Lax' })
    res.end(cleanPage('<a href="/clean/about.html#team">About</a> <a href="http://other.test/">Elsewhere</a>'))
  })
  server.page('/clean/about.html', cleanPage('<a href="/clean/">Home</a>'))

  // Ungated: a Google Analytics tag, a third-party script and a pixel written straight into the page.
  const ungated =
    '<script src="http://www.googletagmanager.com/gtag/js?id=G-TEST"></script><script src="http://ads.test/ads.js"></script><img src="http://ads.test/pixel.gif" alt="">'
  server.page('/ungated/', sitePage({ config: { categories: { analytics: { cookies: ['_ga'] } } }, body: ungated }))

  // Bundled: the site's own code writes what no category names; its server sets a declared analytics cookie.
  server.script(
    '/bundled/app.js',
    "document.cookie = '_sneaky=1; Path=/; Max-Age=3600'; document.cookie = '_an=1; Path=/'; localStorage.setItem('sneaky_key', '1'); indexedDB.open('sneaky-db')",
  )
  server.route('/bundled/', (_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html', 'Set-Cookie': '_an_srv=1; Path=/; Max-Age=600; HttpOnly' })
    res.end(
      sitePage({
        config: { categories: { analytics: { cookies: ['_an', '_an_srv'] } } },
        head: '<script src="/bundled/app.js"></script>',
      }),
    )
  })

  // No Consentry at all: a tag manager straight in the page.
  server.page(
    '/plain/',
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Plain</title>
<script src="http://tracker.test/t.js"></script></head><body><h1>Plain</h1></body></html>`,
  )
})

afterAll(() => server?.close())

/** A URL nothing listens on: a port that was free a moment ago. */
async function closedUrl(): Promise<string> {
  const probe = createServer()
  await new Promise<void>((done) => probe.listen(0, '127.0.0.1', done))
  const { port } = probe.address() as AddressInfo
  await new Promise((done) => probe.close(done))
  return `http://127.0.0.1:${port}/`
}

/** The example site as `npm start` serves it, scanned in text mode as a person would run it. */
async function scanExamples(): Promise<{ run: Run; url: string }> {
  const examples = await startExampleServer()
  try {
    return { run: await consentry([examples.url, '--wait', '300']), url: examples.url }
  } finally {
    examples.close()
  }
}

type Scanned = { run: Run; report: ScanReport }
/** Runs `tasks` three at a time: each scan is its own Chromium with three pages open. */
async function threeAtATime<T>(tasks: (() => Promise<T>)[]): Promise<T[]> {
  const results: T[] = []
  let next = 0
  const worker = async () => {
    while (next < tasks.length) {
      const index = next++
      results[index] = await tasks[index]!()
    }
  }
  await Promise.all([worker(), worker(), worker()])
  return results
}

/** Every scan of this file, a few at once: most of their time is waiting for pages to be quiet. */
const scans = {} as Record<'clean' | 'ungated' | 'bundled' | 'plain' | 'unreachable', Scanned> & {
  missing: Run
  example: { run: Run; url: string }
}
beforeAll(async () => {
  const [example, clean, ungated, bundled, plain, unreachable, missing] = await threeAtATime<unknown>([
    () => scanExamples(),
    () => scanJson(url('www.clean.test', '/clean/')),
    () => scanJson(url('www.ungated.test', '/ungated/')),
    () => scanJson(url('www.bundled.test', '/bundled/')),
    () => scanJson(url('www.plain.test', '/plain/')),
    () => closedUrl().then((closed) => scanJson(closed)),
    () => consentry([url('www.clean.test', '/missing/'), ...resolve()]),
  ])
  Object.assign(scans, { clean, ungated, bundled, plain, unreachable, missing, example })
}, 2 * SCAN_TIMEOUT)

describe('a clean site', () => {
  let run: Run
  let report: ScanReport
  beforeAll(() => {
    ;({ run, report } = scans.clean)
  })

  it('exits 0 with no leaks, after following its same-site link and not the other site', () => {
    expect([run.code, run.stderr, report.version, report.exitCode, report.error]).toEqual([0, '', 1, 0, null])
    expect(report.leaks).toEqual([])
    expect(report.pages.map((p) => [p.url, p.status, p.error, p.consentry.found])).toEqual([
      ['http://www.clean.test/clean/', 200, null, true],
      ['http://www.clean.test/clean/about.html', 200, null, true],
    ])
    expect(server.requested('/', 'other.test')).toBe(false)
    expect(report.pages[0]!.consentry).toEqual({
      found: true,
      revision: 0,
      cookie: 'consentry',
      decisionKept: { rejected: true, accepted: true },
    })
  })

  it('sees the gated tag only after "accept all", with its initiator and without query values', () => {
    const page = report.pages[0]!
    const tag = page.requests.find((r) => r.url == 'http://tracker.test/t.js')
    expect(tag).toMatchObject({
      host: 'tracker.test',
      type: 'script',
      thirdParty: true,
      states: ['accepted'],
      firstSeen: 'accepted',
      declared: 'analytics',
    })
    // The blocker inserted it once analytics was granted: the SDK's script is on the stack.
    expect(tag!.initiator).toBe('http://www.clean.test/dist/consentry.iife.js')
    const beacon = page.requests.find((r) => r.host == 'tracker.test' && r.url.includes('collect'))
    expect(beacon).toMatchObject({
      url: 'http://tracker.test/collect?id=&v=',
      type: 'fetch',
      initiator: 'http://tracker.test/t.js',
      states: ['accepted'],
    })
    expect(page.requests.find((r) => r.url == 'http://www.clean.test/clean/')).toMatchObject({
      type: 'document',
      thirdParty: false,
      firstSeen: 'none',
    })
  })

  it('records cookies with who set them, their lifetime and declaration', () => {
    const cookies = Object.fromEntries(report.pages[0]!.cookies.map((c) => [c.name, c]))
    expect(cookies.sid).toMatchObject({
      domain: 'www.clean.test',
      path: '/',
      httpOnly: true,
      setBy: 'server',
      setByUrl: 'http://www.clean.test/clean/',
      lifetime: null,
      declared: 'necessary',
      states: ['none', 'rejected', 'accepted'],
      sdk: false,
    })
    expect(cookies.consentry).toMatchObject({
      setBy: 'script',
      sdk: true,
      declared: 'necessary',
      states: ['rejected', 'accepted'],
    })
    expect(cookies.consentry!.lifetime).toBeGreaterThan(181 * 86400)
    expect(cookies._tr).toMatchObject({ setBy: 'script', httpOnly: false, declared: 'analytics', states: ['accepted'] })
    expect(cookies._tr!.lifetime).toBeGreaterThan(86000)
    expect(report.pages[0]!.storage).toEqual([
      {
        type: 'localStorage',
        origin: 'http://www.clean.test',
        name: 'tr_visits',
        thirdParty: false,
        states: ['accepted'],
        firstSeen: 'accepted',
        declared: 'analytics',
        vendor: null,
      },
    ])
  })

  it('lists what no category names even when it only appears after consent', () => {
    expect(report.undeclared).toEqual([
      {
        kind: 'cookie',
        name: '_tr_extra',
        vendor: null,
        pages: ['http://www.clean.test/clean/', 'http://www.clean.test/clean/about.html'],
      },
    ])
    expect(report.suggestion).toEqual({
      vendors: [],
      command: null,
      categories: {},
      unknown: [{ kind: 'cookie', name: '_tr_extra' }],
    })
    expect(report.summary).toEqual({ pages: 2, leaks: 0, undeclared: 1 })
  })
})

describe('leaky sites', () => {
  it('reports an ungated third-party tag as a request leak before a decision and after "reject all"', () => {
    const { run, report } = scans.ungated
    expect([run.code, report.exitCode]).toEqual([1, 1])
    const page = 'http://www.ungated.test/ungated/'
    const before = ['none', 'rejected']
    expect(report.leaks).toEqual([
      {
        kind: 'request',
        name: 'http://www.googletagmanager.com/gtag/js?id=',
        where: 'www.googletagmanager.com',
        states: before,
        declared: null,
        vendor: 'google-analytics',
        pages: [page],
      },
      {
        kind: 'request',
        name: 'http://ads.test/ads.js',
        where: 'ads.test',
        states: before,
        declared: null,
        vendor: null,
        pages: [page],
      },
      {
        kind: 'request',
        name: 'http://ads.test/pixel.gif',
        where: 'ads.test',
        states: before,
        declared: null,
        vendor: null,
        pages: [page],
      },
      {
        kind: 'cookie',
        name: '_ga_TEST',
        where: 'www.ungated.test',
        states: before,
        declared: null,
        vendor: 'google-analytics',
        pages: [page],
      },
    ])
    // The storage guard refused the tag's declared _ga until "accept all"; the undeclared _ga_TEST went through.
    const cookies = report.pages[0]!.cookies
    expect(cookies.find((c) => c.name == '_ga')).toMatchObject({
      declared: 'analytics',
      states: ['accepted'],
      vendor: 'google-analytics',
    })
    expect(cookies.find((c) => c.name == '_ga_TEST')).toMatchObject({
      declared: null,
      states: ['none', 'rejected', 'accepted'],
    })
    expect(report.undeclared).toEqual([
      { kind: 'host', name: 'www.googletagmanager.com', vendor: 'google-analytics', pages: [page] },
      { kind: 'host', name: 'ads.test', vendor: null, pages: [page] },
      { kind: 'cookie', name: '_ga_TEST', vendor: 'google-analytics', pages: [page] },
    ])
  })

  it('gives the catalogue config lines that would cover what is undeclared', () => {
    const { block, cookies, storage } = googleAnalytics
    expect(scans.ungated.report.suggestion).toEqual({
      vendors: ['google-analytics'],
      command: 'npx consentry config google-analytics',
      categories: { analytics: { block, cookies: cookies.map((c) => c.name), storage } },
      unknown: [{ kind: 'host', name: 'ads.test' }],
    })
  })

  it('reports cookies, storage keys and databases that the site bundle or its server set before consent', () => {
    const { run, report } = scans.bundled
    expect([run.code, report.exitCode]).toEqual([1, 1])
    const page = 'http://www.bundled.test/bundled/'
    const leaks = report.leaks.map(({ kind, name, where, states, declared }) => ({
      kind,
      name,
      where,
      states,
      declared,
    }))
    expect(leaks).toEqual(
      expect.arrayContaining([
        { kind: 'cookie', name: '_sneaky', where: 'www.bundled.test', states: ['none', 'rejected'], declared: null },
        {
          kind: 'cookie',
          name: '_an_srv',
          where: 'www.bundled.test',
          states: ['none', 'rejected'],
          declared: 'analytics',
        },
        {
          kind: 'storage',
          name: 'sneaky_key',
          where: 'localStorage http://www.bundled.test',
          states: ['none', 'rejected'],
          declared: null,
        },
        {
          kind: 'storage',
          name: 'sneaky-db',
          where: 'indexedDB http://www.bundled.test',
          states: ['none', 'rejected'],
          declared: null,
        },
      ]),
    )
    expect(leaks).toHaveLength(4)
    const cookies = report.pages[0]!.cookies
    expect(cookies.find((c) => c.name == '_an_srv')).toMatchObject({ setBy: 'server', httpOnly: true, setByUrl: page })
    expect(cookies.find((c) => c.name == '_sneaky')).toMatchObject({ setBy: 'script', httpOnly: false })
    // The declared one the bundle wrote was refused by the storage guard until "accept all".
    expect(cookies.find((c) => c.name == '_an')).toMatchObject({ declared: 'analytics', states: ['accepted'] })
  })

  it('says a page has no Consentry and counts everything before any interaction', () => {
    const { run, report } = scans.plain
    expect([run.code, report.exitCode]).toEqual([1, 1])
    expect(report.pages[0]!.consentry).toEqual({ found: false })
    const leaks = report.leaks.map(({ kind, name, states }) => `${kind} ${name} ${states.join()}`)
    expect(leaks.sort()).toEqual([
      'cookie _tr none',
      'cookie _tr_extra none',
      'request http://tracker.test/collect?id=&v= none',
      'request http://tracker.test/t.js none',
      'storage tr_visits none',
    ])
  })

  it('prints the report as a table grouped by state, marking each leak, coloured only when asked', () => {
    // What the command prints for this report (the example-site test below runs the text mode itself).
    const text = formatReport(scans.ungated.report, false)
    const lines = text.split('\n')
    const before = lines.indexOf('Before a decision')
    const rejected = lines.indexOf('After "Reject all" (first seen)')
    expect([before > 0, rejected > before]).toEqual([true, true])
    expect(lines[before + 1]).toMatch(/^ {2}KIND +NAME +WHERE +DETAILS +DECLARED +VENDOR +PAGES$/)
    expect(lines.slice(before, rejected).find((line) => line.includes('http://ads.test/ads.js'))).toMatch(
      /^ {2}request +http:\/\/ads\.test\/ads\.js +ads\.test +script, third-party +undeclared +— +1 +LEAK$/,
    )
    expect(text).toContain(
      '  request http://ads.test/ads.js (ads.test; undeclared) before a decision and after "reject all", on http://www.ungated.test/ungated/\n',
    )
    expect(text).toContain(
      '\n  npx consentry config google-analytics\n  "analytics": { "block": ["google-analytics.com", ',
    )
    expect(text.endsWith('\n4 leaks: exit 1\n')).toBe(true)
    expect(text).not.toContain('\x1b[')
    expect(formatReport(scans.ungated.report, true)).toContain('\x1b[31m4 leaks: exit 1\x1b[39m')
  })
})

describe('when it cannot scan', () => {
  it('exits 2 for an unreachable url, saying why on stderr and in the json report', () => {
    const { run, report } = scans.unreachable
    expect([run.code, report.version, report.exitCode, report.pages, report.leaks]).toEqual([2, 1, 2, [], []])
    expect(report.error).toMatch(/^could not load http:\/\/127\.0\.0\.1:\d+\/: .*ERR_CONNECTION_REFUSED/)
    expect(run.stderr).toBe(`consentry scan: ${report.error}\n`)
  })

  it('exits 2 for a start page that answers an http error', () => {
    expect([scans.missing.code, scans.missing.stdout, scans.missing.stderr]).toEqual([
      2,
      '',
      'consentry scan: http://www.clean.test/missing/ answered HTTP 404\n',
    ])
  })

  it(
    'exits 2 with one line naming the problem for bad arguments',
    async () => {
      const cases: [string[], string][] = [
        [[], 'give at least one URL to scan'],
        [['http://x.test/', '--pages', '0'], '--pages must be a whole number ≥ 1, got "0"'],
        [['http://x.test/', '--wait', 'soon'], '--wait must be a whole number ≥ 0, got "soon"'],
        [['ftp://x.test/'], 'not an http(s) URL: "ftp://x.test/"'],
        [['http://x.test/', '--depth', '2'], "Unknown option '--depth'"],
      ]
      for (const [args, message] of cases) {
        const run = await consentry(args)
        expect([run.code, run.stdout, run.stderr.split('\n')[0]], args.join(' ')).toEqual([
          2,
          '',
          `consentry scan: ${message}`,
        ])
      }
      const help = await consentry(['--help'])
      expect([help.code, help.stdout.split('\n')[0]]).toEqual([
        0,
        'Usage: consentry scan <url>… [--pages N] [--json] [--wait ms] [--resolve RULES]',
      ])
    },
    SCAN_TIMEOUT,
  )

  it('exits 2 when there is no browser at CHROME_PATH', async () => {
    const run = await consentry(['http://x.test/'], { CHROME_PATH: '/nonexistent/chromium' })
    expect([run.code, run.stderr]).toEqual([
      2,
      'consentry scan: no Chromium at /nonexistent/chromium: install it (apt-get install chromium) or set CHROME_PATH\n',
    ])
  })

  it('exits 2 with how to add playwright-core when it is not installed', async () => {
    // The built command alone, where no node_modules can be found.
    const dir = await mkdtemp(join(tmpdir(), 'consentry-scan-'))
    try {
      await cp(join(root, 'bin'), join(dir, 'bin'), { recursive: true })
      await cp(join(root, 'dist/cli'), join(dir, 'dist/cli'), { recursive: true })
      const run = await consentry(['http://x.test/'], {}, dir)
      expect([run.code, run.stderr]).toEqual([
        2,
        'consentry scan: consentry scan needs playwright-core: run `npm install --save-dev playwright-core`\n',
      ])
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})

it("finds npm start's example site clean, deciding on each of its pages", () => {
  const { run, url: base } = scans.example
  expect([run.code, run.stderr]).toEqual([0, ''])
  expect(run.stdout).not.toContain('\x1b[')
  const pages = run.stdout.split('\nPages\n')[1]!.split('\n\n')[0]
  const expected = { '': 1, 'google-consent-mode/': 1, 'frameworks/': 0 }
  expect(pages).toBe(
    Object.entries(expected)
      .map(([path, revision]) => `  ${base}${path}  Consentry, revision ${revision}`)
      .join('\n'),
  )
  expect(run.stdout).toContain('consentry scan: 3 pages, 0 leaks, 0 undeclared\n')
  expect(run.stdout.endsWith('\nclean: exit 0\n')).toBe(true)
})
