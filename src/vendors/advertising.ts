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
    {
      name: '_fbp',
      duration: '90 days',
      purpose: 'Identifies the browser for Meta ad delivery and conversion measurement.',
    },
    { name: '_fbc', duration: '90 days', purpose: 'Keeps the click id of the Meta ad the visitor came from.' },
    {
      name: 'fr',
      duration: '90 days',
      purpose: 'Delivers and measures Meta ads, set for logged-in Facebook users.',
      domain: '.facebook.com',
    },
  ],
  storage: [],
  sources: [
    'https://www.facebook.com/policy/cookies/',
    'https://developers.facebook.com/docs/marketing-api/conversions-api/parameters/fbp-and-fbc/',
  ],
}

export const googleAds: Vendor = {
  id: 'google-ads',
  title: 'Google Ads conversion tracking and remarketing',
  provider: 'Google LLC',
  privacyPolicy: 'https://policies.google.com/privacy',
  category: 'marketing',
  // gtag.js loaded for an AW- tag, conversion and remarketing hits, and the Google Ads user-data endpoints.
  block: [
    '/googletagmanager\\.com\\/gtag\\/js\\?(.*&)?id=AW-/',
    'googleadservices.com',
    'googleads.g.doubleclick.net',
    'google.com/pagead/',
    'google.com/ccm/',
  ],
  cookies: [
    {
      name: '_gcl_au',
      duration: '90 days',
      purpose: 'Links ad clicks to conversions on the site (conversion linker).',
    },
    {
      name: '/^_gcl_(aw|dc|gb|gs|ag)/',
      duration: '90 days',
      purpose: 'Keeps the click id of the Google ad the visitor came from.',
    },
    {
      name: '/^_gac_/',
      duration: '90 days',
      purpose: 'Keeps campaign information for Google Ads read by linked Analytics tags.',
    },
  ],
  storage: [],
  sources: [
    'https://business.safety.google/adscookies/',
    'https://support.google.com/google-ads/answer/7521212',
    'https://support.google.com/analytics/answer/7519794',
  ],
}

export const doubleclick: Vendor = {
  id: 'doubleclick',
  title: 'DoubleClick (Google Marketing Platform)',
  provider: 'Google LLC',
  privacyPolicy: 'https://policies.google.com/privacy',
  category: 'marketing',
  // Floodlight and ad-serving hosts (ad.doubleclick.net, *.g.doubleclick.net) and the GPT ad library.
  block: ['doubleclick.net', 'googletagservices.com', 'googlesyndication.com'],
  cookies: [
    {
      name: 'IDE',
      duration: '13 months',
      purpose: 'Shows Google ads across sites and measures their effect.',
      domain: '.doubleclick.net',
    },
    {
      name: 'test_cookie',
      duration: '15 minutes',
      purpose: 'Checks whether the browser accepts cookies.',
      domain: '.doubleclick.net',
    },
    {
      name: 'DSID',
      duration: '2 weeks',
      purpose: "Links the visitor's activity across devices for signed-in Google users.",
      domain: '.doubleclick.net',
    },
    {
      name: '/^_gcl_dc/',
      duration: '90 days',
      purpose: 'Keeps the click id of a Campaign Manager or Display & Video ad for Floodlight conversions.',
    },
  ],
  storage: [],
  sources: ['https://business.safety.google/adscookies/', 'https://policies.google.com/technologies/cookies'],
}

