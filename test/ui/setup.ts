// Shared set-up of the jsdom UI tests: an instance with the UI, cleaned up after each test.
import '../jsdomPolyfills'
import { within } from '@testing-library/dom'
import { afterEach } from 'vitest'
import { createConsentWith } from '../../src/consent'
import type { Consent, ConsentConfig } from '../../src/types'
import { createUI } from '../../src/ui/ui'

const made: Consent[] = []

afterEach(() => {
  for (const consent of made.splice(0)) consent.destroy()
  document.body.replaceChildren()
  document.documentElement.removeAttribute('style')
  document.cookie = 'consentry=; max-age=0; path=/'
})

/** A consent instance with only the UI started, and everything it emits as strings. */
export function start(config: ConsentConfig = {}) {
  const events: string[] = []
  const consent = createConsentWith(config, [createUI])
  made.push(consent)
  consent.on('change', (choices) =>
    events.push(
      'change ' +
        Object.keys(choices)
          .filter((k) => choices[k] && k != 'necessary')
          .join(','),
    ),
  )
  consent.on('settings', (open) => events.push('settings ' + open))
  consent.on('banner', () => events.push('banner'))
  return { consent, events }
}

/** The UI's shadow root, or null when nothing was rendered. */
export const shadow = (): ShadowRoot | null => document.querySelector('consentry-ui')?.shadowRoot ?? null

/** Testing Library queries inside the shadow root. */
export const ui = () => within(shadow() as unknown as HTMLElement)

export const key = (target: Element, k: string, init: KeyboardEventInit = {}) =>
  target.dispatchEvent(
    new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true, composed: true, ...init }),
  )

/** Turns the Global Privacy Control signal on (`true`) or removes it (`undefined`). */
export function gpc(value: boolean | undefined) {
  if (value === undefined) delete (navigator as { globalPrivacyControl?: boolean }).globalPrivacyControl
  else Object.defineProperty(navigator, 'globalPrivacyControl', { value, configurable: true })
}
