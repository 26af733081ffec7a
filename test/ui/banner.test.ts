import { getByRole, waitFor, within } from '@testing-library/dom'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createConsentWith } from '../../src/consent'
import { cleanUp, gpc, nextFrame, settle, shadow, startUI, ui } from '../jsdom'

afterEach(cleanUp)
afterEach(() => {
  vi.restoreAllMocks()
  gpc(undefined)
})

describe('banner', () => {
  it('shows a "Cookie consent" region with accept, reject and settings buttons on a first visit', () => {
    startUI()
    const banner = ui().getByRole('region', { name: 'Cookie consent' })
    const names = within(banner)
      .getAllByRole('button')
      .map((b) => b.textContent)
    expect(names).toEqual(['Accept all', 'Reject all', 'Settings'])
    expect(banner.getAttribute('aria-modal')).toBeNull()
  })

  it('renders accept and reject as the same element with the same parts but their own name', () => {
    startUI()
    const accept = ui().getByRole('button', { name: 'Accept all' })
    const reject = ui().getByRole('button', { name: 'Reject all' })
    expect([accept.tagName, accept.parentElement]).toEqual([reject.tagName, reject.parentElement])
    expect([accept.getAttribute('part'), reject.getAttribute('part')]).toEqual(['button accept', 'button reject'])
  })

  it('puts the UI first in the body so that Tab reaches the banner before the page', () => {
    document.body.append(Object.assign(document.createElement('a'), { href: '#x', textContent: 'page link' }))
    startUI()
    expect(document.body.firstElementChild!.tagName).toBe('CONSENTRY-UI')
  })

  it('accepts everything, stores it, hides the banner and emits one change', async () => {
    const { consent, events } = startUI()
    ui().getByRole('button', { name: 'Accept all' }).click()
    expect(ui().queryByRole('region')).toBeNull()
    await waitFor(() => expect(events).toEqual(['change analytics,marketing,personalization']))
    expect(consent.decided).toBe(true)
    expect(document.cookie).toContain('consentry=')
  })

  it('rejects everything, stores it and hides the banner', async () => {
    const { consent, events } = startUI()
    ui().getByRole('button', { name: 'Reject all' }).click()
    expect(ui().queryByRole('region')).toBeNull()
    await waitFor(() => expect(events).toEqual(['change ']))
    expect([consent.decided, consent.has('analytics')]).toEqual([true, false])
  })

  it('hides at once on a click and makes the decision only after the next frame', async () => {
    const { consent, events } = startUI({ floatingButton: true })
    ui().getByRole('button', { name: 'Accept all' }).click()
    // What the visitor sees changes in the click: the banner gone, the floating button back.
    expect(ui().queryByRole('region')).toBeNull()
    expect(ui().getByRole('button', { name: 'Cookie Settings' })).toBeTruthy()
    // The decision, its cookie and its event wait for the frame that paints that.
    await nextFrame()
    expect([consent.decided, document.cookie.includes('consentry='), events]).toEqual([false, false, []])
    await waitFor(() => expect(consent.decided).toBe(true))
    expect(events).toEqual(['change analytics,marketing,personalization'])
  })

  it('makes one decision for a second click in the same frame', async () => {
    const { consent, events } = startUI()
    const accept = ui().getByRole('button', { name: 'Accept all' })
    const reject = ui().getByRole('button', { name: 'Reject all' })
    accept.click()
    // A double click, or one on the other button before the removal painted: stale, ignored.
    accept.click()
    reject.click()
    await waitFor(() => expect(consent.decided).toBe(true))
    await nextFrame()
    await settle()
    expect(events).toEqual(['change analytics,marketing,personalization'])
    expect(consent.record()!.method).toBe('accept-all')
  })

  it.each([
    [
      'pagehide',
      () => {
        dispatchEvent(new Event('pagehide'))
        // Back from the back/forward cache: what follows waits for paints again.
        dispatchEvent(new Event('pageshow'))
      },
    ],
    [
      'visibilitychange to hidden',
      () => {
        Object.defineProperty(document, 'hidden', { configurable: true, get: () => true })
        document.dispatchEvent(new Event('visibilitychange'))
        delete (document as { hidden?: boolean }).hidden
      },
    ],
  ])('makes a clicked decision at once on %s before the next frame', (_name, leave) => {
    const { consent, events } = startUI()
    ui().getByRole('button', { name: 'Reject all' }).click()
    expect(consent.decided).toBe(false)
    leave()
    expect([consent.decided, events]).toEqual([true, ['change ']])
    expect(document.cookie).toContain('consentry=')
  })

  it('makes a clicked decision before destroy() takes the UI away', () => {
    const { consent, events } = startUI()
    ui().getByRole('button', { name: 'Accept all' }).click()
    consent.destroy()
    expect([consent.decided, events]).toEqual([true, ['change analytics,marketing,personalization']])
  })

  it('makes a clicked decision first when the settings open in the same frame', () => {
    const { consent, events } = startUI()
    ui().getByRole('button', { name: 'Accept all' }).click()
    consent.openSettings()
    expect(events).toEqual(['change analytics,marketing,personalization', 'settings true'])
    const analytics = ui().getByRole('switch', { name: 'Analytics' }) as HTMLInputElement
    expect(analytics.checked).toBe(true)
  })

  it('opens the settings from the banner and keeps the banner until a decision', () => {
    const { events } = startUI()
    ui().getByRole('button', { name: 'Settings' }).click()
    expect(events).toEqual(['settings true'])
    expect(ui().getByRole('dialog', { name: 'Cookie settings' })).toBeTruthy()
    expect(ui().getByRole('region', { name: 'Cookie consent' })).toBeTruthy()
  })

  it('renders nothing, not even styles, for a visitor who already decided', () => {
    startUI().consent.rejectAll()
    document.body.replaceChildren()
    const { events } = startUI()
    expect(events).toEqual([])
    expect(document.querySelector('consentry-ui')).toBeNull()
    expect(document.head.querySelector('style')).toBeNull()
  })

  it('waits for DOMContentLoaded when started while the document is parsing', () => {
    const state = vi.spyOn(document, 'readyState', 'get').mockReturnValue('loading')
    startUI()
    expect(shadow()).toBeNull()
    state.mockReturnValue('interactive')
    document.dispatchEvent(new Event('DOMContentLoaded'))
    expect(ui().getByRole('region', { name: 'Cookie consent' })).toBeTruthy()
  })

  it('shows again on showBanner() and after reset()', async () => {
    const { consent, events } = startUI()
    consent.rejectAll()
    consent.showBanner()
    expect(ui().getByRole('region', { name: 'Cookie consent' })).toBeTruthy()
    ui().getByRole('button', { name: 'Accept all' }).click()
    await waitFor(() => expect(consent.has('analytics')).toBe(true))
    consent.reset()
    expect(ui().getByRole('region', { name: 'Cookie consent' })).toBeTruthy()
    expect(events).toEqual(['change ', 'banner', 'change analytics,marketing,personalization', 'change ', 'banner'])
  })

  it('hides when a decision is made elsewhere (API, another tab)', () => {
    const { consent } = startUI()
    consent.set({ analytics: true })
    expect(shadow()!.querySelector('section')).toBeNull()
  })

  it('says so when the policy revision changed since the last decision', () => {
    createConsentWith({ revision: 1 }, []).acceptAll()
    startUI({ revision: 2 })
    expect(ui().getByText(/cookie policy has changed/)).toBeTruthy()
  })

  it('says nothing about a revision on a first visit', () => {
    startUI({ revision: 2 })
    expect(ui().queryByText(/cookie policy has changed/)).toBeNull()
  })

  it('says that the Global Privacy Control signal is honoured when it is on', () => {
    gpc(true)
    startUI()
    expect(ui().getByRole('region').textContent).toMatch(/Global Privacy Control/)
  })

  it('links the privacy policy from policyUrl', () => {
    startUI({ policyUrl: '/privacy?x=1#top' })
    const link = ui().getByRole('link', { name: 'Privacy policy' })
    expect(link.getAttribute('href')).toBe('/privacy?x=1#top')
  })

  it.each([
    'javascript:alert(1)',
    ' JavaScript:alert(1)',
    'java\tscript:alert(1)',
    'data:text/html,<b>x</b>',
    'vbscript:x',
  ])('refuses the policy link %j with one warning naming policyUrl', (url) => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    startUI({ policyUrl: url })
    expect(ui().queryByRole('link')).toBeNull()
    expect(warn.mock.calls.map((c) => String(c[0]))).toEqual([
      expect.stringMatching(/^\[consentry\] policyUrl must be an http\(s\) or relative URL, got/),
    ])
  })

  it('renders config and translation strings as text, never as markup', () => {
    const evil = '<img src=x onerror="window.pwned=1">'
    startUI({ language: 'en', translations: { en: { banner: { title: evil, description: evil } } } })
    const banner = ui().getByRole('region', { name: evil })
    expect(banner.querySelector('img')).toBeNull()
    expect(getByRole(banner, 'heading').textContent).toBe(evil)
  })

  it('has no inline style attributes', () => {
    startUI({ policyUrl: '/p', floatingButton: true })
    ui().getByRole('button', { name: 'Settings' }).click()
    expect(shadow()!.querySelectorAll('[style]')).toHaveLength(0)
  })
})
