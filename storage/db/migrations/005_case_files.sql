-- Case files (ケースファイル): clerks scan a whole box as one batch file with a separator sheet
-- (区切り紙) in front of each case file; the split stage cuts the file there. Every source file
-- split from now on has at least one case file (case 0 = the whole file when it has no sheet),
-- so a record's case file is always one join away.
--
-- Separator sheets are not stored as pages (the original in the object store keeps them): pages
-- keep their page number in the source file, so a file with sheets has gaps in pages.page_number,
-- and source_files.page_count still counts every page of the file, sheets included.
CREATE TABLE case_files (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  file_id       uuid NOT NULL REFERENCES source_files(id),
  -- Position within the source file, from 0: with file_id the idempotency key of the split stage.
  case_index    integer NOT NULL CHECK (case_index >= 0),
  -- The case's own pages are first_page..last_page (page numbers of the source file; no sheet lies
  -- between them). NULL when a sheet was followed directly by another sheet or the file's end.
  first_page    integer,
  last_page     integer,
  page_count    integer NOT NULL CHECK (page_count >= 0),
  -- The separator sheet that opened the case and what it says; all NULL for the pages before the
  -- first sheet (or a file without sheets). Batch and agency are as printed on the sheet, which
  -- may differ from the batch the file was handed in to: recorded, not acted on.
  sheet_page    integer,
  sheet_batch   text,
  sheet_agency  text,
  box_number    text,
  case_number   text,
  sheet_serial  integer,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  UNIQUE (file_id, case_index),
  CHECK ((first_page IS NULL) = (last_page IS NULL)),
  CHECK ((first_page IS NULL) = (page_count = 0)),
  CHECK ((sheet_page IS NULL) = (sheet_batch IS NULL)),
  CHECK ((sheet_page IS NULL) = (sheet_agency IS NULL)),
  CHECK ((sheet_page IS NULL) = (sheet_serial IS NULL))
);

-- The case file a record was extracted from; NULL only for records extracted before this migration.
-- Forms never span two case files: the extract stage segments each case file on its own.
ALTER TABLE records ADD COLUMN case_file_id uuid REFERENCES case_files(id) ON DELETE SET NULL;
CREATE INDEX records_case_file ON records (case_file_id);
