-- Hand-off to the consultation-record platform: every verification freezes an export (a new
-- version of the record, never overwriting an earlier one), the platform pulls exports in commit
-- order and acknowledges them, and an outbox feeds the optional webhook.

-- The lifecycle extracted → in_review → verified → imported (and rejected), enforced here and not
-- only in code. A correction reopens a verified, imported or rejected record (back to in_review).
CREATE FUNCTION records_status_transition_allowed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.status = OLD.status THEN
    RETURN NEW;
  END IF;
  IF (OLD.status, NEW.status) IN (
      ('extracted', 'in_review'), ('extracted', 'verified'), ('extracted', 'rejected'),
      ('in_review', 'verified'), ('in_review', 'rejected'),
      ('verified', 'imported'), ('verified', 'in_review'),
      ('imported', 'in_review'), ('rejected', 'in_review')) THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'record status cannot change from % to %', OLD.status, NEW.status
    USING ERRCODE = 'check_violation';
END
$$;
CREATE TRIGGER records_status_lifecycle BEFORE UPDATE OF status ON records
  FOR EACH ROW EXECUTE FUNCTION records_status_transition_allowed();

-- Export sequence numbers are taken under a transaction-scoped advisory lock, so they become
-- visible in the order they were taken: a reader paging by seq never skips one that commits late.
CREATE SEQUENCE record_export_seq;

CREATE TABLE record_exports (
  seq           bigint PRIMARY KEY,
  record_id     uuid NOT NULL REFERENCES records(id),
  -- 1 for the first verification, 2 for the verification after a correction, …
  version       integer NOT NULL,
  agency_id     uuid NOT NULL REFERENCES agencies(id),
  -- The kamiroku.record/v1 document as verified, validated against the schema before it is stored.
  document      jsonb NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  imported_at   timestamptz,
  platform_id   text,
  UNIQUE (record_id, version)
);
CREATE INDEX record_exports_agency_seq ON record_exports (agency_id, seq);

CREATE TABLE webhook_deliveries (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  export_seq      bigint NOT NULL UNIQUE REFERENCES record_exports(seq),
  -- Sent with every attempt: the platform drops a repeat it has seen.
  idempotency_key uuid NOT NULL DEFAULT gen_random_uuid(),
  status          text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'failed')),
  attempts        integer NOT NULL DEFAULT 0,
  last_error      text,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX webhook_deliveries_open ON webhook_deliveries (created_at) WHERE status <> 'delivered';
