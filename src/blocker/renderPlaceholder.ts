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

let shared: CSSStyleSheet | undefined

function sheet(css: string): CSSStyleSheet {
  const sheet = new CSSStyleSheet()
  sheet.replaceSync(css)
  return sheet
}

/**
 * An in-place stand-in for a blocked iframe: a group naming the categories (and
 * services) it needs, with a button that grants them. It lives in an open shadow
 * root styled by a constructable sheet, so the page's CSS does not reach it and no
 * `style-src 'unsafe-inline'` is needed; it takes the iframe's size and classes.
 */
export function renderPlaceholder(consent: Consent, frame: Element, keys: string[], width: number, height: number): HTMLElement {
  const host = document.createElement('consentry-placeholder')
  const root = host.attachShadow({ mode: 'open' })
  const add = <K extends keyof HTMLElementTagNameMap>(tag: K, parent: Node): HTMLElementTagNameMap[K] =>
    parent.appendChild(document.createElement(tag))
  const box = add('div', root)
  const text = add('p', box)
  const button = add('button', box)
  // The site's translations first, then a language file added by script tag; no English table here.
  const tables = [consent.config.translations[consent.language], registered()[consent.language]]
  const find = <T>(read: (table: NonNullable<(typeof tables)[number]>) => T | undefined): T | undefined =>
    tables.map((table) => table && read(table)).find(Boolean)
  const texts: { text?: string; button?: string } = find((t) => t.placeholder) || {}
  const rules = Object.fromEntries(rulesOf(consent.config))
  const title = (key: string): string =>
    find((t) => (t.categories || {})[key]?.title) || (rules[key] || {}).title || key.split('.').pop()!
  const names = keys.map((key) => (key.includes('.') ? `${title(key)} (${title(key.split('.')[0]!)})` : title(key)))
  const fill = (message: string | undefined, fallback: string): string =>
    (message || fallback).replace(/{category}/g, () => names.join(', '))
  host.className = frame.className
  try {
    // The iframe's laid-out size (borders included), so nothing moves when it loads.
    root.adoptedStyleSheets = [(shared ||= sheet(CSS)), sheet(`:host{width:${width || 300}px;height:${height || 150}px}`)]
  } catch {
    // No constructable stylesheets (older browsers): the placeholder works unstyled.
  }
  box.setAttribute('role', 'group')
  box.setAttribute('aria-labelledby', (text.id = 'text'))
  text.textContent = fill(texts.text, 'This content is blocked until you allow {category}.')
  button.textContent = fill(texts.button, 'Allow {category}')
  // A service the config does not name follows its category, so granting it means granting the category.
  const grant = Object.fromEntries(keys.map((key) => [key in consent.get() ? key : key.split('.')[0], true]))
  button.addEventListener('click', () => consent.set(grant))
  return host
}
