import { within } from '@testing-library/dom'
import { afterEach, describe, expect, it, vi } from 'vitest'
import de from '../../src/i18n/de'
import type { ConsentConfig } from '../../src/types'
import { cleanUp, shadow, startUI, ui } from '../jsdom'

afterEach(cleanUp)
afterEach(() => {
  delete (self as { consentryTranslations?: unknown }).consentryTranslations
  vi.restoreAllMocks()
})

const CONFIG: ConsentConfig = {
  categories: {
    analytics: {
      cookies: [{ name: '/^_ga_/', provider: 'Google', duration: '2 years', purpose: 'Keeps the session state.' }],
      services: {
        hotjar: {
          title: 'Hotjar',
          provider: 'Hotjar Ltd',
          privacyPolicy: 'https://www.hotjar.com/privacy',
          cookies: [
            { name: '_hjSessionUser', duration: '1 year', purpose: 'Recognises a returning visitor.' },
            '_hjid',
          ],
        },
        matomo: {},
      },
    },
  },
}

const dialog = () => ui().getByRole('dialog', { name: 'Cookie settings' })
/** Every row of a table as the text of its cells. */
const cells = (table: HTMLElement) =>
  [...table.querySelectorAll('tr')].map((tr) => [...tr.cells].map((c) => c.textContent))

describe('the cookie declaration in the settings dialog', () => {
  it('gives each category with something to declare a closed "Show cookies" disclosure', () => {
    startUI(CONFIG).consent.openSettings()
    const disclosures = [...shadow()!.querySelectorAll('details')]
    expect(
      disclosures.map((d) => [
        d.closest('[part~=category]')!.querySelector('input')!.name,
        d.open,
        d.querySelector('summary')!.textContent,
      ]),
    ).toEqual([
      ['necessary', false, 'Show cookies'],
      ['analytics', false, 'Show cookies'],
    ])
  })

  it('lists the SDK cookie under Necessary: its configured name, lifetime and purpose', () => {
    startUI({ cookie: { name: 'cc', maxAgeDays: 30 } }).consent.openSettings()
    const table = within(dialog()).getByRole('table', { name: 'Necessary' })
    expect(cells(table)).toEqual([
      ['Name', 'Provider', 'Duration', 'Purpose'],
      ['cc', location.hostname, '30 days', 'Remembers your cookie choices.'],
    ])
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((th) => th.textContent),
    ).toEqual(['Name', 'Provider', 'Duration', 'Purpose'])
  })

  it('shows services with provider and privacy-policy link, and their cookies with the service provider by default', () => {
    startUI(CONFIG).consent.openSettings()
    const table = within(dialog()).getByRole('table', { name: 'Analytics' })
    expect(cells(table)).toEqual([
      ['Name', 'Provider', 'Duration', 'Purpose'],
      ['/^_ga_/', 'Google', '2 years', 'Keeps the session state.'],
      ['Hotjar · Hotjar Ltd · Privacy policy'],
      ['_hjSessionUser', 'Hotjar Ltd', '1 year', 'Recognises a returning visitor.'],
      ['_hjid', 'Hotjar Ltd', '', ''],
      ['matomo'],
    ])
    const link = within(table).getByRole('link', { name: 'Privacy policy' })
    expect(link.getAttribute('href')).toBe('https://www.hotjar.com/privacy')
    // A row group per service, led by a header cell for the group.
    expect(table.querySelectorAll('tbody').length).toBe(2)
    expect([...table.querySelectorAll('tbody > tr > th[colspan]')].map((th) => th.getAttribute('scope'))).toEqual([
      'rowgroup',
      'rowgroup',
    ])
  })

  it('takes durations and purposes from the shown language, in the language file and the translations', () => {
    ;(self as { consentryTranslations?: unknown }).consentryTranslations = { de }
    startUI({
      ...CONFIG,
      language: 'de',
      translations: {
        de: { cookies: { _hjSessionUser: { duration: '1 Jahr', purpose: 'Erkennt wiederkehrende Besucher.' } } },
      },
    }).consent.openSettings()
    const d = ui().getByRole('dialog', { name: 'Cookie-Einstellungen' })
    expect(cells(within(d).getByRole('table', { name: 'Notwendig' }))).toEqual([
      ['Cookie-Name', 'Anbieter', 'Laufzeit', 'Zweck'],
      ['consentry', location.hostname, '182 Tage', 'Speichert Ihre Cookie-Auswahl.'],
    ])
    expect(cells(within(d).getByRole('table', { name: 'Statistik' }))[3]).toEqual([
      '_hjSessionUser',
      'Hotjar Ltd',
      '1 Jahr',
      'Erkennt wiederkehrende Besucher.',
    ])
    expect(within(d).getAllByText('Cookies anzeigen')).toHaveLength(2)
  })

  it('writes the lifetime as a number where the language tag is not one Intl knows', () => {
    startUI({ language: 'zz-a' }).consent.openSettings()
    expect(cells(within(dialog()).getByRole('table', { name: 'Necessary' }))[1]![2]).toBe('182')
  })
})

