// Failing closed (STYLE.md): an exception in a listener, a feature, the cookie jar, storage
// or crypto never grants consent and never runs a gated tag, and the banner still shows.
// Each test also makes a real decision afterwards, to prove the gated tags were live.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createConsentWith } from '../../src/consent'
import { fullFeatures } from '../../src/features'
import { createConsent } from '../../src/full'
import type { Part } from '../../src/internals'
import type { Choices, Consent, ConsentConfig, Feature } from '../../src/types'
import { tabSync } from '../../src/integrations/tabSync'
import { encodeRecord } from '../../src/storage/codec'
import { createUI } from '../../src/ui/ui'
import { cleanUp, consoleOf, GATED, markup, ran, settle, track, ui } from '../jsdom'

afterEach(cleanUp)

const OFF = { necessary: true, analytics: false, marketing: false, personalization: false }
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/
const CONFIG: ConsentConfig = { reloadOnWithdraw: false }

/** Every feature of the full SDK, in its start order. */
const full = (): Part[] => [...fullFeatures, createUI]
const boom = (what: string) => () => {
  throw new Error(what)
}
/** A feature that records `banner` events (features subscribe before the first one fires). */
function bannerLog(): { feature: Feature; events: string[] } {
  const events: string[] = []
  return { events, feature: (c) => void c.on('banner', () => events.push('banner')) }
}
const bannerShown = () => ui().getByRole('region', { name: 'Cookie consent' })

async function expectNothingGranted(consent: Consent): Promise<void> {
  await settle()
  expect(consent.get()).toEqual(OFF)
  expect(consent.decided).toBe(false)
  expect(ran()).toEqual([])
}

