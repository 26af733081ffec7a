import { afterEach, describe, expect, it, vi } from 'vitest'
import { getMessages } from '../../src/i18n/getMessages'
import { cleanUp, shadow, startUI, ui } from '../jsdom'

// The real texts, counted: merging them is work a returning visitor's page should not pay for.
vi.mock('../../src/i18n/getMessages', async (real) => {
  const { getMessages } = await real<typeof import('../../src/i18n/getMessages')>()
  return { getMessages: vi.fn(getMessages) }
})

afterEach(() => {
  cleanUp()
  vi.mocked(getMessages).mockClear()
})

describe('consent UI start-up', () => {
  it('merges no texts for a visitor who already decided, until something is shown, then once', () => {
    startUI().consent.rejectAll()
    document.body.replaceChildren()
    vi.mocked(getMessages).mockClear()
    const { consent } = startUI()
    expect(consent.decided).toBe(true)
    expect(getMessages).not.toHaveBeenCalled()
    consent.openSettings()
    expect(ui().getByRole('dialog', { name: 'Cookie settings' })).toBeTruthy()
    consent.closeSettings()
    consent.showBanner()
    expect(shadow()!.querySelector('[part~=banner]')).toBeTruthy()
    expect(getMessages).toHaveBeenCalledTimes(1)
  })

  it('shows the banner in the page language with its texts for a first visit', () => {
    startUI()
    expect(shadow()!.querySelector('[part~=banner]')!.getAttribute('lang')).toBe('en')
    expect(getMessages).toHaveBeenCalledTimes(1)
  })
})
