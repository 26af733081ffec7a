import type { DeepPartial, Messages } from '../types'

/**
 * Languages added by script tag: each `dist/i18n/<code>.js` assigns itself to
 * `window.consentryTranslations[code]`, so it works whether it loads before or after the SDK.
 */
export function registered(): Record<string, DeepPartial<Messages>> {
  return (
    (typeof self != 'undefined' &&
      (self as { consentryTranslations?: Record<string, Messages> }).consentryTranslations) ||
    {}
  )
}