export const linkedinInsight: Vendor = {
  id: 'linkedin-insight',
  title: 'LinkedIn Insight Tag',
  provider: 'LinkedIn Corporation',
  privacyPolicy: 'https://www.linkedin.com/legal/privacy-policy',
  category: 'marketing',
  // The tag (snap.licdn.com/li.lms-analytics/insight.min.js) and its hits (px.ads.linkedin.com, px4.ads.linkedin.com).
  block: ['snap.licdn.com', 'ads.linkedin.com', 'linkedin.com/px', 'linkedin.com/collect'],
  cookies: [
    { name: 'li_fat_id', duration: '30 days', purpose: 'Keeps the click id of the LinkedIn ad the visitor came from.' },
    {
      name: 'li_sugr',
      duration: '3 months',
      purpose: 'Probabilistic browser id used to match visits to LinkedIn members.',
      domain: '.linkedin.com',
    },
    { name: 'bcookie', duration: '1 year', purpose: 'Identifies the browser to LinkedIn.', domain: '.linkedin.com' },
    { name: 'lidc', duration: '1 day', purpose: 'Routes requests to a LinkedIn data centre.', domain: '.linkedin.com' },
    {
      name: 'UserMatchHistory',
      duration: '30 days',
      purpose: 'Syncs the LinkedIn Ads id with other ad platforms.',
      domain: '.linkedin.com',
    },
    {
      name: 'AnalyticsSyncHistory',
      duration: '30 days',
      purpose: "Records when the visitor was last synced with LinkedIn's analytics.",
      domain: '.linkedin.com',
    },
  ],
  storage: ['li_adsId'],
  sources: [
    'https://www.linkedin.com/legal/l/cookie-table',
    'https://learn.microsoft.com/en-us/linkedin/marketing/conversions/enabling-first-party-cookies',
  ],
}

export const tiktokPixel: Vendor = {
  id: 'tiktok-pixel',
  title: 'TikTok Pixel',
  provider: 'TikTok Technology Limited',
  privacyPolicy: 'https://www.tiktok.com/legal/page/eea/privacy-policy/en',
  category: 'marketing',
  // The pixel (analytics.tiktok.com/i18n/pixel/events.js) and its event endpoints.
  block: ['analytics.tiktok.com', 'business-api.tiktok.com'],
  cookies: [
    { name: '_ttp', duration: '13 months', purpose: 'Identifies the browser for TikTok ad measurement and audiences.' },
    {
      name: '_tt_enable_cookie',
      duration: '13 months',
      purpose: "Checks that the browser accepts the pixel's cookies.",
    },
    { name: 'ttclid', duration: '13 months', purpose: 'Keeps the click id of the TikTok ad the visitor came from.' },
    { name: '/^ttcsid/', duration: '13 months', purpose: 'Identifies the browsing session for conversion matching.' },
  ],
  storage: [],
  sources: [
    'https://ads.tiktok.com/help/article/using-cookies-with-tiktok-pixel',
    'https://ads.tiktok.com/help/article/how-to-use-cookies-with-tiktok-pixel',
  ],
}

export const xPixel: Vendor = {
  id: 'x-pixel',
  title: 'X (Twitter) Pixel',
  provider: 'X Corp.',
  privacyPolicy: 'https://x.com/en/privacy',
  category: 'marketing',
  // The pixel (static.ads-twitter.com/uwt.js) and its hits (analytics.twitter.com, t.co/i/adsct, ads-api.x.com).
  block: [
    'ads-twitter.com',
    'analytics.twitter.com',
    '/\\bt\\.co\\/(1\\/)?i\\/adsct/',
    'ads-api.x.com',
    'ads-api.twitter.com',
  ],
  cookies: [
    { name: '_twclid', duration: '2 years', purpose: 'Keeps the click id of the X ad the visitor came from.' },
    { name: 'muc_ads', duration: '2 years', purpose: 'Identifies the browser for X ad measurement.', domain: '.t.co' },
    {
      name: 'personalization_id',
      duration: '2 years',
      purpose: "Links the visitor's activity on sites with X ads and embeds.",
      domain: '.x.com',
    },
    {
      name: 'guest_id',
      duration: '2 years',
      purpose: 'Identifies a visitor who is not logged in to X.',
      domain: '.x.com',
    },
  ],
  storage: [],
  sources: [
    'https://help.x.com/en/rules-and-policies/x-cookies',
    'https://business.x.com/en/help/campaign-measurement-and-analytics/conversion-tracking-for-websites',
  ],
}

export const pinterestTag: Vendor = {
  id: 'pinterest-tag',
  title: 'Pinterest Tag',
  provider: 'Pinterest Europe Ltd.',
  privacyPolicy: 'https://policy.pinterest.com/privacy-policy',
  category: 'marketing',
  // The tag (s.pinimg.com/ct/core.js, /ct/lib/…) and its hits (ct.pinterest.com).
  block: ['s.pinimg.com/ct/', 'ct.pinterest.com'],
  cookies: [
    { name: '_pin_unauth', duration: '1 year', purpose: 'Groups the actions of a visitor Pinterest cannot identify.' },
    { name: '_epik', duration: '1 year', purpose: 'Keeps the click data of the Pinterest ad the visitor came from.' },
    { name: '_derived_epik', duration: '1 year', purpose: 'Keeps a match found without cookies (enhanced match).' },
    {
      name: '_pinterest_ct_ua',
      duration: '1 year',
      purpose: 'Groups the actions of an unidentified visitor across sites.',
      domain: '.pinterest.com',
    },
  ],
  storage: [],
  sources: ['https://help.pinterest.com/en/business/article/pinterest-tag-parameters-and-cookies'],
}