describe('failing closed', () => {
  it('grants nothing and runs no gated tag when change listeners throw, yet runs them once the visitor consents', async () => {
    const { errors } = consoleOf()
    markup(GATED)
    const throwsFirst: Feature = (c) => void c.on('change', boom('site bug'))
    const consent = track(createConsentWith(CONFIG, [throwsFirst, ...full()]))
    consent.on('change', boom('another site bug'))
    const onDom = boom('a page listener')
    document.addEventListener('consentry:change', onDom)
    // As in a browser, a DOM listener's exception is reported to the page, not thrown into the SDK.
    const reported: string[] = []
    const onError = (e: ErrorEvent) => {
      reported.push(e.message)
      e.preventDefault()
    }
    window.addEventListener('error', onError)
    try {
      consent.rejectAll()
      await settle()
      expect([consent.get(), ran()]).toEqual([OFF, []])
      consent.set({ analytics: true })
      await settle()
      expect(ran()).toEqual(['analytics'])
      expect(consent.has('marketing')).toBe(false)
    } finally {
      document.removeEventListener('consentry:change', onDom)
      window.removeEventListener('error', onError)
    }
    expect(reported).toEqual(['a page listener', 'a page listener'])
    expect(errors.filter((e) => e.startsWith('[consentry] a "change" listener threw'))).toHaveLength(4)
  })

  it('shows the banner when a banner listener throws before the ui hears it', () => {
    consoleOf()
    track(createConsentWith(CONFIG, [(c) => void c.on('banner', boom('site bug')), createUI]))
    expect(bannerShown()).toBeTruthy()
  })

  it('starts the other features, announces the banner and grants nothing when one feature throws at start', async () => {
    for (const at of [0, 2, 5]) {
      const { errors } = consoleOf()
      markup(GATED)
      const log = bannerLog()
      const features = [log.feature, ...full()]
      features.splice(at, 0, boom('feature broke'))
      const consent = track(createConsentWith(CONFIG, features))
      await expectNothingGranted(consent)
      expect(log.events).toEqual(['banner'])
      expect(bannerShown()).toBeTruthy()
      expect(errors).toEqual([
        '[consentry] a feature failed to start; gated content stays blocked Error: feature broke',
      ])
      consent.acceptAll()
      await settle()
      expect(ran(), `throwing feature at ${at}`).toEqual(['analytics', 'marketing'])
      cleanUp()
    }
  })

  it('leaves gated tags inert even after consent when the blocker itself cannot start', async () => {
    const { errors } = consoleOf()
    markup(GATED)
    vi.stubGlobal(
      'MutationObserver',
      class {
        constructor() {
          throw new Error('no observers here')
        }
      },
    )
    const consent = track(createConsent(CONFIG))
    await expectNothingGranted(consent)
    expect(bannerShown()).toBeTruthy()
    consent.acceptAll()
    await settle()
    expect(consent.has('analytics')).toBe(true)
    expect(ran()).toEqual([])
    expect(errors.some((e) => e.includes('no observers here'))).toBe(true)
  })

  it('grants nothing and still shows the banner when document.cookie throws, and keeps the decision for the page view', async () => {
    consoleOf()
    markup(GATED)
    const refuse = () => {
      throw new DOMException('The document is sandboxed', 'SecurityError')
    }
    Object.defineProperty(document, 'cookie', { configurable: true, get: refuse, set: refuse })
    try {
      const log = bannerLog()
      const consent = track(createConsentWith(CONFIG, [log.feature, ...full()]))
      await expectNothingGranted(consent)
      expect(log.events).toEqual(['banner'])
      expect(bannerShown()).toBeTruthy()
      consent.acceptAll()
      await settle()
      expect([consent.decided, ran()]).toEqual([true, ['analytics', 'marketing']])
      // Nothing was stored, so the next page view asks again.
      expect(track(createConsent(CONFIG)).decided).toBe(false)
    } finally {
      Reflect.deleteProperty(document, 'cookie')
    }
    expect(() => document.cookie).not.toThrow()
  })

  it('grants nothing when page code makes document.cookie answer a forged or foreign value', async () => {
    consoleOf()
    const forged = [
      'consentry=1.0.111.towpv1.towpv1.ty9r71.0.0.en.ee971afc-a46d-4ae1-9dad-658079cf7e46.forged',
      'consentry=1.0.111.towpv1.towpv1.ty9r71.0.0.en.ee971afc-a46d-4ae1-9dad-658079cf7e46.' + '1'.repeat(7),
      'consentry={"analytics":true,"marketing":true}',
      'consentry=true; consentry=1',
      'consentry=' + '1.'.repeat(4000),
      'consentry=%E0%A4%A',
    ]
    for (const value of forged) {
      markup(GATED)
      Object.defineProperty(document, 'cookie', { configurable: true, get: () => value, set: () => {} })
      try {
        const log = bannerLog()
        const consent = track(createConsentWith(CONFIG, [log.feature, ...full()]))
        await expectNothingGranted(consent)
        expect(log.events, value).toEqual(['banner'])
      } finally {
        Reflect.deleteProperty(document, 'cookie')
        cleanUp()
      }
    }
  })

  it('keeps working when localStorage and sessionStorage throw, withdrawal included', async () => {
    consoleOf()
    markup(GATED)
    const saved = ['localStorage', 'sessionStorage'].map(
      (name) => [name, Object.getOwnPropertyDescriptor(window, name)!] as const,
    )
    for (const [name] of saved)
      Object.defineProperty(window, name, {
        configurable: true,
        get() {
          throw new DOMException('Access is denied for this document', 'SecurityError')
        },
      })
    try {
      const log = bannerLog()
      const config = { ...CONFIG, categories: { analytics: { storage: ['visits', '/^_an_/'] } } }
      const consent = track(createConsentWith(config, [log.feature, ...full()]))
      await expectNothingGranted(consent)
      expect(log.events).toEqual(['banner'])
      expect(bannerShown()).toBeTruthy()
      consent.set({ analytics: true })
      await settle()
      consent.set({ analytics: false })
      await settle()
      expect([consent.get(), consent.record()!.method, ran()]).toEqual([OFF, 'withdraw', ['analytics']])
    } finally {
      for (const [name, descriptor] of saved) Object.defineProperty(window, name, descriptor)
    }
  })

  it('gives every decision a random v4 id when crypto.randomUUID is missing, or crypto altogether', () => {
    consoleOf()
    const { getRandomValues } = crypto
    for (const stand of [{ getRandomValues: getRandomValues.bind(crypto) }, undefined]) {
      consoleOf()
      vi.stubGlobal('crypto', stand)
      const first = track(createConsent(CONFIG))
      first.acceptAll()
      const id = first.record()!.id
      first.reset()
      first.acceptAll()
      expect([id, first.record()!.id]).toEqual([expect.stringMatching(UUID_V4), expect.stringMatching(UUID_V4)])
      expect(first.record()!.id).not.toBe(id)
      cleanUp()
    }
  })

  it('works without BroadcastChannel, and when constructing one throws', async () => {
    const errors: string[] = []
    const broken = class {
      constructor() {
        throw new DOMException('The operation is insecure.', 'SecurityError')
      }
    }
    for (const stand of [undefined, broken]) {
      const log = consoleOf()
      markup(GATED)
      vi.stubGlobal('BroadcastChannel', stand)
      const consent = track(createConsent(CONFIG))
      await expectNothingGranted(consent)
      expect(bannerShown()).toBeTruthy()
      consent.acceptAll()
      await settle()
      expect(ran()).toEqual(['analytics', 'marketing'])
      errors.push(...log.errors)
      cleanUp()
    }
    // Without tab sync the other features run; the one failure is logged, nothing else.
    expect(errors).toEqual([
      '[consentry] a feature failed to start; gated content stays blocked SecurityError: The operation is insecure.',
    ])
  })

  it('never lets a listener change the choices it was handed', () => {
    consoleOf()
    const consent = track(createConsent(CONFIG))
    const seen: Choices[] = []
    consent.on('change', (choices, previous) => {
      seen.push(choices)
      for (const target of [choices, previous] as Record<string, boolean>[])
        try {
          target.marketing = true
        } catch {}
    })
    consent.set({ analytics: true })
    expect([consent.has('marketing'), seen[0]!.marketing]).toEqual([false, false])
  })

  it('grants nothing on forged messages from another tab, yet takes a real decision from one', async () => {
    consoleOf()
    const consent = track(createConsentWith(CONFIG, [tabSync]))
    const keys = ['necessary', 'analytics', 'marketing', 'personalization']
    const now = Math.floor(Date.now() / 1000)
    const real = encodeRecord(
      {
        id: 'ee971afc-a46d-4ae1-9dad-658079cf7e46',
        createdAt: new Date(now * 1000).toISOString(),
        updatedAt: new Date(now * 1000).toISOString(),
        expiresAt: new Date((now + 86400) * 1000).toISOString(),
        revision: 0,
        choices: { necessary: true, analytics: true, marketing: true, personalization: true },
        method: 'accept-all',
        gpc: false,
        language: 'en',
      },
      keys,
    )
    const fields = real.split('.')
    const forged = [
      [...fields.slice(0, -1), 'abc'].join('.'),
      [fields[0], '1', ...fields.slice(2)].join('.'),
      real + 'x',
      { choices: { analytics: true } },
      true,
      null,
    ]
    const other = new BroadcastChannel('consentry:consentry')
    const wait = () => new Promise((done) => setTimeout(done, 30))
    try {
      for (const message of forged) {
        other.postMessage(message)
        await wait()
        expect([consent.decided, consent.get()], JSON.stringify(message)).toEqual([false, OFF])
      }
      other.postMessage(real)
      await wait()
      expect([consent.decided, consent.has('marketing')]).toEqual([true, true])
    } finally {
      other.close()
    }
  })
})
