import { registered } from '../i18n/registered'
import type { Consent } from '../types'
import { rulesOf } from './rulesOf'

// The UI's custom properties, with fallbacks so a page without the UI still gets a readable box.
const CSS =
  ':host{display:block;max-width:100%}' +
  'div{box-sizing:border-box;height:100%;display:grid;place-content:center;gap:var(--consentry-space,1em);' +
  'padding:var(--consentry-space,1em);text-align:center;font-family:var(--consentry-font,sans-serif);' +
  'background:var(--consentry-bg,#eee);color:var(--consentry-fg,#111);border-radius:var(--consentry-radius,8px)}' +
  'p{margin:0}' +
  'button{font:inherit;padding:.5em 1em;border:1px solid;border-radius:inherit;' +
  'background:var(--consentry-accent,#15c);color:var(--consentry-accent-fg,#fff)}'

let sheet: CSSStyleSheet | undefined

/**
 * The placeholder of a blocked iframe: a `role="group"` naming the missing consent
 * keys, with a button that grants them. It lives in an open shadow root styled by
 * a constructable sheet, so the page's CSS does not reach it and no
 * `style-src 'unsafe-inline'` is needed; it takes the iframe's size and classes.
 */
export function renderPlaceholder(consent: Consent, frame: Element, keys: string[], width: number, height: number): HTMLElement {
  const host = document.createElement('consentry-placeholder')
  const root = host.attachShadow({ mode: 'open' })
  const box = root.appendChild(document.createElement('div'))
  const text = box.appendChild(document.createElement('p'))
  const button = box.appendChild(document.createElement('button'))
  // The site's translations first, then a language file added by script tag; no English table here.
  const tables = [consent.config.translations[consent.language], registered()[consent.language]]
  const find = <T,>(read: (table: NonNullable<(typeof tables)[number]>) => T | undefined): T | undefined => {
    for (const table of tables) {
      const found = table && read(table)
      if (found) return found
    }
  }
  const rules = Object.fromEntries(rulesOf(consent.config))
  const title = (key: string): string => find((t) => t.categories?.[key]?.title) || rules[key]?.title || key.split('.').pop()!
  const names = keys.map((key) => (key.includes('.') ? `${title(key)} (${title(key.split('.')[0]!)})` : title(key))).join(', ')
  const texts = find((t) => t.placeholder) || {}
  const fill = (message: string | undefined, fallback: string): string => (message || fallback).split('{category}').join(names)
  host.className = frame.className
  // The iframe's laid-out size (borders included), so nothing moves when it loads. CSSOM, not a style attribute: CSP allows it.
  host.style.width = (width || 300) + 'px'
  host.style.height = (height || 150) + 'px'
  try {
    if (!sheet) (sheet = new CSSStyleSheet()).replaceSync(CSS)
    root.adoptedStyleSheets = [sheet]
  } catch {
    // No constructable stylesheets (older browsers): the placeholder works unstyled.
  }
  box.setAttribute('role', 'group')
  box.setAttribute('aria-labelledby', (text.id = 'text'))
  text.textContent = fill(texts.text, 'This content is blocked until you allow {category}.')
  button.textContent = fill(texts.button, 'Allow {category}')
  // A service the config does not name follows its category, so granting it means granting the category.
  const grant = Object.fromEntries(keys.map((key) => [key in consent.get() ? key : key.split('.')[0], true]))
  button.onclick = () => consent.set(grant)
  return host
}
