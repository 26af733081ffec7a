import type { Vendor } from './types'

// Product and web analytics. Durations are each vendor's defaults; browsers may cap them (Chrome at 400 days).

export const googleAnalytics: Vendor = {
  id: 'google-analytics',
  title: 'Google Analytics',
  provider: 'Google LLC',
  privacyPolicy: 'https://policies.google.com/privacy',
  category: 'analytics',
  // gtag.js for GA4 is served from googletagmanager.com/gtag/js; hits go to (region1.)google-analytics.com.
  block: ['google-analytics.com', 'analytics.google.com', 'googletagmanager.com/gtag/js'],
  cookies: [
    { name: '_ga', duration: '2 years', purpose: 'Tells visitors apart with a random client id.' },
    { name: '/^_ga_/', duration: '2 years', purpose: 'Keeps the state of the current session for one GA4 property.' },
    { name: '_gid', duration: '24 hours', purpose: 'Tells visitors apart over one day (Universal Analytics tags).' },
    { name: '/^_gat/', duration: '1 minute', purpose: 'Throttles the rate of requests (Universal Analytics tags).' },
  ],
  storage: [],
  sources: [
    'https://support.google.com/analytics/answer/11397207',
    'https://developers.google.com/analytics/devguides/collection/analyticsjs/cookie-usage',
  ],
}

export const googleTagManager: Vendor = {
  id: 'google-tag-manager',
  title: 'Google Tag Manager',
  provider: 'Google LLC',
  privacyPolicy: 'https://policies.google.com/privacy',
  category: 'analytics',
  // Only the container and its no-script frame: gtag.js (googletagmanager.com/gtag/js) belongs to the tags it loads.
  block: ['googletagmanager.com/gtm.js', 'googletagmanager.com/ns.html'],
  cookies: [],
  storage: [],
  sources: [
    'https://support.google.com/tagmanager/answer/9323295',
    'https://developers.google.com/tag-platform/tag-manager/web',
  ],
}

export const posthog: Vendor = {
  id: 'posthog',
  title: 'PostHog',
  provider: 'PostHog Inc.',
  privacyPolicy: 'https://posthog.com/privacy',
  category: 'analytics',
  // Cloud ingestion and assets (us.i.posthog.com, eu-assets.i.posthog.com); a reverse proxy needs its own rule.
  block: ['posthog.com'],
  cookies: [
    { name: '/^ph_.+_posthog$/', duration: '1 year', purpose: 'Keeps the visitor\'s distinct id, device id and session id.' },
    { name: '/^__ph_opt_in_out_/', duration: '1 year', purpose: 'Remembers an opt-in or opt-out given through the SDK.' },
  ],
  // localStorage+cookie persistence: the full state under ph_<key>_posthog, the window id in sessionStorage.
  storage: ['/^ph_/', '/^__ph_opt_in_out_/'],
  sources: [
    'https://posthog.com/docs/libraries/js/persistence',
    'npm posthog-js: dist/module.js (persistence, sessionid, storage key names)',
  ],
}

export const mixpanel: Vendor = {
  id: 'mixpanel',
  title: 'Mixpanel',
  provider: 'Mixpanel, Inc.',
  privacyPolicy: 'https://mixpanel.com/legal/privacy-policy/',
  category: 'analytics',
  block: ['mixpanel.com', 'mxpnl.com'],
  cookies: [
    { name: '/^mp_.+_mixpanel$/', duration: '1 year', purpose: 'Keeps the visitor\'s distinct id, device id and super properties.' },
    { name: '/^__mp_opt_in_out_/', duration: '1 year', purpose: 'Remembers an opt-in or opt-out given through the SDK.' },
  ],
  // Request queues (__mpq_…, __mps_…), localStorage persistence (mp_…_mixpanel) and IndexedDB stores.
  storage: ['/^__mp/', '/^mp_/', 'mixpanelBrowserDb', 'mixpanelFlagsDb'],
  sources: [
    'https://docs.mixpanel.com/docs/tracking-methods/sdks/javascript#storing-user-data',
    'npm mixpanel-browser: dist/mixpanel.module.js (persistence names, queue keys, IDBStorageWrapper)',
  ],
}

export const amplitude: Vendor = {
  id: 'amplitude',
  title: 'Amplitude',
  provider: 'Amplitude, Inc.',
  privacyPolicy: 'https://amplitude.com/privacy',
  category: 'analytics',
  block: ['amplitude.com'],
  cookies: [
    { name: '/^AMP_(?!MKTG_)/', duration: '1 year', purpose: 'Keeps the visitor\'s device id, user id and session id.' },
    { name: '/^AMP_MKTG_/', duration: '1 year', purpose: 'Keeps the campaign (UTM and referrer) the visitor came from.' },
  ],
  // Unsent events (AMP_unsent_<key>) and remote configuration live in localStorage.
  storage: ['/^AMP_/'],
  sources: [
    'https://amplitude.com/docs/sdks/analytics/browser/browser-sdk-2#cookie-management',
    'npm @amplitude/analytics-browser: lib/esm/config.js (cookie and storage names)',
    'npm @amplitude/analytics-core: lib/esm/storage (cookie storage, AMP_ prefix)',
  ],
}
