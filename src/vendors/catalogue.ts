import { amplitude, googleAnalytics, googleTagManager, mixpanel, posthog } from './analytics'
import { metaPixel } from './advertising'
import { youtube } from './embeds'
import { hotjar, microsoftClarity, sentryReplay } from './replay'
import type { Vendor } from './types'

/** Every preset of the catalogue, sorted by id. Importing it pulls in all of them; import presets by name to keep a bundle small. */
export const vendors: readonly Vendor[] = [
  amplitude,
  googleAnalytics,
  googleTagManager,
  hotjar,
  metaPixel,
  microsoftClarity,
  mixpanel,
  posthog,
  sentryReplay,
  youtube,
]
