import type { Vendor } from './types'

// Advertising pixels and conversion tags: marketing by default.

export const metaPixel: Vendor = {
  id: 'meta-pixel',
  title: 'Meta Pixel',
  provider: 'Meta Platforms, Inc.',
  privacyPolicy: 'https://www.facebook.com/privacy/policy/',
  category: 'marketing',
  // The script (connect.facebook.net/…/fbevents.js) and its hits (www.facebook.com/tr?id=…, /tr/).
  block: ['connect.facebook.net', '/facebook\\.com\\/tr[/?]/'],
  cookies: [
    { name: '_fbp', duration: '90 days', purpose: 'Identifies the browser for Meta ad delivery and conversion measurement.' },
    { name: '_fbc', duration: '90 days', purpose: 'Keeps the click id of the Meta ad the visitor came from.' },
    { name: 'fr', duration: '90 days', purpose: 'Delivers and measures Meta ads, set for logged-in Facebook users.', domain: '.facebook.com' },
  ],
  storage: [],
  sources: [
    'https://www.facebook.com/policy/cookies/',
    'https://developers.facebook.com/docs/marketing-api/conversions-api/parameters/fbp-and-fbc/',
  ],
}
