/**
 * Picks the language to show: the configured one, or with `'auto'` the first of
 * `<html lang>` and `navigator.languages` that has texts, matched on the primary subtag.
 */
export function chooseLanguage(setting: string, available: string[]): string {
  const wanted =
    setting !== 'auto'
      ? [setting]
      : typeof document == 'undefined'
        ? []
        : [document.documentElement.lang, ...(navigator.languages || [navigator.language])]
  for (const tag of wanted) {
    const code = (tag || '').toLowerCase()
    const hit = available.find((a) => a.toLowerCase() == code) || available.find((a) => a == code.split('-')[0])
    if (hit) return hit
  }
  return setting !== 'auto' && setting ? setting : 'en'
}
