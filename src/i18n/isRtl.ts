/** Is `language` written right to left (Arabic, Persian, Hebrew, Urdu)? */
export const isRtl = (language: string): boolean => /^(ar|fa|he|ur)\b/.test(language.toLowerCase())
