-- The same sheet scanned twice (in another batch, or another file): a perceptual fingerprint of
-- each upright page, and the pairs found alike in look and in text, flagged for the clerk.
ALTER TABLE pages ADD COLUMN fingerprint bigint;

CREATE TABLE near_duplicates (
  page_id          uuid NOT NULL REFERENCES pages(id),
  similar_page_id  uuid NOT NULL REFERENCES pages(id),
  -- Bits of the 64-bit fingerprints that differ, and the Dice similarity of the OCR texts.
  distance         integer NOT NULL,
  text_similarity  real NOT NULL,
  created_at       timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (page_id, similar_page_id),
  CHECK (page_id <> similar_page_id)
);
CREATE INDEX near_duplicates_similar ON near_duplicates (similar_page_id);
