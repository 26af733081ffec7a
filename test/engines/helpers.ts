// What the cross-engine flows do on top of the driver interface: wait for a fact, find UI
// inside the open shadow root, click it with the real pointer where a visitor would, read focus.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { EnginePage } from './drivers/index.js'

/**
 * Polls `fn(arg)` in the page until it returns something truthy, and returns that. Errors while a
 * navigation replaces the document count as "not yet".
 */
export async function waitFor<R, A = undefined>(
  page: EnginePage,
  fn: (arg: A) => R | Promise<R>,
  arg?: A,
  what = 'condition',
  timeout = 10_000,
): Promise<R> {
  const end = Date.now() + timeout
  let last: unknown
  for (;;) {
    try {
      const value = await page.evaluate(fn, arg)
      if (value) return value
      last = value
    } catch (error) {
      last = error
    }
    if (Date.now() > end) throw new Error(`timed out waiting for ${what} (last: ${String(last)})`)
    await new Promise((done) => setTimeout(done, 50))
  }
}

/** Runs `act` and waits for the page it started from to be replaced by a freshly loaded one. */
export async function reloadedBy(page: EnginePage, act: () => Promise<unknown>): Promise<void> {
  await page.evaluate(() => void ((window as unknown as { before: boolean }).before = true))
  await act()
  await waitFor(
    page,
    () => !(window as unknown as { before?: boolean }).before && document.readyState == 'complete',
    undefined,
    'the page to reload',
  )
}

/**
 * A selector that crosses open shadow roots with ` >>> `: `consentry-ui >>> [part~=accept]`.
 * Evaluated in the page, so it is written out in each function that needs it.
 */
export type DeepSelector = string

/** Is the element `selector` names in the page and rendered (a box of some size)? */
export function shown(page: EnginePage, selector: DeepSelector): Promise<boolean> {
  return page.evaluate((sel) => {
    const el = sel
      .split(' >>> ')
      .reduce<Element | null>(
        (root, part) => root && (root.shadowRoot || root).querySelector(part),
        document.documentElement,
      )
    const box = el?.getBoundingClientRect()
    return !!box && box.width > 0 && box.height > 0 && getComputedStyle(el!).visibility != 'hidden'
  }, selector)
}

/**
 * Clicks the element `selector` names the way a visitor does: scrolled into view, the real
 * pointer pressed at its centre. Fails, like a browser test without `force`, when something else
 * (the banner over a footer link, say) is the topmost element there.
 */
export async function clickOn(page: EnginePage, selector: DeepSelector): Promise<void> {
  const at = await page.evaluate((sel) => {
    const el = sel
      .split(' >>> ')
      .reduce<Element | null>(
        (root, part) => root && (root.shadowRoot || root).querySelector(part),
        document.documentElement,
      )
    if (!el) return { error: 'not found' }
    el.scrollIntoView({ block: 'nearest' })
    const box = el.getBoundingClientRect()
    const x = box.left + box.width / 2
    const y = box.top + box.height / 2
    let top: Element | null = document.elementFromPoint(x, y)
    while (top?.shadowRoot?.elementFromPoint(x, y) && top.shadowRoot.elementFromPoint(x, y) != top) {
      top = top.shadowRoot.elementFromPoint(x, y)
    }
    if (!top || !(el == top || el.contains(top))) {
      return {
        error: `covered by <${top?.tagName.toLowerCase()} part="${top?.getAttribute('part') ?? ''}"> at ${Math.round(x)},${Math.round(y)}`,
      }
    }
    return { x, y }
  }, selector)
  if ('error' in at) throw new Error(`cannot click ${selector}: ${at.error}`)
  await page.click(at.x!, at.y!)
}

export interface Focused {
  tag: string
  /** Text, aria-label or label of the focused element. */
  name: string
  /** Is it inside the consent UI's shadow root? */
  inUI: boolean
}

/** The deeply focused element (through shadow roots). */
export function focused(page: EnginePage): Promise<Focused> {
  return page.evaluate(() => {
    let el = document.activeElement
    let inUI = false
    while (el?.shadowRoot?.activeElement) {
      inUI = inUI || el.tagName == 'CONSENTRY-UI'
      el = el.shadowRoot.activeElement
    }
    const name =
      el?.getAttribute('aria-label') || (el as HTMLInputElement).labels?.[0]?.textContent || el?.textContent || ''
    return { tag: el?.tagName ?? '', name: name.trim(), inUI }
  })
}

/** Presses Tab until the focused element's name is `name`. */
export async function tabTo(page: EnginePage, name: string, max = 40): Promise<Focused> {
  for (let i = 0; i < max; i++) {
    await page.press('Tab')
    const now = await focused(page)
    if (now.name == name) return now
  }
  throw new Error(`Tab never reached "${name}"`)
}

const axeSource = readFileSync(
  fileURLToPath(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url)),
  'utf8',
)

/** axe-core over the whole document (the open shadow root included), `target-size` on: violation ids and targets. */
export async function axe(page: EnginePage): Promise<string[]> {
  // Indirect eval runs axe-core in the page's global scope.
  // biome-ignore lint/complexity/noCommaOperator: `(0, eval)` is how an indirect eval is written
  await page.evaluate((source) => void (0, eval)(source), axeSource)
  return page.evaluate(async () => {
    type Result = { violations: { id: string; nodes: { target: unknown }[] }[] }
    const run = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<Result> } }).axe.run
    const { violations } = await run(document, {
      rules: { 'target-size': { enabled: true } },
      resultTypes: ['violations'],
    })
    return violations.map((v) => v.id + ' ' + JSON.stringify(v.nodes.map((n) => n.target)))
  })
}
