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
    { name: 'YSC', duration: 'session', purpose: 'Counts the views of embedded videos within one visit.', domain: '.youtube.com' },
    { name: 'VISITOR_INFO1_LIVE', duration: '6 months', purpose: 'Estimates the visitor\'s bandwidth and remembers player settings.', domain: '.youtube.com' },
    { name: 'VISITOR_PRIVACY_METADATA', duration: '6 months', purpose: 'Stores the visitor\'s consent state for YouTube.', domain: '.youtube.com' },
    { name: 'PREF', duration: '8 months', purpose: 'Remembers player preferences such as volume and autoplay.', domain: '.youtube.com' },
  ],
  storage: [],
  sources: [
    'https://policies.google.com/technologies/cookies',
    'https://support.google.com/youtube/answer/171780',
    'https://developers.google.com/youtube/iframe_api_reference',
  ],
}
