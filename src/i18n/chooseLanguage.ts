import { registered } from './registered'

/**
 * Picks the language to show: the configured one, or with `'auto'` the first of
 * `<html lang>` and `navigator.languages` that has texts, matched exactly and then
 * on the primary subtag (`de-AT` → `de`). Texts exist for English, for every
 * `available` code (the `translations` config) and for every language file registered
 * on `window.consentryTranslations`.
 */
export function chooseLanguage(setting: string, available: string[]): string {
  const known = ['en', ...available, ...Object.keys(registered())]
  const wanted =
    setting != 'auto' ? [setting] : typeof document == 'undefined' ? [] : [document.documentElement.lang, ...navigator.languages]
  for (const tag of wanted)
    for (const code of [tag, tag.split('-')[0]!])
      for (const k of known) if (k.toLowerCase() == code.toLowerCase()) return k
  return (setting != 'auto' && setting) || 'en'
}
