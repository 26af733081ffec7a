import type { ServerResponse } from 'node:http'

export interface CspOptions {
  /** Adds `require-trusted-types-for 'script'; trusted-types consentry`. @default true */
  trustedTypes?: boolean
}
/** The strict policy for `nonce`. */
export function strictCsp(nonce: string, options?: CspOptions): string
/** 128 random bits, base64. */
export function newNonce(): string
/** Answers with the HTML file at `path`, `{{nonce}}` replaced, under the strict policy. */
export function serveWithCsp(path: string, res: ServerResponse, options?: CspOptions): Promise<void>
