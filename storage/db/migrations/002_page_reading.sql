-- The OCR stage replaces the split scan image with the upright, redacted page image, and marks
-- blank pages (back sides of duplex scans), which produce no record.
ALTER TABLE pages ADD COLUMN blank boolean NOT NULL DEFAULT false;
