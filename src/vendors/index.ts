export type { Vendor, VendorCookie } from './types'
export type { DeclaredCookie, VendorService } from './withVendors'
export { vendors } from './catalogue'
export { vendorService, withVendors } from './withVendors'
export {
  doubleclick,
  googleAds,
  linkedinInsight,
  metaPixel,
  microsoftUet,
  pinterestTag,
  redditPixel,
  snapPixel,
  tiktokPixel,
  xPixel,
} from './advertising'
export {
  amplitude,
  googleAnalytics,
  googleTagManager,
  heap,
  matomoCloud,
  mixpanel,
  plausible,
  posthog,
  segment,
} from './analytics'
export { crisp, drift, hubspot, intercom, tawkTo, zendesk } from './chat'
export {
  calendly,
  googleMaps,
  instagramEmbed,
  recaptcha,
  soundcloud,
  spotifyEmbed,
  twitterEmbed,
  typeform,
  vimeo,
  youtube,
} from './embeds'
export { datadogRum, fullstory, hotjar, logrocket, microsoftClarity, sentryReplay } from './replay'
