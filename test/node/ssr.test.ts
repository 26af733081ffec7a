// Server-side rendering: the built package in plain Node, where there is no DOM at all.
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import type { Consent, ConsentConfig } from '../../src/types.js'

type Entry = { createConsent: (config?: ConsentConfig) => Consent }

const BROWSER_GLOBALS = ['window', 'document', 'navigator', 'localStorage'] as const
const dist = new URL('../../dist/', import.meta.url)
const require = createRequire(import.meta.url)
const esm = (file: string) => import(/* @vite-ignore */ new URL(file, dist).href) as Promise<Entry>
const cjs = async (file: string) => require(fileURLToPath(new URL(file, dist))) as Entry

/** Every read of a browser global while `recording`, with where it came from; and every assignment. */
const reads: string[] = []
const writes: string[] = []
let recording = false
const saved = new Map<string, PropertyDescriptor | undefined>()

beforeAll(() => {
  for (const name of BROWSER_GLOBALS) {
    saved.set(name, Object.getOwnPropertyDescriptor(globalThis, name))
    Object.defineProperty(globalThis, name, {
      configurable: true,
      get() {
        if (recording) reads.push(`${name} ${new Error().stack?.split('\n')[2]?.trim() ?? ''}`)
        return undefined
      },
      set() {
        writes.push(name)
      },
    })
  }
})

afterAll(() => {
  for (const [name, descriptor] of saved) {
    if (descriptor) Object.defineProperty(globalThis, name, descriptor)
    else delete (globalThis as Record<string, unknown>)[name]
  }
})

afterEach(() => {
  recording = false
  reads.length = 0
  writes.length = 0
  vi.restoreAllMocks()
})

async function whileRecording<T>(work: () => T | Promise<T>): Promise<T> {
  recording = true
  try {
    const result = await work()
    await new Promise((done) => setTimeout(done, 10)) // let deferred work (the ready event) run too
    return result
  } finally {
    recording = false
  }
}

const loaders: [string, () => Promise<Entry>][] = [
  ['consentry.mjs', () => esm('consentry.mjs')],
  ['core.mjs', () => esm('core.mjs')],
  ['consentry.cjs', () => cjs('consentry.cjs')],
  ['core.cjs', () => cjs('core.cjs')],
]

describe.each(loaders)('%s in node', (_name, load) => {
  it('imports without throwing or reading window, document, navigator or localStorage', async () => {
    const entry = await whileRecording(load)
    expect(reads).toEqual([])
    expect(writes).toEqual([])
    expect(typeof entry.createConsent).toBe('function')
  })

  it('creates a working in-memory instance without using the dom', async () => {
    const entry = await load()
    const logged = [vi.spyOn(console, 'warn'), vi.spyOn(console, 'error')]
    const seen: string[] = []
    const consent = await whileRecording(() => {
      const c = entry.createConsent()
      seen.push(`decided=${c.decided}`, JSON.stringify(c.get()))
      c.on('change', (choices) => seen.push('change ' + JSON.stringify(choices)))
      c.acceptAll()
      return c
    })
    expect(seen).toEqual([
      'decided=false',
      '{"necessary":true,"analytics":false,"marketing":false,"personalization":false}',
      'change {"necessary":true,"analytics":true,"marketing":true,"personalization":true}',
    ])
    expect(consent.has('analytics')).toBe(true)
    expect(consent.record()).toMatchObject({ method: 'accept-all', revision: 0, gpc: false })
    // The getters answer undefined, so any use of a browser global would have thrown or been
    // logged; all that is left is `typeof x` checks, which is how code learns it has no DOM.
    expect(logged.flatMap((spy) => spy.mock.calls)).toEqual([])
    expect(writes).toEqual([])
    consent.destroy()
  })
})

describe.each([
  ['start.mjs', () => esm('start.mjs')],
  ['start.cjs', () => cjs('start.cjs')],
] as const)('%s in node', (_name, load) => {
  it('starts an in-memory instance at import, without a dom and without throwing', async () => {
    const logged = [vi.spyOn(console, 'warn'), vi.spyOn(console, 'error')]
    const { consent } = (await whileRecording(load)) as unknown as { consent: Consent }
    expect([consent.decided, consent.has('analytics')]).toEqual([false, false])
    expect(writes).toEqual([])
    expect(logged.flatMap((spy) => spy.mock.calls)).toEqual([])
  })
})
