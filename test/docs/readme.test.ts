// The README's npm quick start, run as written: its code block is transpiled and executed against the
// source, once per kind of visitor, so a recipe that only works on a first visit cannot ship again.
import { readFileSync } from 'node:fs'
import ts from 'typescript'
import { afterEach, describe, expect, it, vi } from 'vitest'
import * as consentry from 'consentry'
import type { Consent } from 'consentry'
import '../jsdom'

// Vitest runs from the repository's root.
const README = readFileSync('README.md', 'utf8')

/** The first ```ts block after `heading`. */
function snippet(heading: string): string {
  const section = README.slice(README.indexOf(heading))
  const block = /```ts\n([\s\S]*?)```/.exec(section)
  if (!README.includes(heading) || !block) throw new Error(`README has no ts block under "${heading}"`)
  return block[1]!
}

const created: Consent[] = []
/** Runs the quick start as a page view would: a fresh instance, reading whatever cookie is stored. */
function pageView(): { consent: Consent; loadAnalytics: ReturnType<typeof vi.fn> } {
  const loadAnalytics = vi.fn()
  const { outputText } = ts.transpileModule(snippet('## Quick start: npm') + '\nreturn consent', {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
  })
  const require = (name: string) => {
    if (name != 'consentry') throw new Error('the quick start imports ' + name)
    return consentry
  }
  const consent = new Function('require', 'exports', 'loadAnalytics', outputText)(require, {}, loadAnalytics) as Consent
  created.push(consent)
  return { consent, loadAnalytics }
}

afterEach(() => {
  created.splice(0).forEach((c) => c.destroy())
  document.cookie = 'consentry=; max-age=0; path=/'
  document.body.replaceChildren()
})

describe('README npm quick start', () => {
  it('starts analytics once when a first-time visitor accepts', () => {
    const { consent, loadAnalytics } = pageView()
    expect(loadAnalytics).not.toHaveBeenCalled()
    consent.set({ personalization: true })
    expect(loadAnalytics).not.toHaveBeenCalled()
    consent.acceptAll()
    consent.set({ analytics: true })
    expect(loadAnalytics).toHaveBeenCalledTimes(1)
  })

  it('starts analytics at once for a returning visitor who allowed it', () => {
    pageView().consent.set({ analytics: true })
    created.splice(0).forEach((c) => c.destroy())
    const { consent, loadAnalytics } = pageView()
    expect(consent.decided).toBe(true)
    expect(loadAnalytics).toHaveBeenCalledTimes(1)
  })

  it('does not start analytics for a returning visitor who refused it', () => {
    pageView().consent.rejectAll()
    created.splice(0).forEach((c) => c.destroy())
    const { consent, loadAnalytics } = pageView()
    expect(consent.decided).toBe(true)
    expect(loadAnalytics).not.toHaveBeenCalled()
  })
})

describe('the README', () => {
  it('stays a first read: at most 300 lines, every docs/ page it links exists', () => {
    expect(README.trimEnd().split('\n').length).toBeLessThanOrEqual(300)
    const links = [...README.matchAll(/\]\((docs\/[\w-]+\.md)(?:#[\w-]+)?\)/g)].map((m) => m[1]!)
    expect(links.length).toBeGreaterThan(10)
    for (const link of links) expect(() => readFileSync(link), link).not.toThrow()
  })
})
