import { GENESIS } from './chainHash'

/**
 * The one schema, for PGlite and PostgreSQL servers alike. `consent_records` is append-only
 * (triggers refuse updates, truncation, and deletes outside a retention purge); `consent_chain` holds
 * the chain's head (the last row's seq and hash, so deleting the newest rows shows) and its
 * anchor (the last purged row, where the remaining chain starts); `consent_purges` logs each
 * purge. An advisory lock keeps two receivers starting at once from racing on the DDL.
 */
export const SCHEMA = `
BEGIN;
SELECT pg_advisory_xact_lock(4242013007);
CREATE TABLE IF NOT EXISTS consent_records (
  seq bigint PRIMARY KEY,
  id uuid NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  revision bigint NOT NULL,
  choices jsonb NOT NULL,
  method text NOT NULL CHECK (method IN ('accept-all', 'reject-all', 'custom', 'withdraw')),
  gpc boolean NOT NULL,
  language text NOT NULL,
  texts_hash text NOT NULL,
  received_at timestamptz NOT NULL,
  prev_hash text NOT NULL,
  hash text NOT NULL,
  UNIQUE (id, updated_at)
);
CREATE INDEX IF NOT EXISTS consent_records_by_time ON consent_records (updated_at, seq);
CREATE TABLE IF NOT EXISTS consent_chain (
  singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  head_seq bigint NOT NULL,
  head_hash text NOT NULL,
  anchor_seq bigint NOT NULL,
  anchor_hash text NOT NULL
);
INSERT INTO consent_chain VALUES (true, 0, '${GENESIS}', 0, '${GENESIS}') ON CONFLICT DO NOTHING;
CREATE TABLE IF NOT EXISTS consent_purges (
  purged_at timestamptz NOT NULL,
  received_before timestamptz NOT NULL,
  through_seq bigint NOT NULL,
  through_hash text NOT NULL,
  row_count bigint NOT NULL
);
CREATE OR REPLACE FUNCTION consent_records_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND current_setting('consentry.purging', true) = 'on' THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'consent_records is append-only (% refused)', TG_OP;
END
$$;
CREATE OR REPLACE TRIGGER consent_records_append_only BEFORE UPDATE OR DELETE ON consent_records
  FOR EACH ROW EXECUTE FUNCTION consent_records_append_only();
CREATE OR REPLACE TRIGGER consent_records_no_truncate BEFORE TRUNCATE ON consent_records
  FOR EACH STATEMENT EXECUTE FUNCTION consent_records_append_only();
COMMIT;
`
