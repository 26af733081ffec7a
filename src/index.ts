export { createConsent } from './full'
// The public types, listed once in the headless entry (its createConsent is shadowed by the one above).
export type * from './core'
