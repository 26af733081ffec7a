// Svelte: a readable store; `consent.on` already returns the unsubscribe Svelte wants.
import { readable, type Readable } from 'svelte/store'
import type { Choices, Consent } from 'consentry/core'

export function consentStore(consent: Consent): Readable<Choices> {
  return readable(consent.get(), (set) => {
    set(consent.get()) // a store subscribed again later starts from the current choices
    return consent.on('change', (choices) => set(choices))
  })
}
