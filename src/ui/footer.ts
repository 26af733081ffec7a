import type { Consent } from '../types'
import { h } from './h'

/**
 * Makes every `[data-consentry-settings]` element, present or added later, open the
 * settings on click, Enter or Space: one delegated listener, no observer. Pointing at or
 * focusing one calls `prepare`, which builds the dialog, so that the click only shows it.
 */
export function listenForSettings(consent: Consent, prepare: () => void): () => void {
  const on = (event: Event) => {
    const key = (event as KeyboardEvent).key
    if (!(event.target as Element).closest?.('[data-consentry-settings]')) return
    if (event.type == 'pointerover' || event.type == 'focusin') prepare()
    else if (!key || key == 'Enter' || key == ' ') {
      // Also cancels the click a button synthesizes from Enter or Space: the dialog opens once.
      event.preventDefault()
      consent.openSettings()
    }
  }
  const types = ['click', 'keydown', 'pointerover', 'focusin']
  types.forEach((type) => document.addEventListener(type, on))
  return () => types.forEach((type) => document.removeEventListener(type, on))
}

/** Renders a "Cookie Settings" link into every `[data-consentry-footer]` element; `text()` is asked only if there is one. */
export function renderFooterLinks(text: () => string): () => void {
  const links = [...document.querySelectorAll('[data-consentry-footer]')].map((el) =>
    el.appendChild(h('a', { href: '#', 'data-consentry-settings': '' }, text())),
  )
  return () => links.forEach((link) => link.remove())
}
