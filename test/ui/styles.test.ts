import { afterEach, describe, expect, it, vi } from 'vitest'
import { css } from '../../src/ui/styles'
import { cleanUp, shadow, startUI, ui } from '../jsdom'

afterEach(cleanUp)
afterEach(() => {
  vi.unstubAllGlobals()
})

describe('styles', () => {
  it('adopts one constructable stylesheet where the browser has them', () => {
    const replaced: string[] = []
    vi.stubGlobal(
      'CSSStyleSheet',
      class {
        replaceSync(text: string) {
          replaced.push(text)
        }
      },
    )
    const adopted: unknown[][] = []
    const descriptor = Object.getOwnPropertyDescriptor(ShadowRoot.prototype, 'adoptedStyleSheets')
    Object.defineProperty(ShadowRoot.prototype, 'adoptedStyleSheets', {
      configurable: true,
      set: (sheets: unknown[]) => adopted.push(sheets),
    })
    try {
      startUI()
    } finally {
      if (descriptor) Object.defineProperty(ShadowRoot.prototype, 'adoptedStyleSheets', descriptor)
      else delete (ShadowRoot.prototype as { adoptedStyleSheets?: unknown }).adoptedStyleSheets
    }
    expect(replaced).toEqual([css])
    expect(adopted).toHaveLength(1)
    expect(shadow()!.querySelector('style')).toBeNull()
  })

  it('falls back to a <style> carrying the configured nonce without constructable sheets', () => {
    vi.stubGlobal('CSSStyleSheet', undefined)
    startUI({ nonce: 'abc' })
    const style = shadow()!.querySelector('style')!
    expect([style.nonce, style.textContent]).toEqual(['abc', css])
  })

  it('marks the host with the configured theme', () => {
    startUI({ theme: 'dark' })
    expect(document.querySelector('consentry-ui')!.getAttribute('theme')).toBe('dark')
  })

  it('guards the host against page rules with !important and resets what it inherits', () => {
    expect(css).toMatch(/:host\{all:initial!important;display:contents!important;/)
  })

  it('themes through the documented custom properties only', () => {
    const names = [...new Set(css.match(/--consentry-[a-z-]+/g))].sort()
    expect(names).toEqual([
      '--consentry-accent',
      '--consentry-accent-fg',
      '--consentry-bg',
      '--consentry-fg',
      '--consentry-font',
      '--consentry-radius',
      '--consentry-space',
    ])
  })

  it('moves nothing unless the visitor allows motion', () => {
    const outside = css.replace(/@media\(prefers-reduced-motion:no-preference\)\{.*\}\}/, '')
    expect(outside).not.toMatch(/transition|animation/)
  })

  it('writes right-to-left languages right to left', () => {
    startUI({ language: 'ar', translations: { ar: { banner: { title: 'موافقة' } } } })
    const banner = ui().getByRole('region', { name: 'موافقة' })
    expect([banner.getAttribute('dir'), banner.getAttribute('lang')]).toEqual(['rtl', 'ar'])
  })
})
