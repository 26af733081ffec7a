import { afterEach, describe, expect, it, vi } from 'vitest'
import { createConsentWith } from '../../src/consent'
import { consentRecords } from '../../src/integrations/consentRecords'
import type { Consent } from '../../src/types'

let consent: Consent | undefined
afterEach(() => {
  consent?.reset()
  consent?.destroy()
  vi.unstubAllGlobals()
})

describe('consent records', () => {
  it('beacons each decision as JSON with a hash of the texts shown, after the next paint', async () => {
    const beacon = vi.fn((_url: string, _body: string) => true)
    vi.stubGlobal('navigator', { ...navigator, sendBeacon: beacon })
    consent = createConsentWith({ recordEndpoint: '/records' }, [consentRecords])
    consent.set({ analytics: true })
    // Deferred: nothing leaves during the click's own task.
    expect(beacon).not.toHaveBeenCalled()
    await expect.poll(() => beacon.mock.calls.length).toBe(1)
    const [url, body] = beacon.mock.calls[0]!
    expect(url).toBe('/records')
    const sent = JSON.parse(body)
    expect(sent).toEqual({ ...consent.record(), textsHash: expect.stringMatching(/^[0-9a-z]{1,7}$/) })
  })

  it('sends a pending record as the page leaves, and only once', async () => {
    const beacon = vi.fn((_url: string, _body: string) => true)
    vi.stubGlobal('navigator', { ...navigator, sendBeacon: beacon })
    consent = createConsentWith({ recordEndpoint: '/records' }, [consentRecords])
    consent.acceptAll()
    window.dispatchEvent(new Event('pagehide'))
    expect(beacon).toHaveBeenCalledTimes(1)
    // The sentinel: the next decision's record is the second and last one sent.
    consent.rejectAll()
    await expect.poll(() => beacon.mock.calls.length).toBe(2)
    expect(beacon.mock.calls.map(([, body]) => JSON.parse(body).method)).toEqual(['accept-all', 'withdraw'])
    // Back from the back/forward cache: what follows waits for paints again.
    window.dispatchEvent(new Event('pageshow'))
  })

  it('falls back to fetch with keepalive when the beacon is refused', async () => {
    vi.stubGlobal('navigator', { ...navigator, sendBeacon: () => false })
    const fetch = vi.fn(() => Promise.resolve(new Response()))
    vi.stubGlobal('fetch', fetch)
    consent = createConsentWith({ recordEndpoint: 'https://records.example/c' }, [consentRecords])
    consent.rejectAll()
    await expect.poll(() => fetch.mock.calls.length).toBe(1)
    expect(fetch).toHaveBeenCalledWith(
      'https://records.example/c',
      expect.objectContaining({ method: 'POST', keepalive: true }),
    )
  })

  it('sends nothing without an endpoint, and nothing on reset', async () => {
    const beacon = vi.fn((_url: string, _body: string) => true)
    vi.stubGlobal('navigator', { ...navigator, sendBeacon: beacon })
    consent = createConsentWith({}, [consentRecords])
    consent.acceptAll()
    expect(beacon).not.toHaveBeenCalled()
    consent.destroy()
    consent = createConsentWith({ recordEndpoint: '/r' }, [consentRecords])
    consent.reset()
    // The sentinel: a decision after the reset is the first and only thing sent.
    consent.acceptAll()
    await expect.poll(() => beacon.mock.calls.length).toBe(1)
    expect(JSON.parse(beacon.mock.calls[0]![1]).method).toBe('accept-all')
  })
})
