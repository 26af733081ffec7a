import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createConsent } from '../src/core'
import { createConsentWith } from '../src/consent'
import type { Consent } from '../src/types'

const OFF = { necessary: true, analytics: false, marketing: false, personalization: false }
const ON = { necessary: true, analytics: true, marketing: true, personalization: true }
const created: Consent[] = []
// jsdom cannot navigate: the reload after a withdrawal is tested with the blocker and in Chromium.
const make = (config?: Parameters<typeof createConsent>[0]) => {
  const consent = createConsent({ reloadOnWithdraw: false, ...config })
  created.push(consent)
  return consent
}

function clearCookies() {
  for (const c of document.cookie.split('; ').filter(Boolean))
    document.cookie = c.split('=')[0] + '=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/'
}

beforeEach(clearCookies)
afterEach(() => {
  created.splice(0).forEach((c) => c.destroy())
  clearCookies()
  vi.restoreAllMocks()
  Reflect.deleteProperty(navigator, 'globalPrivacyControl')
})

describe('createConsent', () => {
  it('grants nothing but necessary before a decision', () => {
    const consent = make()
    expect(consent.get()).toEqual(OFF)
    expect(consent.decided).toBe(false)
    expect(consent.record()).toBeNull()
    expect(consent.has('necessary')).toBe(true)
    expect(consent.has('analytics')).toBe(false)
  })

  it('stores accept all in one cookie that a new instance reads back', () => {
    make().acceptAll()
    expect(document.cookie).toMatch(/^consentry=1\.0\.111\./)
    const again = make()
    expect(again.decided).toBe(true)
    expect(again.get()).toEqual(ON)
    expect(again.record()!.method).toBe('accept-all')
  })

  it('saves a partial choice and keeps the rest', () => {
    const consent = make()
    consent.set({ analytics: true })
    consent.set({ personalization: true })
    expect(consent.get()).toEqual({ ...OFF, analytics: true, personalization: true })
    expect(consent.record()!.method).toBe('custom')
  })

  it('never lets necessary be switched off', () => {
    const consent = make()
    consent.set({ necessary: false })
    consent.rejectAll()
    expect(consent.has('necessary')).toBe(true)
  })

  it('warns about keys set() does not know and ignores them', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const consent = make()
    consent.set({ analytcs: true } as never)
    expect(consent.get()).toEqual(OFF)
    expect(warn).toHaveBeenCalledWith(
      '[consentry] set() got "analytcs", which is not a configured category or service (ignored)',
    )
  })

  it('records a decision that takes back a grant as a withdrawal', () => {
    const consent = make()
    consent.acceptAll()
    const first = consent.record()!
    consent.set({ marketing: false })
    const second = consent.record()!
    expect(second.method).toBe('withdraw')
    expect(second.id).toBe(first.id)
    expect(second.createdAt).toBe(first.createdAt)
  })

  it('dates two decisions made within one second a second apart, so neither passes for a retry of the other', () => {
    const consent = make()
    consent.acceptAll()
    const first = consent.record()!
    consent.set({ marketing: false })
    const second = consent.record()!
    expect(Date.parse(second.updatedAt) - Date.parse(first.updatedAt)).toBeGreaterThanOrEqual(1000)
    expect(make().record()).toEqual(second)
  })

  it('keeps a proof of consent with no personal data', () => {
    const consent = make({ revision: 4, language: 'de', translations: { de: {} } })
    consent.rejectAll()
    const record = consent.record()!
    expect(Object.keys(record).sort()).toEqual([
      'choices',
      'createdAt',
      'expiresAt',
      'gpc',
      'id',
      'language',
      'method',
      'revision',
      'updatedAt',
    ])
    expect(record).toMatchObject({ revision: 4, method: 'reject-all', gpc: false, language: 'de', choices: OFF })
    expect(record.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    const days = (Date.parse(record.expiresAt) - Date.parse(record.updatedAt)) / 864e5
    expect(days).toBe(182)
  })

  it('asks again when the stored decision is of another revision', () => {
    make({ revision: 1 }).acceptAll()
    const consent = make({ revision: 2 })
    expect(consent.decided).toBe(false)
    expect(consent.revisionChanged).toBe(true)
    expect(consent.get()).toEqual(OFF)
  })

  it('hands a returning visitor state that cannot be edited in place', () => {
    make().set({ analytics: true })
    const returning = make()
    expect(returning.decided).toBe(true)
    // Modules are strict: writing to a frozen object throws instead of granting.
    expect(() => Object.assign(returning.get(), { marketing: true })).toThrow(TypeError)
    expect(() => Object.assign(returning.record()!.choices, { marketing: true })).toThrow(TypeError)
    expect(() => Object.assign(returning.record()!, { method: 'accept-all' })).toThrow(TypeError)
    expect(returning.has('marketing')).toBe(false)
    expect(returning.record()!.method).toBe('custom')
  })

  it('treats a corrupted cookie as no decision', () => {
    document.cookie = 'consentry=1.0.111.garbage; path=/'
    const consent = make()
    expect(consent.decided).toBe(false)
    expect(consent.get()).toEqual(OFF)
  })

  it('forgets the decision on reset and asks again', () => {
    const events: string[] = []
    const consent = createConsentWith(undefined, [(c) => void c.on('banner', () => events.push('banner'))])
    created.push(consent)
    consent.acceptAll()
    consent.reset()
    expect(consent.decided).toBe(false)
    expect(consent.get()).toEqual(OFF)
    expect(document.cookie).not.toContain('consentry=')
    expect(events).toEqual(['banner', 'banner'])
  })

  it('announces the banner at start only when undecided', () => {
    make().acceptAll()
    const events: string[] = []
    created.push(createConsentWith(undefined, [(c) => void c.on('banner', () => events.push('banner'))]))
    expect(events).toEqual([])
  })

  it('emits change with choices, previous and record, and stops after unbind', () => {
    const consent = make()
    const seen: unknown[] = []
    const unbind = consent.on('change', (choices, previous, record) =>
      seen.push([choices.analytics, previous.analytics, record?.method]),
    )
    consent.set({ analytics: true })
    unbind()
    consent.rejectAll()
    expect(seen).toEqual([[true, false, 'custom']])
  })

  it('isolates a listener that throws: others run, state holds', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    const consent = make()
    const order: string[] = []
    consent.on('change', () => {
      order.push('first')
      throw new Error('site bug')
    })
    consent.on('change', () => order.push('second'))
    consent.set({ analytics: true })
    expect(order).toEqual(['first', 'second'])
    expect(consent.get()).toEqual({ ...OFF, analytics: true })
    expect(error).toHaveBeenCalledWith('[consentry] a "change" listener threw', expect.any(Error))
  })

  it('dispatches consentry:change and consentry:ready on the document', async () => {
    const details: CustomEvent[] = []
    const listen = (e: Event) => details.push(e as CustomEvent)
    document.addEventListener('consentry:change', listen)
    document.addEventListener('consentry:ready', listen)
    const consent = make()
    await Promise.resolve()
    consent.acceptAll()
    document.removeEventListener('consentry:change', listen)
    document.removeEventListener('consentry:ready', listen)
    expect(details.map((e) => e.type)).toEqual(['consentry:ready', 'consentry:change'])
    expect(details[0]!.detail).toEqual({ choices: OFF, decided: false })
    expect(details[1]!.detail).toEqual({ choices: ON, previous: OFF, record: consent.record() })
  })

  it('does not let a listener edit the state it is given', () => {
    const consent = make()
    consent.on('change', (choices) => {
      try {
        ;(choices as Record<string, boolean>).marketing = true
      } catch {}
    })
    consent.set({ analytics: true })
    expect(consent.has('marketing')).toBe(false)
  })

  it('stops emitting after destroy', () => {
    const consent = make()
    const seen: unknown[] = []
    consent.on('change', (c) => seen.push(c))
    consent.destroy()
    consent.acceptAll()
    expect(seen).toEqual([])
  })

  it('keeps the decision for the page view when cookies are refused', () => {
    Object.defineProperty(document, 'cookie', {
      configurable: true,
      get: () => {
        throw new DOMException('refused', 'SecurityError')
      },
      set: () => {
        throw new DOMException('refused', 'SecurityError')
      },
    })
    try {
      const consent = make()
      consent.acceptAll()
      expect(consent.get()).toEqual(ON)
      expect(consent.decided).toBe(true)
    } finally {
      Reflect.deleteProperty(document, 'cookie')
      expect(() => document.cookie).not.toThrow()
    }
  })
})

