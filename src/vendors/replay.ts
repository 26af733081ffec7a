import type { Vendor } from './types'

// Session replay, heatmaps and real-user monitoring: analytics that record how the page is used.

export const hotjar: Vendor = {
  id: 'hotjar',
  title: 'Hotjar',
  provider: 'Hotjar Ltd',
  privacyPolicy: 'https://www.hotjar.com/legal/policies/privacy/',
  category: 'analytics',
  // The tag script (static.hotjar.com), its settings and websocket (*.hotjar.com) and data endpoints (*.hotjar.io).
  block: ['hotjar.com', 'hotjar.io'],
  cookies: [
    {
      name: '/^_hjSessionUser_/',
      duration: '1 year',
      purpose: 'Keeps the Hotjar user id for this site, so later visits count as the same user.',
    },
    {
      name: '/^_hjSession_/',
      duration: '30 minutes',
      purpose: 'Keeps the current session, so its page views are grouped.',
    },
    {
      name: '/^_hjIncludedIn(Session|Pageview)Sample/',
      duration: '30 minutes',
      purpose: 'Records whether the visitor is in the sampled share of traffic.',
    },
    {
      name: '_hjAbsoluteSessionInProgress',
      duration: '30 minutes',
      purpose: 'Detects the first page view of a session.',
    },
    {
      name: '/^_hj(TLD|Cookie|LocalStorage|SessionStorage)Test$/',
      duration: 'session',
      purpose: 'Checks which domain and which storage the script may use; removed at once.',
    },
    {
      name: '/^_hj(HasCachedUserAttributes|UserAttributesHash)$/',
      duration: 'session',
      purpose: 'Tells whether the user attributes sent with the Identify API changed.',
    },
    {
      name: '/^_hj(ClosedSurveyInvites|DonePolls|MinimizedPolls|ShownFeedbackMessage)$/',
      duration: '1 year',
      purpose: 'Remembers which surveys and feedback widgets the visitor has closed or answered.',
    },
  ],
  storage: ['/^_hj/', 'hjViewportId', 'hjActiveViewportIds'],
  sources: [
    'https://help.hotjar.com/hc/en-us/articles/6952777582999-Cookies-Set-by-the-Hotjar-Tracking-Code',
    'npm @hotjar/browser: dist/index.esm.js (loads static.hotjar.com/c/hotjar-<id>.js)',
  ],
}

export const microsoftClarity: Vendor = {
  id: 'microsoft-clarity',
  title: 'Microsoft Clarity',
  provider: 'Microsoft Corporation',
  privacyPolicy: 'https://www.microsoft.com/privacy/privacystatement',
  category: 'analytics',
  // The tag (www.clarity.ms/tag/<id>), its script (scripts.clarity.ms) and upload hosts (*.clarity.ms/collect).
  block: ['clarity.ms'],
  cookies: [
    { name: '_clck', duration: '1 year', purpose: 'Keeps the Clarity user id and preferences for this site.' },
    { name: '_clsk', duration: '1 day', purpose: 'Joins the page views of one visit into a single session recording.' },
    {
      name: 'CLID',
      duration: '1 year',
      purpose: 'Recognises the visitor across sites that use Clarity.',
      domain: '.clarity.ms',
    },
    {
      name: 'MUID',
      duration: '1 year',
      purpose: "Microsoft's user id across its sites, used when Clarity is linked to Microsoft Advertising.",
      domain: '.clarity.ms',
    },
  ],
  storage: [],
  sources: [
    'https://learn.microsoft.com/en-us/clarity/setup-and-installation/cookie-list',
    'npm @microsoft/clarity: src/utils.js (loads www.clarity.ms/tag/<id>)',
  ],
}

