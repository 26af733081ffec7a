import { h } from './h'

/**
 * An open shadow root on `host`, styled with `css`: the UI's and each placeholder's. A
 * constructable stylesheet, which `style-src 'self'` allows without a nonce; a `<style nonce>`
 * only where constructable sheets are missing.
 */
export function shadow(host: HTMLElement, css: string, nonce?: string): ShadowRoot {
  const root = host.attachShadow({ mode: 'open' })
  try {
    const sheet = new CSSStyleSheet()
    sheet.replaceSync(css)
    root.adoptedStyleSheets = [sheet]
  } catch {
    root.append(h('style', { nonce }, css))
  }
  return root
}
