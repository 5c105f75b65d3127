-- Issue 12 item 7: media served only when sound.
-- The last whole-file check of each media file: byte ranges are served only
-- behind a recent good mark (SANXIANG_MEDIA_VERIFY_HOURS). A cache, so rows
-- are replaced; every failed check is also an alert below.
CREATE TABLE media_verifications (
  media_id text PRIMARY KEY,
  sha256 text NOT NULL, -- the sealed hash checked against
  ok boolean NOT NULL,
  actual_sha256 text NOT NULL,
  verified_at timestamptz NOT NULL
);

-- 完整性告警: stored bytes that do not hash to the sealed value, found while
-- serving. Append-only; one row per file and wrong content (a second request
-- for the same altered file adds nothing). The records keeper and the agency
-- head see each one in their 待办.
CREATE TABLE media_integrity_alerts (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  media_id text NOT NULL,
  case_id text NOT NULL,
  agency_id text NOT NULL,
  agency_path text NOT NULL,
  record_number text NOT NULL,
  expected_sha256 text NOT NULL,
  actual_sha256 text NOT NULL,
  detected_during text NOT NULL, -- 'stream' (full response) or 'range' (check before a byte range)
  detected_at timestamptz NOT NULL,
  UNIQUE (media_id, actual_sha256)
);
CREATE INDEX media_integrity_alerts_agency_idx ON media_integrity_alerts (agency_path);
CREATE TRIGGER media_integrity_alerts_append_only BEFORE UPDATE OR DELETE ON media_integrity_alerts
  FOR EACH ROW EXECUTE FUNCTION sx_forbid_change();
CREATE TRIGGER media_integrity_alerts_no_truncate BEFORE TRUNCATE ON media_integrity_alerts
  FOR EACH STATEMENT EXECUTE FUNCTION sx_forbid_change();
