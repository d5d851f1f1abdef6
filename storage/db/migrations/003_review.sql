-- People and the review of records: agencies (相談支援機関, 委託先 included), accounts, sessions,
-- API tokens, the edit lease and version of each record, and an append-only audit trail.

CREATE TABLE agencies (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name        text NOT NULL UNIQUE,
  -- 'contracted': an agency the municipality contracts the work out to (委託先).
  kind        text NOT NULL DEFAULT 'direct' CHECK (kind IN ('direct', 'contracted')),
  created_at  timestamptz NOT NULL DEFAULT now()
);
-- Batches ingested without naming an agency (the CLI, the demo) belong to this one.
INSERT INTO agencies (id, name) VALUES ('00000000-0000-4000-8000-000000000001', '既定の相談支援機関');

ALTER TABLE batches ADD COLUMN agency_id uuid NOT NULL
  DEFAULT '00000000-0000-4000-8000-000000000001' REFERENCES agencies(id);
CREATE INDEX batches_agency ON batches (agency_id);

CREATE TABLE users (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  login         text NOT NULL UNIQUE,
  display_name  text NOT NULL,
  password_hash text NOT NULL,
  role          text NOT NULL CHECK (role IN ('clerk', 'reviewer', 'admin')),
  agency_id     uuid NOT NULL REFERENCES agencies(id),
  disabled      boolean NOT NULL DEFAULT false,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now()
);

-- The cookie holds a random token; only its SHA-256 is stored, so a database dump opens no session.
CREATE TABLE sessions (
  token_hash    char(64) PRIMARY KEY,
  user_id       uuid NOT NULL REFERENCES users(id),
  csrf_token    text NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  expires_at    timestamptz NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE api_tokens (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name          text NOT NULL,
  token_hash    char(64) NOT NULL UNIQUE,
  agency_id     uuid NOT NULL REFERENCES agencies(id),
  created_by    uuid REFERENCES users(id),
  created_at    timestamptz NOT NULL DEFAULT now(),
  last_used_at  timestamptz,
  revoked_at    timestamptz
);

ALTER TABLE records
  ADD COLUMN version          integer NOT NULL DEFAULT 1,
  ADD COLUMN lease_user_id    uuid REFERENCES users(id),
  ADD COLUMN lease_expires_at timestamptz,
  ADD COLUMN reviewed_by      uuid REFERENCES users(id),
  ADD COLUMN reviewed_at      timestamptz,
  ADD COLUMN reject_reason    text,
  ADD CONSTRAINT records_rejected_with_reason CHECK ((status = 'rejected') = (reject_reason IS NOT NULL));
-- The work queue: records waiting for a person, oldest first.
CREATE INDEX records_waiting ON records (created_at, id) WHERE status IN ('extracted', 'in_review');

-- Every login, view, edit, approval, rejection and export, with who, which agency and when.
CREATE TABLE audit_log (
  id          bigserial PRIMARY KEY,
  at          timestamptz NOT NULL DEFAULT clock_timestamp(),
  action      text NOT NULL,
  user_id     uuid REFERENCES users(id),
  -- The login as typed, for failed logins that match no account.
  login       text,
  agency_id   uuid REFERENCES agencies(id),
  record_id   uuid REFERENCES records(id),
  batch_id    uuid REFERENCES batches(id),
  detail      jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_log_record ON audit_log (record_id) WHERE record_id IS NOT NULL;

CREATE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only: % is not allowed', TG_OP;
END
$$;
CREATE TRIGGER audit_log_no_update_or_delete BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_is_append_only();

-- One row per field of every approved record: was it corrected by the reviewer, and had the
-- extractor accepted it without review. Feeds the correction rate shown to admins.
CREATE TABLE field_reviews (
  record_id      uuid NOT NULL REFERENCES records(id),
  doc_type       text NOT NULL,
  field_group    text NOT NULL,
  field_key      text NOT NULL,
  corrected      boolean NOT NULL,
  auto_accepted  boolean NOT NULL,
  reviewed_by    uuid NOT NULL REFERENCES users(id),
  reviewed_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (record_id, field_group, field_key)
);

-- Two agencies may both call a batch "箱12"; each has its own.
ALTER TABLE batches DROP CONSTRAINT batches_name_key;
ALTER TABLE batches ADD CONSTRAINT batches_agency_name UNIQUE (agency_id, name);
