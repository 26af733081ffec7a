import { within } from '@testing-library/dom'
import { afterEach, describe, expect, it } from 'vitest'
import { cleanUp, key, nextFrame, shadow, startUI, ui } from '../jsdom'

afterEach(cleanUp)

const element = (html: { tag: string; attrs: Record<string, string>; text: string }) => {
  const el = document.createElement(html.tag)
  for (const [k, v] of Object.entries(html.attrs)) el.setAttribute(k, v)
  el.textContent = html.text
  return document.body.appendChild(el)
}

describe('footer widget', () => {
  it('opens the settings on click of any [data-consentry-settings] element, including ones added later', () => {
    const { consent, events } = startUI()
    consent.rejectAll()
    const later = element({ tag: 'span', attrs: { 'data-consentry-settings': '', tabindex: '0' }, text: 'Privacy' })
    const inner = later.appendChild(document.createElement('b'))
    inner.click()
    expect(events).toEqual(['change ', 'settings true'])
    expect(ui().getByRole('dialog', { name: 'Cookie settings' })).toBeTruthy()
  })

  it('opens on Enter and on Space, once each, and cancels what the key would do', () => {
    const { consent, events } = startUI()
    consent.rejectAll()
    const button = element({ tag: 'button', attrs: { 'data-consentry-settings': '' }, text: 'Cookies' })
    expect(key(button, 'Enter')).toBe(false)
    consent.closeSettings()
    expect(key(button, ' ')).toBe(false)
    expect(key(button, 'a')).toBe(true)
    expect(events).toEqual(['change ', 'settings true', 'settings false', 'settings true'])
  })

  it('ignores clicks elsewhere', () => {
    const { consent, events } = startUI()
    consent.rejectAll()
    element({ tag: 'button', attrs: {}, text: 'Other' }).click()
    expect(events).toEqual(['change '])
  })

  it('renders a "Cookie Settings" link into every [data-consentry-footer] element', () => {
    const footers = [1, 2].map(() => element({ tag: 'footer', attrs: { 'data-consentry-footer': '' }, text: '' }))
    const { consent, events } = startUI()
    consent.rejectAll()
    const links = footers.map((f) => within(f).getByRole('link', { name: 'Cookie Settings' }))
    expect(links).toHaveLength(2)
    links[1]!.click()
    expect(events).toEqual(['change ', 'settings true'])
  })

  it('renders the footer link even for a visitor who already decided, without rendering the UI', () => {
    startUI().consent.rejectAll()
    document.body.replaceChildren()
    const footer = element({ tag: 'footer', attrs: { 'data-consentry-footer': '' }, text: '' })
    startUI()
    expect(within(footer).getByRole('link', { name: 'Cookie Settings' })).toBeTruthy()
    expect(shadow()).toBeNull()
  })

  it('shows the floating button when configured, but not while the banner shows', () => {
    const { consent, events } = startUI({ floatingButton: true })
    expect(ui().queryByRole('button', { name: 'Cookie Settings' })).toBeNull()
    expect(shadow()!.querySelector<HTMLElement>('[part~=floating]')!.hidden).toBe(true)
    consent.rejectAll()
    ui().getByRole('button', { name: 'Cookie Settings' }).click()
    expect(events).toEqual(['change ', 'settings true'])
  })

  it('shows no floating button unless configured', () => {
    startUI().consent.rejectAll()
    expect(shadow()!.querySelector('[part~=floating]')).toBeNull()
  })

  it('leaves nothing behind on destroy: no host, links, listeners or scroll padding', async () => {
    const footer = element({ tag: 'footer', attrs: { 'data-consentry-footer': '' }, text: '' })
    const opener = element({ tag: 'button', attrs: { 'data-consentry-settings': '' }, text: 'Cookies' })
    document.documentElement.style.scrollPaddingBottom = '3px'
    const { consent, events } = startUI({ floatingButton: true })
    await nextFrame()
    expect(document.documentElement.style.scrollPaddingBottom).not.toBe('3px')
    consent.destroy()
    opener.click()
    expect(events).toEqual([])
    expect([document.querySelector('consentry-ui'), footer.children.length]).toEqual([null, 0])
    expect(document.documentElement.style.scrollPaddingBottom).toBe('3px')
  })
})
