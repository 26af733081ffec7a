// The strict Content-Security-Policy of examples/strict-csp.html and the browser tests:
// a fresh nonce per response, 'strict-dynamic', no inline styles, and Trusted Types.
import { randomBytes } from 'node:crypto'
import { readFile } from 'node:fs/promises'

/** The policy for `nonce`; without `trustedTypes`, the same minus its two Trusted Types directives. */
export function strictCsp(nonce, { trustedTypes = true } = {}) {
  return [
    `script-src 'nonce-${nonce}' 'strict-dynamic'`,
    "style-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    ...(trustedTypes ? ["require-trusted-types-for 'script'", 'trusted-types consentry'] : []),
  ].join('; ')
}

/** 128 random bits, base64: what CSP3 asks of a nonce. */
export const newNonce = () => randomBytes(16).toString('base64')

/**
 * Answers with the HTML file at `path`, every `{{nonce}}` in it replaced by a fresh nonce,
 * and the strict policy for that nonce as its Content-Security-Policy header.
 */
export async function serveWithCsp(path, res, options = {}) {
  const nonce = newNonce()
  const html = (await readFile(path, 'utf8')).replaceAll('{{nonce}}', nonce)
  res.writeHead(200, {
    'Content-Type': 'text/html; charset=utf-8',
    'Cache-Control': 'no-store',
    'Content-Security-Policy': strictCsp(nonce, options),
  })
  res.end(html)
}
