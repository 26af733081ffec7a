import { waitFor, within } from '@testing-library/dom'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { cleanUp, gpc, key, shadow, startUI, ui } from '../jsdom'

afterEach(cleanUp)
afterEach(() => {
  gpc(undefined)
  vi.restoreAllMocks()
})

const CATEGORIES = ['Necessary', 'Analytics', 'Marketing', 'Personalization']
const dialog = () => ui().getByRole('dialog', { name: 'Cookie settings' })
const switchOf = (name: string | RegExp) => within(dialog()).getByRole('switch', { name }) as HTMLInputElement
const states = () =>
  within(dialog())
    .getAllByRole('switch')
    .map((s) => (s as HTMLInputElement).checked)

describe('settings dialog', () => {
  it('is a modal dialog named "Cookie settings" with a described switch per category', () => {
    startUI().consent.openSettings()
    const d = dialog()
    expect([d.tagName, d.getAttribute('aria-modal'), (d as HTMLDialogElement).open]).toEqual(['DIALOG', 'true', true])
    const switches = within(d).getAllByRole('switch') as HTMLInputElement[]
    expect(switches.map((s) => s.labels![0]!.textContent)).toEqual(CATEGORIES)
    for (const s of switches) {
      const description = shadow()!.getElementById(s.getAttribute('aria-describedby')!)
      expect(description!.textContent!.length).toBeGreaterThan(10)
    }
    expect(
      within(d)
        .getAllByRole('button')
        .map((b) => b.getAttribute('aria-label') || b.textContent),
    ).toEqual(['Close', 'Reject all', 'Accept all', 'Save settings'])
  })

  it('shows Necessary checked and disabled, everything else off before a decision', () => {
    startUI().consent.openSettings()
    expect([switchOf('Necessary').checked, switchOf('Necessary').disabled]).toEqual([true, true])
    expect(states()).toEqual([true, false, false, false])
  })

  it('sets the switches from the current choices each time it opens', () => {
    const { consent } = startUI()
    consent.set({ marketing: true })
    consent.openSettings()
    expect(states()).toEqual([true, false, true, false])
    switchOf('Analytics').click()
    consent.closeSettings()
    consent.openSettings()
    expect(states()).toEqual([true, false, true, false])
  })

  it('saves exactly the switched categories, then closes and hides the banner', async () => {
    const { consent, events } = startUI()
    consent.openSettings()
    switchOf('Analytics').click()
    switchOf('Personalization').click()
    within(dialog()).getByRole('button', { name: 'Save settings' }).click()
    // Closed, so hidden by every browser's UA style (`dialog:not([open])`); jsdom's computed style of
    // it inside the shadow root depends on when it last recomputed, so the open state is checked.
    // Both layers go in the click; the decision follows the next paint.
    expect(shadow()!.querySelector('dialog')!.open).toBe(false)
    expect(ui().queryByRole('region')).toBeNull()
    expect(events).toEqual(['settings true', 'settings false'])
    await waitFor(() => expect(events).toEqual(['settings true', 'settings false', 'change analytics,personalization']))
    expect(consent.record()!.method).toBe('custom')
  })

  it('gives focus back to the opener in the click of a decision, and saves the switches as clicked', async () => {
    const { consent } = startUI({ floatingButton: true })
    consent.rejectAll()
    const opener = ui().getByRole('button', { name: 'Cookie Settings' })
    opener.focus()
    opener.click()
    switchOf('Marketing').click()
    within(dialog()).getByRole('button', { name: 'Save settings' }).click()
    expect(shadow()!.activeElement).toBe(opener)
    // A switch touched after the click (the dialog is closed: only a script could) changes nothing.
    switchOf('Analytics').click()
    await waitFor(() => expect(consent.record()!.method).toBe('custom'))
    expect([consent.has('marketing'), consent.has('analytics')]).toEqual([true, false])
  })

  it.each([
    ['Accept all', 'change analytics,marketing,personalization'],
    ['Reject all', 'change '],
  ])('decides with "%s" from the dialog too', async (name, change) => {
    const { events } = startUI()
    ui().getByRole('button', { name: 'Settings' }).click()
    within(dialog()).getByRole('button', { name }).click()
    await waitFor(() => expect(events).toEqual(['settings true', 'settings false', change]))
  })

  it('closes without saving from the close button', () => {
    const { consent, events } = startUI()
    consent.openSettings()
    switchOf('Marketing').click()
    within(dialog()).getByRole('button', { name: 'Close' }).click()
    expect(events).toEqual(['settings true', 'settings false'])
    expect([consent.decided, consent.has('marketing')]).toEqual([false, false])
    expect(ui().getByRole('region', { name: 'Cookie consent' })).toBeTruthy()
  })

  it('tells the core when the browser closed it (Escape, a back gesture)', () => {
    const { consent, events } = startUI()
    consent.openSettings()
    ;(dialog() as HTMLDialogElement).close()
    expect(events).toEqual(['settings true', 'settings false'])
    expect(consent.decided).toBe(false)
  })

  it('gives focus back to the element that opened it', () => {
    startUI()
    const opener = ui().getByRole('button', { name: 'Settings' })
    opener.focus()
    opener.click()
    within(dialog()).getByRole('button', { name: 'Close' }).click()
    expect(shadow()!.activeElement).toBe(opener)
  })

  it('keeps Tab and Shift+Tab inside the dialog', () => {
    startUI({ policyUrl: '/privacy' }).consent.openSettings()
    const close = within(dialog()).getByRole('button', { name: 'Close' })
    const save = within(dialog()).getByRole('button', { name: 'Save settings' })
    save.focus()
    expect(key(save, 'Tab')).toBe(false)
    expect(shadow()!.activeElement).toBe(close)
    expect(key(close, 'Tab', { shiftKey: true })).toBe(false)
    expect(shadow()!.activeElement).toBe(save)
    // Inside, Tab is left to the browser.
    close.focus()
    expect(key(close, 'Tab')).toBe(true)
  })

  it('nests a switch per configured service and saves them as category.service', async () => {
    const { consent, events } = startUI({
      categories: { analytics: { services: { hotjar: { title: 'Hotjar', description: 'Heatmaps.' }, matomo: {} } } },
    })
    consent.openSettings()
    expect(
      within(dialog())
        .getAllByRole('switch')
        .map((s) => (s as HTMLInputElement).labels![0]!.textContent),
    ).toEqual(['Necessary', 'Analytics', 'Hotjar', 'matomo', 'Marketing', 'Personalization'])
    switchOf('Hotjar').click()
    expect(switchOf('Analytics').checked).toBe(true)
    within(dialog()).getByRole('button', { name: 'Save settings' }).click()
    await waitFor(() =>
      expect(events).toEqual(['settings true', 'settings false', 'change analytics,analytics.hotjar']),
    )
    expect([consent.has('analytics.hotjar'), consent.has('analytics.matomo')]).toEqual([true, false])
  })

  it('switches the services of a category along with it', () => {
    startUI({ categories: { marketing: { services: { ads: {}, pixel: {} } } } }).consent.openSettings()
    switchOf('Marketing').click()
    expect([switchOf('ads').checked, switchOf('pixel').checked]).toEqual([true, true])
    switchOf('Marketing').click()
    expect([switchOf('ads').checked, switchOf('pixel').checked]).toEqual([false, false])
  })

  it('keeps a category on while any of its services is, as the store does', () => {
    startUI({ categories: { marketing: { services: { ads: {}, pixel: {} } } } }).consent.openSettings()
    switchOf('ads').click()
    switchOf('pixel').click()
    expect(switchOf('Marketing').checked).toBe(true)
    switchOf('ads').click()
    expect(switchOf('Marketing').checked).toBe(true)
    switchOf('pixel').click()
    expect(switchOf('Marketing').checked).toBe(false)
  })

  it('follows a decision made elsewhere while it is open', () => {
    const { consent } = startUI()
    consent.openSettings()
    consent.acceptAll()
    expect(states()).toEqual([true, true, true, true])
  })

  it('says that the Global Privacy Control signal is honoured when it is on', async () => {
    gpc(true)
    const { consent } = startUI()
    consent.openSettings()
    expect(dialog().textContent).toMatch(/Global Privacy Control/)
    within(dialog()).getByRole('button', { name: 'Accept all' }).click()
    await waitFor(() => expect(consent.decided).toBe(true))
    expect([consent.has('analytics'), consent.has('marketing')]).toEqual([true, false])
  })

  it('uses category titles and descriptions from the config', () => {
    startUI({
      categories: { analytics: { title: 'Statistics', description: 'Counting visits.' } },
    }).consent.openSettings()
    expect(switchOf('Statistics').getAttribute('aria-describedby')).toBeTruthy()
    expect(dialog().textContent).toContain('Counting visits.')
  })

  it('opens once however often openSettings() is called', () => {
    const { consent } = startUI()
    consent.openSettings()
    consent.openSettings()
    expect(shadow()!.querySelectorAll('dialog')).toHaveLength(1)
  })

  it('opens when asked while the document is parsing, once the body exists', () => {
    const state = vi.spyOn(document, 'readyState', 'get').mockReturnValue('loading')
    startUI().consent.openSettings()
    expect(shadow()).toBeNull()
    state.mockReturnValue('interactive')
    document.dispatchEvent(new Event('DOMContentLoaded'))
    expect((dialog() as HTMLDialogElement).open).toBe(true)
  })
})
