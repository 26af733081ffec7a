/// <reference types="node" />
import type { OutgoingHttpHeaders, ServerResponse } from 'node:http'

/** A JSON answer (or an empty one for 204), never cached. */
export function respond(res: ServerResponse, status: number, body?: unknown, headers: OutgoingHttpHeaders = {}): void {
  if (res.headersSent) return
  const text = body === undefined ? '' : JSON.stringify(body)
  res.writeHead(status, {
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...(text ? { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text) } : {}),
    ...headers,
  })
  res.end(text)
}