export const redditPixel: Vendor = {
  id: 'reddit-pixel',
  title: 'Reddit Pixel',
  provider: 'Reddit, Inc.',
  privacyPolicy: 'https://www.reddit.com/policies/privacy-policy',
  category: 'marketing',
  // The pixel (www.redditstatic.com/ads/pixel.js) and its hits (alb.reddit.com/rp.gif, pixel-config.reddit.com).
  block: ['redditstatic.com/ads/', 'alb.reddit.com', 'pixel-config.reddit.com'],
  cookies: [
    {
      name: '_rdt_uuid',
      duration: '90 days',
      purpose: 'Identifies the browser for Reddit ad measurement and audiences.',
    },
    { name: '_rdt_cid', duration: '90 days', purpose: 'Keeps the click id of the Reddit ad the visitor came from.' },
  ],
  storage: [],
  sources: [
    'https://business.reddithelp.com/s/article/Install-the-Reddit-Pixel-on-your-website',
    'https://business.reddithelp.com/s/article/first-party-cookies',
  ],
}

export const microsoftUet: Vendor = {
  id: 'microsoft-uet',
  title: 'Microsoft Advertising UET',
  provider: 'Microsoft Corporation',
  privacyPolicy: 'https://www.microsoft.com/privacy/privacystatement',
  category: 'marketing',
  // The tag (bat.bing.com/bat.js) and its hits (bat.bing.com/action, bat.bing.net).
  block: ['bat.bing.com', 'bat.bing.net'],
  cookies: [
    { name: '_uetsid', duration: '1 day', purpose: 'Identifies the session for Microsoft Advertising conversions.' },
    {
      name: '_uetvid',
      duration: '13 months',
      purpose: 'Identifies the visitor across sessions for conversions and remarketing.',
    },
    {
      name: '_uetmsclkid',
      duration: '90 days',
      purpose: 'Keeps the click id of the Microsoft ad the visitor came from.',
    },
    {
      name: 'MUID',
      duration: '13 months',
      purpose: "Microsoft's browser id across its sites and ads.",
      domain: '.bing.com',
    },
  ],
  // bat.js mirrors its ids and their expiry in localStorage (_uetsid, _uetsid_exp, _uetvid, _uetvid_exp).
  storage: ['/^_uet/'],
  sources: [
    'https://help.ads.microsoft.com/#apex/ads/en/56959/1',
    'https://learn.microsoft.com/en-us/advertising/msa-help/hlp_ba_conc_uet_parameters_table',
  ],
}

export const snapPixel: Vendor = {
  id: 'snap-pixel',
  title: 'Snap Pixel',
  provider: 'Snap Inc.',
  privacyPolicy: 'https://values.snap.com/privacy/privacy-policy',
  category: 'marketing',
  // The pixel (sc-static.net/scevent.min.js) and its event hosts (tr.snapchat.com, tr-shadow.snapchat.com).
  block: ['sc-static.net/scevent', 'tr.snapchat.com', 'tr-shadow.snapchat.com'],
  cookies: [
    { name: '_scid', duration: '13 months', purpose: 'Identifies the browser for Snapchat ad measurement.' },
    { name: '_scid_r', duration: '13 months', purpose: 'Copy of the browser id used to match conversions.' },
    {
      name: '_sctr',
      duration: '13 months',
      purpose: 'Records when the visitor last came to the site, for conversion windows.',
    },
    { name: '_ScCbts', duration: '1 week', purpose: 'Keeps the click id of the Snapchat ad the visitor came from.' },
  ],
  storage: [],
  sources: [
    'https://businesshelp.snapchat.com/s/article/pixel-direct-implementation',
    'https://snap.com/en-US/cookie-policy',
  ],
}
