import { createConsent } from 'consentry/core'
import { blockRules, consentRecords, googleConsentMode, placeholders, storageGuard, tabSync } from 'consentry/parts'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Consent, ConsentConfig } from '../src/types'
import './jsdom'

const host = window as unknown as { dataLayer?: unknown[]; gtag?: unknown }
const CONFIG: ConsentConfig = {
  googleConsentMode: true,
  recordEndpoint: '/consent-records',
  reloadOnWithdraw: false,
  categories: { analytics: { block: ['collect.test'], cookies: ['_ga'] } },
}
let consent: Consent | undefined
const originalFetch = window.fetch

afterEach(() => {
  consent?.reset()
  consent?.destroy()
  consent = undefined
  delete host.dataLayer
  delete host.gtag
  window.fetch = originalFetch
  vi.restoreAllMocks()
})

describe('the headless core and its optional parts', () => {
  it('runs none of the parts unless they are listed', () => {
    const fetch = (window.fetch = vi.fn(async () => new Response('')))
    consent = createConsent(CONFIG)
    expect(host.dataLayer).toBeUndefined()
    expect(window.fetch).toBe(fetch)
    document.cookie = '_ga=1'
    expect(document.cookie).toContain('_ga=1')
    document.cookie = '_ga=;max-age=0'
  })

  it('starts the storage guard when listed', () => {
    consent = createConsent(CONFIG, [storageGuard])
    document.cookie = '_ga=1'
    expect(document.cookie).not.toContain('_ga')
  })

  it('starts the listed parts: consent mode, block rules and records', async () => {
    const errors = vi.spyOn(console, 'error')
    const fetch = (window.fetch = vi.fn(async () => new Response('')))
    const beacons: [string, unknown][] = []
    Object.defineProperty(navigator, 'sendBeacon', {
      configurable: true,
      value: (url: string, body: unknown) => beacons.push([url, body]) > 0,
    })
    consent = createConsent(CONFIG, [googleConsentMode, blockRules, placeholders, tabSync, consentRecords])
    expect(Array.from(host.dataLayer![0] as ArrayLike<unknown>).slice(0, 2)).toEqual(['consent', 'default'])
    await expect(window.fetch('https://collect.test/g')).rejects.toThrow('Failed to fetch')
    expect(fetch).not.toHaveBeenCalled()
    consent.set({ analytics: true })
    await window.fetch('https://collect.test/g')
    expect(fetch).toHaveBeenCalledTimes(1)
    // The record's beacon leaves a task after the next paint (src/afterPaint.ts).
    await expect
      .poll(() => beacons.map(([url, body]) => [url, JSON.parse(String(body)).choices.analytics]))
      .toEqual([['/consent-records', true]])
    delete (navigator as { sendBeacon?: unknown }).sendBeacon
    expect(errors).not.toHaveBeenCalled()
  })
})