export const sentryReplay: Vendor = {
  id: 'sentry-replay',
  title: 'Sentry Session Replay',
  provider: 'Functional Software, Inc. (Sentry)',
  privacyPolicy: 'https://sentry.io/privacy/',
  category: 'analytics',
  // Envelopes go to o<org>.ingest.(us|de).sentry.io; the loader and lazy bundles come from browser.sentry-cdn.com.
  block: ['sentry.io', 'sentry-cdn.com'],
  cookies: [],
  storage: ['sentryReplaySession'],
  sources: [
    'https://docs.sentry.io/platforms/javascript/session-replay/',
    'npm @sentry-internal/replay: build/npm/esm (REPLAY_SESSION_KEY in sessionStorage)',
  ],
}

export const fullstory: Vendor = {
  id: 'fullstory',
  title: 'Fullstory',
  provider: 'FullStory, Inc.',
  privacyPolicy: 'https://www.fullstory.com/legal/privacy-policy/',
  category: 'analytics',
  // The script (edge.fullstory.com/s/fs.js) and the recorder's upload hosts (rs.fullstory.com, *.fullstory.com).
  block: ['fullstory.com'],
  cookies: [
    { name: 'fs_uid', duration: '1 year', purpose: 'Keeps the Fullstory user id, so later visits join the same user.' },
    {
      name: 'fs_lua',
      duration: '30 minutes',
      purpose: 'Keeps the time of the last user action, to tell when a session ends.',
    },
    {
      name: 'fs_cid',
      duration: '1 year',
      purpose: "Keeps the visitor's consent state for elements recorded only with consent.",
    },
  ],
  storage: [],
  sources: [
    'https://help.fullstory.com/hc/en-us/articles/360020829513-Why-does-Fullstory-use-First-Party-cookies',
    'https://developer.fullstory.com/browser/getting-started/',
  ],
}

export const logrocket: Vendor = {
  id: 'logrocket',
  title: 'LogRocket',
  provider: 'LogRocket, Inc.',
  privacyPolicy: 'https://logrocket.com/privacy',
  category: 'analytics',
  // The SDK's CDN and ingestion hosts, on their own domains and the alternates kept for blocked networks.
  block: [
    'logrocket.io',
    'logrocket.com',
    'lr-ingest.io',
    'lr-ingest.com',
    'lr-in.com',
    'lr-in-prod.com',
    'lr-intake.com',
    'lrkt-in.com',
  ],
  cookies: [
    {
      name: '/^_lr_tabs_/',
      duration: 'session',
      purpose: 'Keeps the current recording session, so several tabs share one session.',
    },
    {
      name: '/^_lr_hb_/',
      duration: 'session',
      purpose: 'Heartbeat timestamp that tells whether a session is active in another tab.',
    },
    { name: '/^_lr_uf_/', duration: '1 year', purpose: 'Remembers whether the visitor was sampled for recording.' },
  ],
  storage: [],
  sources: ['https://docs.logrocket.com/docs/cookies'],
}

export const datadogRum: Vendor = {
  id: 'datadog-rum',
  title: 'Datadog Real User Monitoring',
  provider: 'Datadog, Inc.',
  privacyPolicy: 'https://www.datadoghq.com/legal/privacy/',
  category: 'analytics',
  // Intake hosts per site (browser-intake-datadoghq.com/.eu, -us3-, -us5-, -ap1-, ddog-gov) and the CDN bundle.
  block: ['/browser-intake-[a-z0-9-]*(datadoghq|ddog-gov)\\.(com|eu)/', 'datadoghq-browser-agent.com'],
  cookies: [
    {
      name: '_dd_s',
      duration: '15 minutes after the last activity, 4 hours at most',
      purpose: 'Keeps the RUM session id and whether the session is sampled.',
    },
    {
      name: '/^dd_cookie_test_/',
      duration: 'session',
      purpose: 'Checks that cookies can be written; removed at once.',
    },
  ],
  // The session is kept in localStorage instead when sessionPersistence is 'local-storage'.
  storage: ['_dd_s', '/^_dd_test_/'],
  sources: [
    'https://docs.datadoghq.com/real_user_monitoring/application_monitoring/browser/troubleshooting/',
    'https://docs.datadoghq.com/real_user_monitoring/application_monitoring/browser/advanced_configuration/',
  ],
}
