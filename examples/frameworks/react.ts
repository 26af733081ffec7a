// React: a hook over the headless core. useSyncExternalStore re-renders on every decision.
import { useSyncExternalStore } from 'react'
import type { Consent, ConsentKey } from 'consentry/core'

export function useConsent(consent: Consent, key: ConsentKey): boolean {
  return useSyncExternalStore(
    (onChange) => consent.on('change', onChange),
    () => consent.has(key),
    () => false, // server render: nothing is granted
  )
}
