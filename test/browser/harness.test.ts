import { describe, expect, it } from 'vitest'
import { settled, sitePage, useBrowserSuite } from './harness.js'

const suite = useBrowserSuite()

describe('test server', () => {
  it('serves registered pages, scripts and routes with their headers', async () => {
    suite.server.page('/h/page', '<p>hi</p>', { 'X-Test': 'yes' })
    suite.server.script('/h/a.js', 'var a = 1')
    suite.server.route('/h/echo', (_req, res, body) => {
      res.writeHead(201, { 'Content-Type': 'text/plain' })
      res.end('got ' + body)
    })
    const page = await fetch(suite.server.origin + '/h/page')
    expect([page.status, page.headers.get('content-type'), page.headers.get('x-test'), await page.text()]).toEqual([
      200,
      'text/html; charset=utf-8',
      'yes',
      '<p>hi</p>',
    ])
    const js = await fetch(suite.server.origin + '/h/a.js')
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    const echo = await fetch(suite.server.origin + '/h/echo', { method: 'POST', body: 'x=1' })
    expect([echo.status, await echo.text()]).toEqual([201, 'got x=1'])
    const logged = suite.server.requests.find((r) => r.path === '/h/echo')
    expect(logged).toMatchObject({ method: 'POST', host: '127.0.0.1', body: 'x=1' })
  })

  it('serves fixtures and examples from disk with their content types', async () => {
    const css = await fetch(suite.server.origin + '/fixtures/plain.css')
    expect([css.status, css.headers.get('content-type')]).toEqual([200, 'text/css; charset=utf-8'])
    const html = await fetch(suite.server.origin + '/examples/')
    expect([html.status, html.headers.get('content-type')]).toEqual([200, 'text/html; charset=utf-8'])
  })

  it('refuses paths that climb out of a served folder', async () => {
    for (const path of [
      '/fixtures/..%2f..%2fpackage.json',
      '/fixtures/%2e%2e/%2e%2e/package.json',
      '/dist/..%5c..%5cpackage.json',
    ]) {
      expect((await fetch(suite.server.origin + path)).status, path).toBe(404)
    }
  })

  it('logs requests that 404 and honours status and delay parameters', async () => {
    suite.server.clear()
    expect((await fetch(suite.server.origin + '/nothing/here?x=1')).status).toBe(404)
    expect(suite.server.requested('/nothing/here?x=1')).toBe(true)
    expect(suite.server.requested(/^\/nothing\//, '127.0.0.1')).toBe(true)
    expect(suite.server.requested('/nothing/here', 'tags.test')).toBe(false)
    suite.server.page('/h/status', 'gone')
    expect((await fetch(suite.server.origin + '/h/status?status=410')).status).toBe(410)
    const start = Date.now()
    await fetch(suite.server.origin + '/h/status?delay=300')
    expect(Date.now() - start).toBeGreaterThanOrEqual(290)
    suite.server.clear()
    expect(suite.server.requests).toEqual([])
  })
})

describe('browser', () => {
  // Each page leaks a request its own way, late ones included; settled() must see every one of them,
  // or a test asserting "not requested" after it would pass falsely.
  const leaks = {
    parse: (src: string) => `<script async src="${src}"></script>`,
    image: (src: string) => `<img alt="" src="${src}">`,
    onload: (src: string) => `<script>addEventListener('load', () => { new Image().src = '${src}' })</script>`,
    timeout: (src: string) => `<script>setTimeout(() => { new Image().src = '${src}' })</script>`,
  }
  for (const [name, leak] of Object.entries(leaks))
    it(`settles only after a request the page started: ${name}`, async () => {
      const src = suite.server.url(`/fixtures/blocker/log.js?name=${name}&delay=50`, 'tags.test')
      suite.server.page(`/settle-${name}`, sitePage({ body: leak(src) }))
      const { page } = await suite.visit(`/settle-${name}`, { host: 'www.site.test' })
      await settled(page)
      expect(suite.server.requested(`name=${name}`, 'tags.test')).toBe(true)
    })

  it('resolves every *.test hostname to the local server', async () => {
    suite.server.page('/h/where', '<p>here</p>')
    for (const host of ['www.site.test', 'site.test', 'tags.test']) {
      const { context, page } = await suite.visit('/h/where', { host })
      expect(await page.textContent('p')).toBe('here')
      await context.close()
      expect(suite.server.requested('/h/where', host), host).toBe(true)
    }
  })

  it('collects console messages and page errors, and applies gpc and init scripts', async () => {
    suite.server.page(
      '/h/logs',
      `<script>console.log('gpc=' + navigator.globalPrivacyControl + ' init=' + window.__init); setTimeout(() => { throw new Error('boom') })</script>`,
    )
    const { context, page, logs, errors } = await suite.visit('/h/logs', {
      gpc: true,
      initScript: 'window.__init = 42',
    })
    await page.waitForFunction(() => true)
    await expect.poll(() => errors.length).toBe(1)
    expect(logs).toEqual(['log: gpc=true init=42'])
    expect(errors[0]).toContain('boom')
    await context.close()
  })
})