describe('services', () => {
  const config = { categories: { analytics: { services: { hotjar: {}, matomo: {} } } } }

  it('grants a category with all its services', () => {
    const consent = make(config)
    consent.set({ analytics: true })
    expect(consent.get()).toEqual({ ...OFF, analytics: true, 'analytics.hotjar': true, 'analytics.matomo': true })
    expect(consent.has('analytics.hotjar')).toBe(true)
  })

  it('switches one service off while the category stays on', () => {
    const consent = make(config)
    consent.set({ analytics: true, 'analytics.hotjar': false })
    expect(consent.has('analytics')).toBe(true)
    expect(consent.has('analytics.hotjar')).toBe(false)
    expect(consent.has('analytics.matomo')).toBe(true)
  })

  it('turns a category on with its first service and off with its last', () => {
    const consent = make(config)
    consent.set({ 'analytics.matomo': true })
    expect(consent.has('analytics')).toBe(true)
    expect(consent.has('analytics.hotjar')).toBe(false)
    consent.set({ 'analytics.matomo': false })
    expect(consent.has('analytics')).toBe(false)
  })

  it('lets a service the config does not name follow its category', () => {
    const consent = make()
    expect(consent.has('analytics.plausible')).toBe(false)
    consent.set({ analytics: true })
    expect(consent.has('analytics.plausible')).toBe(true)
    expect(consent.has('nonsense')).toBe(false)
  })
})

describe('global privacy control', () => {
  it('leaves marketing off on accept all, yet a visitor may switch it on by hand', () => {
    Object.defineProperty(navigator, 'globalPrivacyControl', { value: true, configurable: true })
    const consent = make()
    expect(consent.gpc).toBe(true)
    consent.acceptAll()
    expect(consent.get()).toEqual({ ...ON, marketing: false })
    expect(consent.record()).toMatchObject({ gpc: true, method: 'accept-all' })
    consent.set({ marketing: true })
    expect(consent.record()).toMatchObject({ gpc: true, method: 'custom', choices: ON })
  })

  it('is ignored when the site turns it off', () => {
    Object.defineProperty(navigator, 'globalPrivacyControl', { value: true, configurable: true })
    const consent = make({ gpc: false })
    consent.acceptAll()
    expect(consent.get()).toEqual(ON)
  })
})
