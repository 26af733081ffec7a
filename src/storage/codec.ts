import { shortHash as hash } from '../hash'
import { DAY, isoOf as iso, secondsOf as seconds } from '../store/time'
import type { Choices, ConsentRecord, Method } from '../types'

/*
 * The stored decision, version 1, as one cookie-safe string of dot-separated fields:
 *   1.<revision>.<bits>.<created>.<updated>.<expires>.<method>.<gpc>.<language>.<id>.<check>
 * numbers in base 36 (times in seconds), <bits> one 0/1 per non-necessary key in config
 * order, <check> a 32-bit FNV-1a hash of the rest and of the key names. The check catches
 * corruption, edits and a config whose keys changed; it is no signature (nothing in a
 * browser can keep a secret), and the decoder trusts nothing it has not validated.
 */

const METHODS: Method[] = ['accept-all', 'reject-all', 'custom', 'withdraw']

export function encodeRecord(record: ConsentRecord, keys: string[]): string {
  const body = [
    1,
    record.revision.toString(36),
    keys
      .slice(1)
      .map((k) => +!!record.choices[k])
      .join(''),
    ...[record.createdAt, record.updatedAt, record.expiresAt].map((t) => seconds(t).toString(36)),
    METHODS.indexOf(record.method),
    +record.gpc,
    record.language,
    record.id,
  ].join('.')
  return body + '.' + hash(body + '|' + keys)
}

// Every field's form; the check (last) is verified by writing the record read back out again.
const FORMAT =
  /^1\.([0-9a-z]{1,11})\.([01]*)\.([0-9a-z]{1,8})\.([0-9a-z]{1,8})\.([0-9a-z]{1,8})\.([0-3])\.([01])\.([a-zA-Z]{2,3}(?:-[a-zA-Z0-9]{1,8})*)\.([0-9a-f-]{36})\.[0-9a-z]{1,7}$/

/**
 * Reads a stored decision, or null when it is missing, malformed, edited, made for
 * other keys, out of its time bounds or expired at `now` (seconds). Never throws. The record
 * and its choices are frozen.
 */
export function decodeRecord(value: unknown, keys: string[], now: number): ConsentRecord | null {
  const match = typeof value == 'string' && value.length < 300 && FORMAT.exec(value)
  if (!match) return null
  const [revision, created, updated, expires] = [1, 3, 4, 5].map((field) => parseInt(match[field]!, 36))
  if (
    !(created! <= updated! && updated! < expires! && expires! - updated! <= 396 * DAY) ||
    updated! > now + DAY ||
    expires! <= now
  )
    return null
  const choices = { necessary: true } as Choices
  keys.slice(1).forEach((key, i) => {
    choices[key] = match[2]![i] == '1'
  })
  // Frozen like a new decision's record (createRecord): what is read becomes the instance's state,
  // which `get()` and `record()` hand out, and only a decision may change it.
  const record = Object.freeze({
    id: match[9]!,
    createdAt: iso(created!),
    updatedAt: iso(updated!),
    expiresAt: iso(expires!),
    revision: revision!,
    choices: Object.freeze(choices),
    method: METHODS[+match[6]!]!,
    gpc: match[7] == '1',
    language: match[8]!,
  })
  // Written out again, it must be the same value: that checks the hash (corruption, edits, a config
  // whose keys changed) and that there is one bit per key, in the one form this encoder writes.
  return encodeRecord(record, keys) === value ? record : null
}
