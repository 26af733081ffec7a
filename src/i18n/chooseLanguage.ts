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
    setting != 'auto'
      ? [setting]
      : typeof document == 'undefined'
        ? []
        : [document.documentElement.lang, ...(navigator.languages || [navigator.language])]
  for (const tag of wanted) {
    // Where `navigator.languages` is missing, `navigator.language` (maybe missing too) stands in.
    const code = (tag || '').toLowerCase()
    for (const candidate of [code, code.split('-')[0]])
      for (const name of known) if (name.toLowerCase() == candidate) return name
  }
  return (setting != 'auto' && setting) || 'en'
}
