import { startConsent } from './startConsent'

/**
 * `consentry/start`: the instance, started while this module is evaluated. Import it first,
 * and the storage guard and `block` rules are in place before any module imported after it
 * runs its top-level code. The config is the page's `#consentry-config` block; the instance
 * is also `window.consentry`.
 */
export const consent = startConsent()
