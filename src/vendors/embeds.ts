import type { Vendor } from './types'

// Embedded players, maps, posts and forms. What they store lives mostly on the vendor's own domain.

export const youtube: Vendor = {
  id: 'youtube',
  title: 'YouTube',
  provider: 'Google LLC',
  privacyPolicy: 'https://policies.google.com/privacy',
  category: 'marketing',
  // Player frames (youtube.com, youtube-nocookie.com), the IFrame API, thumbnails (ytimg.com) and video (googlevideo.com).
  block: ['youtube.com', 'youtube-nocookie.com', 'ytimg.com', 'googlevideo.com'],
  cookies: [
    {
      name: 'YSC',
      duration: 'session',
      purpose: 'Counts the views of embedded videos within one visit.',
      domain: '.youtube.com',
    },
    {
      name: 'VISITOR_INFO1_LIVE',
      duration: '6 months',
      purpose: "Estimates the visitor's bandwidth and remembers player settings.",
      domain: '.youtube.com',
    },
    {
      name: 'VISITOR_PRIVACY_METADATA',
      duration: '6 months',
      purpose: "Stores the visitor's consent state for YouTube.",
      domain: '.youtube.com',
    },
    {
      name: 'PREF',
      duration: '8 months',
      purpose: 'Remembers player preferences such as volume and autoplay.',
      domain: '.youtube.com',
    },
  ],
  storage: [],
  sources: [
    'https://policies.google.com/technologies/cookies',
    'https://support.google.com/youtube/answer/171780',
    'https://developers.google.com/youtube/iframe_api_reference',
  ],
}

export const vimeo: Vendor = {
  id: 'vimeo',
  title: 'Vimeo',
  provider: 'Vimeo.com, Inc.',
  privacyPolicy: 'https://vimeo.com/privacy',
  category: 'analytics',
  // Player frames (player.vimeo.com), the Player SDK and the player's assets (vimeocdn.com).
  block: ['vimeo.com', 'vimeocdn.com'],
  cookies: [
    {
      name: 'vuid',
      duration: '2 years',
      purpose: "Counts the views of embedded videos for Vimeo's statistics.",
      domain: '.vimeo.com',
    },
    {
      name: 'player',
      duration: '1 year',
      purpose: 'Remembers player settings such as volume and captions.',
      domain: '.vimeo.com',
    },
    {
      name: '__cf_bm',
      duration: '30 minutes',
      purpose: 'Tells people from bots (Cloudflare bot management).',
      domain: '.vimeo.com',
    },
  ],
  storage: [],
  sources: ['https://vimeo.com/cookie_policy', 'https://developer.vimeo.com/player/sdk'],
}

export const googleMaps: Vendor = {
  id: 'google-maps',
  title: 'Google Maps',
  provider: 'Google LLC',
  privacyPolicy: 'https://policies.google.com/privacy',
  category: 'personalization',
  // The Maps JavaScript API and tiles (maps.googleapis.com, maps.gstatic.com) and embedded map frames (google.com/maps).
  block: ['maps.googleapis.com', 'maps.gstatic.com', 'maps.google.com', '/google\\.[a-z.]+\\/maps/'],
  cookies: [
    {
      name: 'NID',
      duration: '6 months',
      purpose: 'Remembers Google preferences and, where allowed, personalises ads.',
      domain: '.google.com',
    },
    {
      name: 'AEC',
      duration: '6 months',
      purpose: 'Ties requests to a browsing session to keep abuse out.',
      domain: '.google.com',
    },
  ],
  storage: [],
  sources: [
    'https://policies.google.com/technologies/cookies',
    'https://developers.google.com/maps/documentation/javascript/overview',
  ],
}

export const spotifyEmbed: Vendor = {
  id: 'spotify-embed',
  title: 'Spotify embedded player',
  provider: 'Spotify AB',
  privacyPolicy: 'https://www.spotify.com/legal/privacy-policy/',
  category: 'marketing',
  // Embed frames (open.spotify.com/embed/…, embed-podcast) and the iFrame API script.
  block: ['open.spotify.com/embed', 'embed.spotify.com'],
  cookies: [
    {
      name: 'sp_t',
      duration: '1 year',
      purpose: 'Identifies the browser to Spotify, also for advertising.',
      domain: '.spotify.com',
    },
    {
      name: 'sp_landing',
      duration: '1 day',
      purpose: 'Records the page the visitor first reached Spotify from.',
      domain: '.spotify.com',
    },
  ],
  storage: [],
  sources: ['https://www.spotify.com/legal/cookies-policy/', 'https://developer.spotify.com/documentation/embeds'],
}

export const soundcloud: Vendor = {
  id: 'soundcloud',
  title: 'SoundCloud embedded player',
  provider: 'SoundCloud Global Limited & Co. KG',
  privacyPolicy: 'https://soundcloud.com/pages/privacy',
  category: 'marketing',
  // The widget frame (w.soundcloud.com/player), its API script and the audio and artwork hosts (sndcdn.com).
  block: ['soundcloud.com', 'sndcdn.com'],
  cookies: [
    {
      name: 'sc_anonymous_id',
      duration: '10 years',
      purpose: 'Identifies a listener who is not signed in to SoundCloud.',
      domain: '.soundcloud.com',
    },
    {
      name: 'datadome',
      duration: '1 year',
      purpose: 'Tells people from bots (DataDome bot protection).',
      domain: '.soundcloud.com',
    },
  ],
  storage: [],
  sources: ['https://soundcloud.com/pages/cookies', 'https://developers.soundcloud.com/docs/api/html5-widget'],
}

