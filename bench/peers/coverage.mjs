// What a returning visitor's page evaluates of each library: V8's precise coverage (call counts,
// per function) of one returning-visitor load, as Playwright's JS coverage reports it. For each
// library file, the bytes in functions that ran at least once and the bytes in functions that
// never did; and whether the library built its UI: elements under its UI root (shadow roots
// included) and, for Consentry, which of its src/ui/ functions ran (through the source map).
import { readFileSync } from 'node:fs'
import { SourceMapConsumer } from 'source-map-js'
import { acceptFirst, allTagsRan } from './returning.mjs'
import { VIEWPORT } from './tabs.mjs'

const TIMEOUT_MS = 30_000
const SETTLE_MS = 500
// Consentry's functions that build the banner or the dialog, or style their root.
const CONSTRUCTION = /ui\/(banner|dialog|layer|categories|styles|padBottom)\.ts$/

/**
 * Bytes of `source` inside functions that ran and inside functions that did not: a byte counts
 * for the innermost function around it, so a function that never ran inside one that did is
 * counted as not run.
 */
function splitByRun({ source, functions }) {
  const ran = new Uint8Array(source.length)
  const extents = functions
    .map((f) => f.ranges[0])
    .sort((a, b) => b.endOffset - b.startOffset - (a.endOffset - a.startOffset))
  for (const { startOffset, endOffset, count } of extents) ran.fill(count > 0 ? 1 : 0, startOffset, endOffset)
  const yes = ran.reduce((sum, bit) => sum + bit, 0)
  return { ran: yes, notRun: source.length - yes }
}

/** `{ line, column }` (1-based line, 0-based column) of an offset in `source`. */
function position(source, offset) {
  const before = source.slice(0, offset)
  const line = before.split('\n').length
  return { line, column: offset - before.lastIndexOf('\n') - 1 }
}

/** Consentry's src/ui/ functions that ran, as `file name` strings, through the file's source map. */
function uiFunctionsRan(entry, mapFile) {
  const map = new SourceMapConsumer(JSON.parse(readFileSync(mapFile, 'utf8')))
  const found = new Set()
  for (const f of entry.functions) {
    const { startOffset, count } = f.ranges[0]
    if (!count || !f.functionName) continue
    const original = map.originalPositionFor(position(entry.source, startOffset))
    if (original.source?.includes('/ui/')) found.add(`${original.source.replace(/^.*src\//, '')}:${original.line}`)
  }
  return [...found]
}

/**
 * One returning-visitor load of `page` (after a first visit that accepted all) with coverage on.
 * Resolves `{ ran, notRun, uiElements, uiFunctions?, construction? }`.
 */
export async function measureCoverage(browser, page) {
  const context = await browser.newContext({ viewport: VIEWPORT })
  try {
    await acceptFirst(context, page.url, page.target.ready, page.acceptAll)
    const tab = await context.newPage()
    await tab.coverage.startJSCoverage({ resetOnNavigation: false, reportAnonymousScripts: true })
    await tab.goto(page.url, { waitUntil: 'load' })
    await tab.waitForFunction(allTagsRan, null, { timeout: TIMEOUT_MS, polling: 50 })
    await tab.waitForTimeout(SETTLE_MS)
    const entries = (await tab.coverage.stopJSCoverage()).filter((e) => page.target.files.includes(e.url))
    const uiElements = await tab.evaluate((ui) => {
      const count = (root) =>
        [...root.querySelectorAll('*')].reduce((n, el) => n + 1 + (el.shadowRoot ? count(el.shadowRoot) : 0), 0)
      return [...document.querySelectorAll(ui)].reduce(
        (n, el) => n + 1 + count(el) + (el.shadowRoot ? count(el.shadowRoot) : 0),
        0,
      )
    }, page.ui)
    const split = entries
      .map(splitByRun)
      .reduce((sum, s) => ({ ran: sum.ran + s.ran, notRun: sum.notRun + s.notRun }), { ran: 0, notRun: 0 })
    const result = { ...split, uiElements }
    if (page.sourceMap) {
      result.uiFunctions = entries.flatMap((entry) => uiFunctionsRan(entry, page.sourceMap))
      result.construction = result.uiFunctions.filter((name) => CONSTRUCTION.test(name.split(':')[0]))
    }
    return result
  } finally {
    await context.close()
  }
}
