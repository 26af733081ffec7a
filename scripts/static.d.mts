import type { IncomingMessage, ServerResponse } from 'node:http'

/** A URL prefix (`'/dist/'`) served from a directory. */
export interface Mount {
  prefix: string
  dir: string
}
export function contentType(file: string): string
export function resolveInside(root: string, urlPath: string): string | null
export function serveStatic(
  mounts: Mount[],
  req: IncomingMessage,
  res: ServerResponse,
  extraHeaders?: Record<string, string>,
): Promise<boolean>
export function serveFile(
  file: string,
  req: IncomingMessage,
  res: ServerResponse,
  extraHeaders?: Record<string, string>,
): Promise<boolean>
export function sendText(res: ServerResponse, status: number, text: string): void
