/*
 * A decision's times: whole seconds since the epoch in the cookie (storage/codec.ts), ISO 8601
 * strings in the record (store/createRecord.ts). One pair of conversions for both, so a record
 * reads back equal after a reload.
 */

export const DAY = 86400

export const secondsOf = (iso: string): number => Math.floor(Date.parse(iso) / 1000)

export const isoOf = (seconds: number): string => new Date(seconds * 1000).toISOString()
