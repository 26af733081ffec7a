import { createConsent } from './full'
import type { Consent, ConsentConfig } from './types'
import { warn } from './warn'

type Host = typeof globalThis & { consentry?: Consent }

/** Reads `<script type="application/json" id="consentry-config">`; a broken block means the defaults. */
function readConfig(): unknown {
  const block = document.getElementById('consentry-config')
  if (!block) return undefined
  try {
    return JSON.parse(block.textContent || '{}')
  } catch (error) {
    warn(`#consentry-config is not valid JSON (${(error as Error).message}); using the defaults`)
    return undefined
  }
}

/**
 * The page's instance, `window.consentry`, created from `#consentry-config` on the first call
 * (a page that includes the SDK twice keeps the first one). In server-side rendering, an
 * in-memory instance.
 */
export const startConsent = (): Consent =>
  typeof document == 'undefined'
    ? createConsent()
    : ((globalThis as Host).consentry ||= createConsent(readConfig() as ConsentConfig))
