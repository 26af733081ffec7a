// Startup work (issue 7): what the SDK does while the page loads, witnessed by Chromium itself.
// The example shop page has everything on: blocker with gated scripts, a template, an iframe
// placeholder, the banner, the footer link.
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { useExamples } from './harness.js'

const examples = useExamples()

// Counts, per API, the calls whose stack passes through the SDK's own file.
const COUNT_SDK_CALLS = `(() => {
  const counts = (window.__sdkCalls = {})
  const fromSdk = () => /consentry\\.iife\\.js/.test(new Error().stack)
  const count = (name) => fromSdk() && (counts[name] = (counts[name] || 0) + 1)
  const Observer = window.MutationObserver
  window.MutationObserver = class extends Observer { constructor(cb) { super(cb); count('MutationObserver') } }
  for (const [proto, name] of [[Element.prototype, 'attachShadow'], [CSSStyleSheet.prototype, 'replaceSync']]) {
    const original = proto[name]
    proto[name] = function () { count(name); return original.apply(this, arguments) }
  }
})()`

/** A blank page in a fresh context that counts SDK calls; the test navigates it (after starting a trace, say). */
const newPage = () => examples.visit('about:blank', { initScript: COUNT_SDK_CALLS })

const sdkCalls = (page: Page) =>
  page.evaluate(() => (window as unknown as { __sdkCalls: Record<string, number> }).__sdkCalls)
const loaded = (page: Page) => page.waitForFunction(() => document.readyState == 'complete')

describe('startup', () => {
  it('creates one mutation observer for the whole page', async () => {
    const { page } = await newPage()
    await page.goto(examples.server.url)
    await page.getByRole('region', { name: 'Cookie consent' }).waitFor()
    await loaded(page)
    expect((await sdkCalls(page)).MutationObserver).toBe(1)
  })

  it('keeps the banner, dialog and styles cold for a visitor who already decided', async () => {
    const { page } = await newPage()
    await page.goto(examples.server.url)
    await page.getByRole('button', { name: 'Reject all' }).first().click()
    await page.reload()
    await loaded(page)
    await page.getByRole('link', { name: 'Cookie Settings' }).first().waitFor()
    const calls = await sdkCalls(page)
    // The refused video shows its placeholder: one shadow root and its sheets, none for the UI.
    expect(await page.locator('consentry-ui').count()).toBe(0)
    expect(await page.locator('consentry-placeholder').count()).toBe(1)
    expect(calls.attachShadow).toBe(1)
    expect(calls.MutationObserver).toBe(1)
    // Opening the settings is what first renders the UI.
    await page.getByRole('link', { name: 'Cookie Settings' }).first().click()
    await page.getByRole('dialog', { name: 'Cookie settings' }).waitFor()
    expect((await sdkCalls(page)).attachShadow).toBe(2)
  })

  it('forces no layout while the page loads', async () => {
    const { context, page } = await newPage()
    const cdp = await context.newCDPSession(page)
    type TraceEvent = { name: string; args?: { beginData?: { stackTrace?: { url: string }[] } } }
    const events: TraceEvent[] = []
    cdp.on('Tracing.dataCollected', ({ value }) => events.push(...(value as unknown as TraceEvent[])))
    const complete = new Promise((done) => cdp.once('Tracing.tracingComplete', done))
    await cdp.send('Tracing.start', {
      categories: 'devtools.timeline,disabled-by-default-devtools.timeline,disabled-by-default-devtools.timeline.stack',
      transferMode: 'ReportEvents',
    })
    await page.goto(examples.server.url)
    await page.getByRole('region', { name: 'Cookie consent' }).waitFor()
    await loaded(page)
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 100))))
    await cdp.send('Tracing.end')
    await complete
    // Chromium records the script stack of a style or layout pass that script forced.
    const layouts = events.filter((e) => e.name == 'Layout' || e.name == 'UpdateLayoutTree')
    expect(layouts.length).toBeGreaterThan(0)
    const forced = layouts.filter((e) =>
      (e.args?.beginData?.stackTrace || []).some((frame) => frame.url.includes('consentry')),
    )
    expect(forced.map((e) => `${e.name} from ${JSON.stringify(e.args!.beginData!.stackTrace![0])}`)).toEqual([])
  })
})