describe('the consent id in the settings dialog', () => {
  const idOf = () => shadow()!.querySelector<HTMLElement>('[part~=id]')!

  it('is hidden before a decision, shows record().id after one, follows new decisions and hides after reset()', () => {
    const { consent } = startUI()
    consent.openSettings()
    expect(idOf().hidden).toBe(true)
    expect(within(dialog()).queryByRole('button', { name: 'Copy' })).toBeNull()
    consent.acceptAll()
    consent.openSettings()
    const first = consent.record()!.id
    expect([idOf().hidden, idOf().textContent]).toEqual([false, `Your consent ID ${first} Copy`])
    consent.reset()
    expect(idOf().hidden).toBe(true)
    consent.rejectAll()
    expect(consent.record()!.id).not.toBe(first)
    expect(idOf().querySelector('code')!.textContent).toBe(consent.record()!.id)
    expect(within(dialog()).getByText('Your consent ID', { exact: false })).toBe(idOf())
  })

  // jsdom keeps no selection inside a shadow root: what is selected is asserted here through the
  // call, and as the real selection in Chromium (test/browser/ui-declaration.test.ts).
  const selected = () => vi.spyOn(Selection.prototype, 'selectAllChildren')

  it('copies the id to the clipboard and selects it', async () => {
    const select = selected()
    const writeText = vi.fn(() => Promise.resolve())
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true })
    const { consent } = startUI()
    consent.rejectAll()
    consent.openSettings()
    within(dialog()).getByRole('button', { name: 'Copy' }).click()
    expect(writeText.mock.calls).toEqual([[consent.record()!.id]])
    expect(select.mock.calls).toEqual([[idOf().querySelector('code')]])
    delete (navigator as { clipboard?: unknown }).clipboard
  })

  it('only selects the id where the clipboard is missing or refuses', async () => {
    const select = selected()
    const { consent } = startUI()
    consent.rejectAll()
    consent.openSettings()
    const copy = within(dialog()).getByRole('button', { name: 'Copy' })
    expect('clipboard' in navigator).toBe(false)
    copy.click()
    expect(select).toHaveBeenCalledTimes(1)
    const writeText = vi.fn(() => Promise.reject(new DOMException('denied', 'NotAllowedError')))
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true })
    copy.click()
    await Promise.resolve()
    expect(writeText.mock.calls).toEqual([[consent.record()!.id]])
    expect(select).toHaveBeenCalledTimes(2)
    delete (navigator as { clipboard?: unknown }).clipboard
  })
})

describe('the declaration on a policy page', () => {
  const box = () => document.querySelector<HTMLElement>('[data-consentry-declaration]')!
  const addBox = () =>
    document.body.appendChild(
      Object.assign(document.createElement('div'), { innerHTML: '<div data-consentry-declaration>Loading</div>' }),
    )

  it('declares the SDK cookie with no config at all', () => {
    addBox()
    startUI()
    const tables = within(box()).getAllByRole('table')
    expect(tables.map((t) => t.querySelector('caption')!.textContent)).toEqual(['Necessary'])
    expect(cells(tables[0]!)[1]).toEqual(['consentry', location.hostname, '182 days', 'Remembers your cookie choices.'])
  })

  it('renders every category with something to declare as captioned tables of plain markup, and is removed on destroy', () => {
    addBox()
    const { consent } = startUI(CONFIG)
    expect(
      within(box())
        .getAllByRole('table')
        .map((t) => t.querySelector('caption')!.textContent),
    ).toEqual(['Necessary', 'Analytics'])
    expect(box().querySelectorAll('[part],[class],[style],[id]').length).toBe(0)
    expect(box().textContent).not.toContain('Loading')
    expect(document.querySelector('consentry-ui')!.shadowRoot!.querySelector('table')).toBeNull()
    consent.destroy()
    expect(box().childNodes.length).toBe(0)
  })
})
