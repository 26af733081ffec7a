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
    { name: '/^_hjSessionUser_/', duration: '1 year', purpose: 'Keeps the Hotjar user id for this site, so later visits count as the same user.' },
    { name: '/^_hjSession_/', duration: '30 minutes', purpose: 'Keeps the current session, so its page views are grouped.' },
    { name: '/^_hjIncludedIn(Session|Pageview)Sample/', duration: '30 minutes', purpose: 'Records whether the visitor is in the sampled share of traffic.' },
    { name: '_hjAbsoluteSessionInProgress', duration: '30 minutes', purpose: 'Detects the first page view of a session.' },
    { name: '/^_hj(TLD|Cookie|LocalStorage|SessionStorage)Test$/', duration: 'session', purpose: 'Checks which domain and which storage the script may use; removed at once.' },
    { name: '/^_hj(HasCachedUserAttributes|UserAttributesHash)$/', duration: 'session', purpose: 'Tells whether the user attributes sent with the Identify API changed.' },
    { name: '/^_hj(ClosedSurveyInvites|DonePolls|MinimizedPolls|ShownFeedbackMessage)$/', duration: '1 year', purpose: 'Remembers which surveys and feedback widgets the visitor has closed or answered.' },
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
    { name: 'CLID', duration: '1 year', purpose: 'Recognises the visitor across sites that use Clarity.', domain: '.clarity.ms' },
    { name: 'MUID', duration: '1 year', purpose: 'Microsoft\'s user id across its sites, used when Clarity is linked to Microsoft Advertising.', domain: '.clarity.ms' },
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
