// Vue: a composable; the choices are a shallow ref that follows every decision.
import { onScopeDispose, shallowRef, type ShallowRef } from 'vue'
import type { Choices, Consent } from 'consentry/core'

export function useConsent(consent: Consent): ShallowRef<Choices> {
  const choices = shallowRef(consent.get())
  onScopeDispose(consent.on('change', (next) => (choices.value = next)))
  return choices
}
