-- Batches, source files, pages and records: the spine of the pipeline.
-- The same SQL runs on PostgreSQL and on the embedded PGlite.

CREATE TABLE batches (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name        text NOT NULL UNIQUE,
  created_at  timestamptz NOT NULL DEFAULT now()
);

-- One row per file a clerk handed in, also for broken files and duplicates: nothing is lost.
CREATE TABLE source_files (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  batch_id      uuid NOT NULL REFERENCES batches(id),
  file_name     text NOT NULL,
  sha256        char(64) NOT NULL,
  size_bytes    bigint NOT NULL,
  media_type    text,
  object_key    text NOT NULL,
  status        text NOT NULL DEFAULT 'stored'
                CHECK (status IN ('stored', 'queued', 'splitting', 'ocr', 'extracting', 'done', 'failed', 'duplicate')),
  error_code    text,
  error_message text,
  duplicate_of  uuid REFERENCES source_files(id),
  page_count    integer,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  CHECK ((status = 'duplicate') = (duplicate_of IS NOT NULL)),
  CHECK ((status = 'failed') = (error_message IS NOT NULL))
);
-- The first copy of a content is the one processed; later copies are rows with status 'duplicate'.
CREATE UNIQUE INDEX source_files_first_copy ON source_files (sha256) WHERE duplicate_of IS NULL;
CREATE INDEX source_files_batch ON source_files (batch_id);

CREATE TABLE pages (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  file_id       uuid NOT NULL REFERENCES source_files(id),
  page_number   integer NOT NULL CHECK (page_number >= 1),
  image_key     text NOT NULL,
  width         integer NOT NULL,
  height        integer NOT NULL,
  split_method  text NOT NULL,
  status        text NOT NULL DEFAULT 'split' CHECK (status IN ('split', 'ocr_done')),
  ocr_key       text,
  ocr_text      text,
  ocr_confidence real,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  UNIQUE (file_id, page_number)
);

CREATE TABLE records (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  file_id       uuid NOT NULL REFERENCES source_files(id),
  -- Position of the form within its file: with (file_id) the idempotency key of the extract stage.
  form_index    integer NOT NULL,
  doc_type      text NOT NULL
                CHECK (doc_type IN ('intake', 'assessment', 'plan', 'progress', 'meeting', 'evaluation', 'unknown')),
  status        text NOT NULL DEFAULT 'extracted'
                CHECK (status IN ('extracted', 'in_review', 'verified', 'rejected', 'imported')),
  pages         integer[] NOT NULL,
  items         jsonb NOT NULL DEFAULT '{"common": {}, "optional": {}, "custom": {}}',
  redactions    jsonb NOT NULL DEFAULT '[]',
  needs_review  boolean NOT NULL DEFAULT true,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  UNIQUE (file_id, form_index)
);
