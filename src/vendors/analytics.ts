import type { Vendor } from './types'

// Product and web analytics. Durations are each vendor's defaults; browsers may cap them (Chrome at 400 days).

export const googleAnalytics: Vendor = {
  id: 'google-analytics',
  title: 'Google Analytics',
  provider: 'Google LLC',
  privacyPolicy: 'https://policies.google.com/privacy',
  category: 'analytics',
  // gtag.js loaded for a G- (or old UA-) id from googletagmanager.com; hits go to (region1.)google-analytics.com.
  block: ['google-analytics.com', 'analytics.google.com', '/googletagmanager\\.com\\/gtag\\/js\\?(.*&)?id=(G|UA)-/'],
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
    {
      name: '/^ph_.+_posthog$/',
      duration: '1 year',
      purpose: "Keeps the visitor's distinct id, device id and session id.",
    },
    {
      name: '/^__ph_opt_in_out_/',
      duration: '1 year',
      purpose: 'Remembers an opt-in or opt-out given through the SDK.',
    },
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
    {
      name: '/^mp_.+_mixpanel$/',
      duration: '1 year',
      purpose: "Keeps the visitor's distinct id, device id and super properties.",
    },
    {
      name: '/^__mp_opt_in_out_/',
      duration: '1 year',
      purpose: 'Remembers an opt-in or opt-out given through the SDK.',
    },
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
    { name: '/^AMP_(?!MKTG_)/', duration: '1 year', purpose: "Keeps the visitor's device id, user id and session id." },
    {
      name: '/^AMP_MKTG_/',
      duration: '1 year',
      purpose: 'Keeps the campaign (UTM and referrer) the visitor came from.',
    },
  ],
  // Unsent events (AMP_unsent_<key>) and remote configuration live in localStorage.
  storage: ['/^AMP_/'],
  sources: [
    'https://amplitude.com/docs/sdks/analytics/browser/browser-sdk-2#cookie-management',
    'npm @amplitude/analytics-browser: lib/esm/config.js (cookie and storage names)',
    'npm @amplitude/analytics-core: lib/esm/storage (cookie storage, AMP_ prefix)',
  ],
}

export const segment: Vendor = {
  id: 'segment',
  title: 'Segment',
  provider: 'Twilio Inc. (Segment)',
  privacyPolicy: 'https://www.twilio.com/en-us/legal/privacy',
  category: 'analytics',
  // Analytics.js and its settings (cdn.segment.com), the tracking API (api.segment.io) and the newer segmentapis.com.
  block: ['cdn.segment.com', 'api.segment.io', 'segmentapis.com'],
  cookies: [
    {
      name: 'ajs_anonymous_id',
      duration: '1 year',
      purpose: 'Keeps the random id of a visitor who is not identified.',
    },
    { name: 'ajs_user_id', duration: '1 year', purpose: 'Keeps the id of an identified user.' },
    { name: 'ajs_group_id', duration: '1 year', purpose: 'Keeps the id of the group (account) the user belongs to.' },
  ],
  // The same ids, user traits and group properties in localStorage, and the queue of unsent events.
  storage: ['/^ajs_/', '/^persisted-queue:v1:/'],
  sources: [
    'https://www.twilio.com/docs/segment/connections/sources/catalog/libraries/website/javascript/cookie-validity-update',
    'https://www.twilio.com/docs/segment/connections/sources/catalog/libraries/website/javascript/identity',
  ],
}

export const heap: Vendor = {
  id: 'heap',
  title: 'Heap',
  provider: 'Heap Inc. (Contentsquare)',
  privacyPolicy: 'https://www.heap.io/privacy',
  category: 'analytics',
  block: ['heapanalytics.com', 'heap-api.com'],
  cookies: [
    { name: '/^_hp2_id\\./', duration: '13 months', purpose: 'Keeps the user id and identity (heap.js v4).' },
    {
      name: '/^_hp2_ses_props\\./',
      duration: '30 minutes',
      purpose: "Keeps the session's timestamp and cookie domain (heap.js v4).",
    },
    {
      name: '/^_hp2_props\\./',
      duration: '13 months',
      purpose: 'Keeps event properties set with addEventProperties (heap.js v4).',
    },
    { name: '/^_hp5_meta\\./', duration: '13 months', purpose: 'Keeps the user and session ids (heap.js v5).' },
    {
      name: '/^_hp5_event_props\\./',
      duration: '13 months',
      purpose: 'Keeps event properties set with addEventProperties (heap.js v5).',
    },
    { name: '/^_hp5_let\\./', duration: '13 months', purpose: 'Keeps the time of the last event (heap.js v5).' },
    {
      name: '/^_hp2_hld/',
      duration: 'session',
      purpose: 'Finds the highest domain a cookie can be set on; removed at once.',
    },
  ],
  storage: [],
  sources: [
    'https://help.heap.io/hc/en-us/articles/37271939081617-What-cookies-does-Heap-set-and-what-are-they-used-for',
  ],
}

export const matomoCloud: Vendor = {
  id: 'matomo-cloud',
  title: 'Matomo Cloud',
  provider: 'InnoCraft Ltd (Matomo)',
  privacyPolicy: 'https://matomo.org/privacy-policy/',
  category: 'analytics',
  // <name>.matomo.cloud/matomo.php and the tracker from cdn.matomo.cloud/<name>.matomo.cloud/matomo.js.
  block: ['matomo.cloud'],
  cookies: [
    {
      name: '/^_pk_id\\./',
      duration: '13 months',
      purpose: 'Keeps the visitor id and first-visit time for this site.',
    },
    {
      name: '/^_pk_ses\\./',
      duration: '30 minutes',
      purpose: 'Marks the current visit so its page views are grouped.',
    },
    { name: '/^_pk_ref\\./', duration: '6 months', purpose: 'Keeps the referrer the visitor first came from.' },
    {
      name: '/^_pk_(cvar|hsr)\\./',
      duration: '30 minutes',
      purpose: 'Keeps visit-scoped custom variables and heatmap/session-recording state.',
    },
    {
      name: '_pk_testcookie',
      duration: 'session',
      purpose: 'Checks that the browser accepts cookies; removed at once.',
    },
    {
      name: '/^mtm_(cookie_)?consent(_removed)?$/',
      duration: '30 years',
      purpose: "Remembers consent given or withdrawn through Matomo's own consent API.",
    },
  ],
  storage: [],
  sources: ['https://matomo.org/faq/general/faq_146/', 'https://developer.matomo.org/guides/tracking-javascript-guide'],
}

export const plausible: Vendor = {
  id: 'plausible',
  title: 'Plausible Analytics',
  provider: 'Plausible Insights OÜ',
  privacyPolicy: 'https://plausible.io/privacy',
  category: 'analytics',
  // Plausible sets no cookies; the script and the /api/event endpoint are the only things to hold back.
  block: ['plausible.io'],
  cookies: [],
  // Set only by a site owner who excludes their own visits.
  storage: ['plausible_ignore'],
  sources: ['https://plausible.io/data-policy', 'https://plausible.io/docs/excluding-localstorage'],
}