export const twitterEmbed: Vendor = {
  id: 'twitter-embed',
  title: 'X (Twitter) embedded posts',
  provider: 'X Corp.',
  privacyPolicy: 'https://x.com/en/privacy',
  category: 'marketing',
  // widgets.js (platform.twitter.com, platform.x.com), post frames and data (syndication.twitter.com, cdn.syndication.twimg.com).
  block: ['platform.twitter.com', 'platform.x.com', 'syndication.twitter.com', 'syndication.twimg.com'],
  cookies: [
    {
      name: 'guest_id',
      duration: '2 years',
      purpose: 'Identifies a visitor who is not logged in to X.',
      domain: '.x.com',
    },
    {
      name: 'personalization_id',
      duration: '2 years',
      purpose: "Links the visitor's activity on sites with X embeds and ads.",
      domain: '.x.com',
    },
  ],
  storage: [],
  sources: [
    'https://help.x.com/en/rules-and-policies/x-cookies',
    'https://developer.x.com/en/docs/x-for-websites/embedded-tweets/overview',
  ],
}

export const instagramEmbed: Vendor = {
  id: 'instagram-embed',
  title: 'Instagram embedded posts',
  provider: 'Meta Platforms Ireland Limited',
  privacyPolicy: 'https://privacycenter.instagram.com/policy',
  category: 'marketing',
  // embed.js and post frames (www.instagram.com/p/<id>/embed, /reel/…) and images (cdninstagram.com).
  block: ['/instagram\\.com\\/(embed\\.js|(p|reel|tv)\\/[^/]+\\/embed)/', 'cdninstagram.com'],
  cookies: [
    { name: 'ig_did', duration: '2 years', purpose: 'Identifies the browser to Instagram.', domain: '.instagram.com' },
    {
      name: 'mid',
      duration: '2 years',
      purpose: 'Identifies the browser to Instagram, also to keep the service secure.',
      domain: '.instagram.com',
    },
    {
      name: 'csrftoken',
      duration: '1 year',
      purpose: 'Protects Instagram forms against cross-site request forgery.',
      domain: '.instagram.com',
    },
    {
      name: 'ig_nrcb',
      duration: '1 year',
      purpose: "Remembers the visitor's cookie choice on Instagram.",
      domain: '.instagram.com',
    },
  ],
  storage: [],
  sources: [
    'https://privacycenter.instagram.com/policies/cookies/',
    'https://developers.facebook.com/docs/instagram-platform/oembed',
  ],
}

export const calendly: Vendor = {
  id: 'calendly',
  title: 'Calendly',
  provider: 'Calendly LLC',
  privacyPolicy: 'https://calendly.com/privacy',
  category: 'personalization',
  // The embed script and styles (assets.calendly.com) and the booking frame (calendly.com/<user>?embed_domain=…).
  block: ['calendly.com'],
  cookies: [
    {
      name: '_calendly_session',
      duration: 'session',
      purpose: 'Keeps the booking session inside the embedded scheduler.',
      domain: 'calendly.com',
    },
    {
      name: '__cf_bm',
      duration: '30 minutes',
      purpose: 'Tells people from bots (Cloudflare bot management).',
      domain: '.calendly.com',
    },
    {
      name: 'OptanonConsent',
      duration: '1 year',
      purpose: "Remembers the visitor's cookie choices on Calendly.",
      domain: '.calendly.com',
    },
  ],
  storage: [],
  sources: [
    'https://calendly.com/legal/cookie-notice',
    'https://help.calendly.com/hc/en-us/articles/223147027-Embed-options-overview',
  ],
}

export const typeform: Vendor = {
  id: 'typeform',
  title: 'Typeform',
  provider: 'TYPEFORM S.L.',
  privacyPolicy: 'https://www.typeform.com/privacy-policy/',
  category: 'personalization',
  // The embed library (embed.typeform.com/next/embed.js) and the form frame (form.typeform.com, <account>.typeform.com).
  block: ['typeform.com'],
  cookies: [
    {
      name: 'attribution_user_id',
      duration: '1 year',
      purpose: "Identifies the respondent for Typeform's own measurement.",
      domain: '.typeform.com',
    },
    {
      name: 'tf_respondent_cc',
      duration: '6 months',
      purpose: "Remembers the respondent's cookie choices in the form.",
      domain: '.typeform.com',
    },
  ],
  storage: [],
  sources: ['https://www.typeform.com/developers/embed/', 'https://www.typeform.com/cookie-policy/'],
}

export const recaptcha: Vendor = {
  id: 'recaptcha',
  title: 'Google reCAPTCHA',
  provider: 'Google LLC',
  privacyPolicy: 'https://policies.google.com/privacy',
  // Often argued to be necessary; the catalogue keeps it behind consent, so move it only with legal advice.
  category: 'personalization',
  // api.js and its frames (www.google.com/recaptcha, www.recaptcha.net) and the script bundle (www.gstatic.com/recaptcha).
  block: ['google.com/recaptcha', 'recaptcha.net', 'gstatic.com/recaptcha'],
  cookies: [
    {
      name: '_GRECAPTCHA',
      duration: '6 months',
      purpose: 'Keeps the risk analysis that tells people from bots.',
      domain: 'www.google.com',
    },
  ],
  storage: [],
  sources: ['https://developers.google.com/recaptcha/docs/faq', 'https://policies.google.com/technologies/cookies'],
}
