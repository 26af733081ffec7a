/// <reference types="node" />
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http'
import type { Store } from './createStore'
import { readBody } from './readBody'
import { respond } from './respond'
import { validateRecord } from './validateRecord'

/** Records are a few hundred bytes; 8 KB leaves room for many services and nothing else. */
export const MAX_BYTES = 8192

export interface RecordRoute {
  /** Allowed origins (`new URL(o).origin`); empty: same-origin only. */
  origins: string[]
  store: () => Promise<Store>
  log: (message: string) => void
}

/**
 * Whether the request's Origin may post. With an allow-list, only a listed Origin; without
 * one, a same-origin request (Origin's host is the Host header) or one with no Origin
 * (not a browser's cross-origin request). `cors` says whether CORS headers are due.
 */
function originCheck(req: IncomingMessage, origins: string[]): { allowed: boolean; cors: boolean } {
  const origin = req.headers.origin
  if (origins.length)
    return { allowed: !!origin && origins.includes(origin), cors: !!origin && origins.includes(origin) }
  if (origin === undefined) return { allowed: true, cors: false }
  let host = ''
  try {
    host = new URL(origin).host
  } catch {}
  return { allowed: !!host && host === req.headers.host, cors: false }
}

/** `POST` (store a record) and `OPTIONS` (CORS preflight) on the records path. */
export async function receiveRecord(req: IncomingMessage, res: ServerResponse, route: RecordRoute): Promise<void> {
  if (req.method != 'POST' && req.method != 'OPTIONS')
    return respond(res, 405, { error: 'POST a consent record' }, { Allow: 'POST, OPTIONS' })
  const { allowed, cors } = originCheck(req, route.origins)
  const headers: OutgoingHttpHeaders = cors
    ? { 'Access-Control-Allow-Origin': req.headers.origin, Vary: 'Origin' }
    : { Vary: 'Origin' }
  if (!allowed) return respond(res, 403, { error: 'this origin may not send consent records' }, { Vary: 'Origin' })
  if (req.method == 'OPTIONS') {
    const preflight = cors
      ? {
          'Access-Control-Allow-Methods': 'POST',
          'Access-Control-Allow-Headers': 'Content-Type',
          'Access-Control-Max-Age': '86400',
        }
      : {}
    return respond(res, 204, undefined, { ...headers, ...preflight, Allow: 'POST, OPTIONS' })
  }
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase()
  if (type != 'text/plain' && type != 'application/json')
    return respond(
      res,
      415,
      { error: 'send the record as JSON, with Content-Type text/plain or application/json' },
      headers,
    )
  const text = await readBody(req, MAX_BYTES)
  if (text === null)
    return respond(
      res,
      413,
      { error: `a consent record is at most ${MAX_BYTES} bytes` },
      { ...headers, Connection: 'close' },
    )
  let body: unknown
  try {
    body = JSON.parse(text)
  } catch {
    return respond(res, 400, { error: 'the body is not JSON' }, headers)
  }
  const checked = validateRecord(body, Date.now())
  if ('problem' in checked) {
    const { field, error } = checked.problem
    return respond(res, 400, field ? { error: `${field} ${error}`, field } : { error }, headers)
  }
  try {
    await (await route.store()).insert(checked.record)
  } catch (error) {
    route.log('[consentry] could not store a consent record: ' + (error as Error).message)
    return respond(res, 503, { error: 'the record could not be stored; try again' }, headers)
  }
  respond(res, 204, undefined, headers)
}
