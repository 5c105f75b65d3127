-- Evidence vault, retention (issue 5 · REC-18): litigation holds, disposal of
-- media files whose retention ended, and the withdrawal of an access grant.
--
-- Every table is append-only (REC-16 · SX25-R 22). A disposal never touches
-- the media_files row: the file stays on record, shown as disposed with its
-- request, its approval and what happened to the stored bytes.

-- 诉讼保全 (GS-R 43 ¶3): AV is kept while litigation is open. A hold covers
-- one file, or every media file of the case when media_id is null.
CREATE TABLE media_holds (
  id text PRIMARY KEY,
  case_id text NOT NULL REFERENCES cases(id),
  media_id text REFERENCES media_files(id),
  agency_id text NOT NULL REFERENCES agencies(id),
  agency_path text NOT NULL,
  reason text NOT NULL,
  reference text NOT NULL DEFAULT '', -- e.g. the court's case number
  placed_by text NOT NULL REFERENCES users(id),
  placed_by_name text NOT NULL,
  placed_at timestamptz NOT NULL,
  leaf_index bigint NOT NULL
);
CREATE INDEX media_holds_case_idx ON media_holds (case_id);
CREATE TRIGGER media_holds_append_only BEFORE UPDATE OR DELETE ON media_holds
  FOR EACH ROW EXECUTE FUNCTION sx_forbid_change();
CREATE TRIGGER media_holds_no_truncate BEFORE TRUNCATE ON media_holds
  FOR EACH STATEMENT EXECUTE FUNCTION sx_forbid_change();

-- The end of a hold: one per hold.
CREATE TABLE media_hold_releases (
  hold_id text PRIMARY KEY REFERENCES media_holds(id),
  reason text NOT NULL,
  released_by text NOT NULL REFERENCES users(id),
  released_by_name text NOT NULL,
  released_at timestamptz NOT NULL,
  leaf_index bigint NOT NULL
);
CREATE TRIGGER media_hold_releases_append_only BEFORE UPDATE OR DELETE ON media_hold_releases
  FOR EACH ROW EXECUTE FUNCTION sx_forbid_change();
CREATE TRIGGER media_hold_releases_no_truncate BEFORE TRUNCATE ON media_hold_releases
  FOR EACH STATEMENT EXECUTE FUNCTION sx_forbid_change();

-- A request to dispose of one file after its retention date (REC-18),
-- stating the reason and the retention that ran out.
CREATE TABLE media_disposals (
  id text PRIMARY KEY,
  media_id text NOT NULL REFERENCES media_files(id),
  case_id text NOT NULL REFERENCES cases(id),
  agency_id text NOT NULL REFERENCES agencies(id),
  agency_path text NOT NULL,
  reason text NOT NULL,
  earliest_disposal text NOT NULL, -- the earliest disposal date when asked
  retention_label text NOT NULL,
  requested_by text NOT NULL REFERENCES users(id),
  requested_by_name text NOT NULL,
  requested_at timestamptz NOT NULL,
  leaf_index bigint NOT NULL
);
CREATE INDEX media_disposals_media_idx ON media_disposals (media_id);
CREATE INDEX media_disposals_path_idx ON media_disposals (agency_path text_pattern_ops);
CREATE TRIGGER media_disposals_append_only BEFORE UPDATE OR DELETE ON media_disposals
  FOR EACH ROW EXECUTE FUNCTION sx_forbid_change();
CREATE TRIGGER media_disposals_no_truncate BEFORE TRUNCATE ON media_disposals
  FOR EACH STATEMENT EXECUTE FUNCTION sx_forbid_change();

-- The agency head's decision, one per request. An approval carries the
-- disposal out in the same transaction: bytes_deleted tells whether the
-- stored bytes were deleted (false while another file still refers to the
-- same SHA-256, NAT-18), and the act is the Merkle leaf at leaf_index.
CREATE TABLE media_disposal_decisions (
  disposal_id text PRIMARY KEY REFERENCES media_disposals(id),
  media_id text NOT NULL REFERENCES media_files(id),
  approved boolean NOT NULL,
  comment text NOT NULL DEFAULT '',
  sha256 text NOT NULL,
  bytes_deleted boolean NOT NULL DEFAULT false,
  bytes_note text NOT NULL DEFAULT '',
  decided_by text NOT NULL REFERENCES users(id),
  decided_by_name text NOT NULL,
  decided_at timestamptz NOT NULL,
  leaf_index bigint NOT NULL
);
-- A file is disposed of once.
CREATE UNIQUE INDEX media_disposal_decisions_disposed_idx ON media_disposal_decisions (media_id) WHERE approved;
CREATE INDEX media_disposal_decisions_sha_idx ON media_disposal_decisions (sha256);
CREATE TRIGGER media_disposal_decisions_append_only BEFORE UPDATE OR DELETE ON media_disposal_decisions
  FOR EACH ROW EXECUTE FUNCTION sx_forbid_change();
CREATE TRIGGER media_disposal_decisions_no_truncate BEFORE TRUNCATE ON media_disposal_decisions
  FOR EACH STATEMENT EXECUTE FUNCTION sx_forbid_change();

-- REC-20: the head withdraws an access grant before its window ends; one per
-- request, logged like the grant.
CREATE TABLE access_revocations (
  request_id text PRIMARY KEY REFERENCES access_requests(id),
  reason text NOT NULL,
  revoked_by text NOT NULL REFERENCES users(id),
  revoked_by_name text NOT NULL,
  revoked_at timestamptz NOT NULL
);
CREATE TRIGGER access_revocations_append_only BEFORE UPDATE OR DELETE ON access_revocations
  FOR EACH ROW EXECUTE FUNCTION sx_forbid_change();
