import type { Vendor } from './types'

// Chat and support widgets: functional for the visitor, so personalization by default; HubSpot's tracking is marketing.

export const hubspot: Vendor = {
  id: 'hubspot',
  title: 'HubSpot',
  provider: 'HubSpot, Inc.',
  privacyPolicy: 'https://legal.hubspot.com/privacy-policy',
  category: 'marketing',
  // The loader (js.hs-scripts.com) and what it pulls in: analytics, banner, ads pixel, collected forms and chat.
  block: [
    'hs-scripts.com',
    'hs-analytics.net',
    'hs-banner.com',
    'hsadspixel.net',
    'hscollectedforms.net',
    'usemessages.com',
    'track.hubspot.com',
  ],
  cookies: [
    {
      name: '__hstc',
      duration: '6 months',
      purpose: 'Tracks visitors: domain, first, last and current visit times, session count.',
    },
    {
      name: 'hubspotutk',
      duration: '6 months',
      purpose: "Keeps the visitor's identity, passed to HubSpot when a form is submitted.",
    },
    { name: '__hssc', duration: '30 minutes', purpose: 'Keeps the session, to tell whether to count a new session.' },
    {
      name: '__hssrc',
      duration: 'session',
      purpose: 'Tells whether the browser was restarted, to start a new session.',
    },
    {
      name: 'messagesUtk',
      duration: '6 months',
      purpose: 'Recognises chat visitors, so conversations continue across visits.',
    },
    {
      name: '/^__hs_(opt_out|do_not_track|cookie_cat_pref|initial_opt_in)$/',
      duration: '6 months',
      purpose: "Remembers the visitor's choices in HubSpot's own cookie banner.",
    },
  ],
  storage: [],
  sources: ['https://knowledge.hubspot.com/privacy-and-consent/what-cookies-does-hubspot-set-in-a-visitor-s-browser'],
}

export const intercom: Vendor = {
  id: 'intercom',
  title: 'Intercom Messenger',
  provider: 'Intercom R&D Unlimited Company',
  privacyPolicy: 'https://www.intercom.com/legal/privacy',
  category: 'personalization',
  // The widget loader (widget.intercom.io), its bundles (js.intercomcdn.com), API (api-iam.intercom.io) and websocket.
  block: ['intercom.io', 'intercomcdn.com', 'intercomassets.com'],
  cookies: [
    {
      name: '/^intercom-id-/',
      duration: '9 months',
      purpose: 'Anonymous visitor id, so the Messenger recognises returning visitors.',
    },
    {
      name: '/^intercom-session-/',
      duration: '1 week',
      purpose: 'Keeps the conversation going while the visitor moves between pages.',
    },
    {
      name: '/^intercom-device-id-/',
      duration: '9 months',
      purpose: 'Identifies the device, so only one Messenger session runs per device.',
    },
  ],
  storage: ['/^intercom\\./'],
  sources: [
    'https://www.intercom.com/help/en/articles/2361922-intercom-messenger-cookies',
    'https://developers.intercom.com/installing-intercom/web/methods',
  ],
}

export const drift: Vendor = {
  id: 'drift',
  title: 'Drift',
  provider: 'Salesloft, Inc. (Drift)',
  privacyPolicy: 'https://www.salesloft.com/legal/privacy-notice',
  category: 'personalization',
  // The loader and widget (js.driftt.com, widget.drift.com) and its API and websocket hosts.
  block: ['driftt.com', 'drift.com', 'driftapi.com'],
  cookies: [
    { name: 'driftt_aid', duration: '2 years', purpose: 'Anonymous visitor id that ties chats to one Drift contact.' },
    { name: 'driftt_sid', duration: '30 minutes', purpose: 'Keeps the current chat session.' },
    {
      name: 'driftt_eid',
      duration: '2 years',
      purpose: 'Ties the visitor to an identified contact once they gave an email address.',
    },
    { name: 'driftt_wmd', duration: 'session', purpose: 'Remembers that the welcome message was dismissed.' },
    {
      name: '/^DFTT_/',
      duration: '2 years',
      purpose: 'Remembers that the visitor was already registered or identified by Drift.',
    },
  ],
  storage: ['/^DRIFT_/', '/^drift/'],
  sources: ['https://devdocs.drift.com/docs/driftidentify-implementation-guide'],
}

export const crisp: Vendor = {
  id: 'crisp',
  title: 'Crisp',
  provider: 'Crisp IM SAS',
  privacyPolicy: 'https://crisp.chat/en/privacy/',
  category: 'personalization',
  // The loader (client.crisp.chat/l.js), its assets and its relay/websocket hosts (*.relay.crisp.chat).
  block: ['crisp.chat'],
  cookies: [
    {
      name: '/^crisp-client%2Fsession%2F/',
      duration: '6 months',
      purpose: "Keeps the visitor's chat session, so the conversation survives page loads.",
    },
    {
      name: '/^crisp-client%2Fsocket%2F/',
      duration: 'session',
      purpose: 'Remembers which server the chat connection uses.',
    },
  ],
  storage: ['/^crisp-client\\//'],
  sources: [
    'https://docs.crisp.chat/guides/chatbox-sdks/web-sdk/cookie-policies/',
    'https://help.crisp.chat/en/article/whats-crisp-chatbox-cookie-and-ip-policy-1147xor/',
  ],
}

export const zendesk: Vendor = {
  id: 'zendesk',
  title: 'Zendesk Web Widget',
  provider: 'Zendesk, Inc.',
  privacyPolicy: 'https://www.zendesk.com/company/agreements-and-terms/privacy-notice/',
  category: 'personalization',
  // The snippet (static.zdassets.com/ekr/snippet.js), the account's widget API (<name>.zendesk.com) and legacy chat (zopim.com).
  block: ['zdassets.com', 'zendesk.com', 'zopim.com', 'zopim.io'],
  cookies: [
    { name: '__zlcmid', duration: '1 year', purpose: 'Keeps the visitor id the Chat widget authenticates with.' },
    {
      name: '__zlcprivacy',
      duration: '1 year',
      purpose: "Remembers the visitor's answer to the widget's own cookie prompt.",
    },
  ],
  // The messaging widget keeps its user, conversation and open state in localStorage and sessionStorage.
  storage: ['/^ZD-/', '/^__zlc/'],
  sources: [
    'https://support.zendesk.com/hc/en-us/articles/4408828505754-Enabling-cookie-consent-for-the-Chat-widget',
    'https://developer.zendesk.com/api-reference/widget-messaging/web/core',
  ],
}

export const tawkTo: Vendor = {
  id: 'tawk-to',
  title: 'tawk.to',
  provider: 'tawk.to inc.',
  privacyPolicy: 'https://www.tawk.to/privacy-policy/',
  category: 'personalization',
  // The widget (embed.tawk.to) and its visitor API and websocket (va.tawk.to, *.tawk.to).
  block: ['tawk.to', 'tawk.link'],
  cookies: [
    { name: '/^tawk_uuid_/', duration: '6 months', purpose: 'Recognises a returning visitor of this property.' },
    { name: 'twk_idm_key', duration: 'session', purpose: "Manages the visitor's connection to the chat." },
    {
      name: 'TawkConnectionTime',
      duration: 'session',
      purpose: 'Keeps the widget in step when the site is open in several tabs.',
    },
  ],
  storage: ['/^twk_/', '/^tawk/'],
  sources: ['https://help.tawk.to/article/what-are-tawkto-cookies-and-what-do-they-do'],
}
