import { afterEach, describe, expect, it } from 'vitest'
import { createConsentWith } from '../../src/consent'
import { googleConsentMode } from '../../src/integrations/googleConsentMode'
import type { Consent, ConsentConfig } from '../../src/types'

type Host = { dataLayer?: unknown[]; gtag?: unknown }
const host = window as unknown as Host
let consent: Consent | undefined
const make = (config: ConsentConfig) => (consent = createConsentWith(config, [googleConsentMode]))
const entries = () =>
  (host.dataLayer || []).map((e) =>
    typeof e == 'object' && e && 'length' in e ? Array.from(e as ArrayLike<unknown>) : e,
  )

const DENIED = {
  security_storage: 'granted',
  analytics_storage: 'denied',
  ad_storage: 'denied',
  ad_user_data: 'denied',
  ad_personalization: 'denied',
  personalization_storage: 'denied',
  functionality_storage: 'denied',
}

afterEach(() => {
  consent?.reset()
  consent?.destroy()
  delete host.dataLayer
  delete host.gtag
})

describe('google consent mode', () => {
  it('does nothing unless enabled', () => {
    make({})
    expect(host.dataLayer).toBeUndefined()
  })

  it('queues a denied default, then an update and an event on every change', () => {
    make({ googleConsentMode: { waitForUpdate: 500 } })
    consent!.set({ analytics: true })
    expect(entries()).toEqual([
      ['consent', 'default', { ...DENIED, wait_for_update: 500 }],
      ['consent', 'update', { ...DENIED, analytics_storage: 'granted' }],
      {
        event: 'consentry_update',
        consentry: { necessary: true, analytics: true, marketing: false, personalization: false },
      },
    ])
  })

  it('pushes arguments objects, as gtag.js expects', () => {
    make({ googleConsentMode: true })
    expect(Object.prototype.toString.call(host.dataLayer![0])).toBe('[object Arguments]')
  })

  it('follows the default with the stored decision', () => {
    make({ googleConsentMode: true }).acceptAll()
    consent!.destroy()
    delete host.dataLayer
    delete host.gtag
    make({ googleConsentMode: true })
    const granted = Object.fromEntries(Object.keys(DENIED).map((k) => [k, 'granted']))
    expect(entries().slice(0, 2)).toEqual([
      ['consent', 'default', DENIED],
      ['consent', 'update', granted],
    ])
  })

  it('uses a gtag the site defined and a custom mapping', () => {
    const calls: unknown[][] = []
    host.gtag = (...args: unknown[]) => calls.push(args)
    make({
      googleConsentMode: { mapping: { analytics: ['analytics_storage', 'ad_user_data'], marketing: ['ad_storage'] } },
    })
    consent!.set({ analytics: true })
    const { ad_personalization: _, ...mapped } = DENIED
    expect(calls[1]).toEqual([
      'consent',
      'update',
      { ...mapped, analytics_storage: 'granted', ad_user_data: 'granted' },
    ])
  })

  it('grants a type that two categories claim only when both are granted', () => {
    make({ googleConsentMode: { mapping: { analytics: ['analytics_storage', 'ad_user_data'] } } })
    consent!.set({ analytics: true })
    expect(entries()[1]).toEqual(['consent', 'update', { ...DENIED, analytics_storage: 'granted' }])
  })
})
