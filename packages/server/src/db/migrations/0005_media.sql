-- Evidence vault (issue 5): audio-video records (音像记录), approved exceptions
-- to mandatory recording, access requests and their decisions, the log of
-- every view and copy, body cameras (执法记录仪).
--
-- Originals are immutable (REC-16 · SX25-R 22): media rows, exceptions,
-- decisions and the access log are append-only; a file's bytes live
-- write-once in the blob store under their SHA-256.

-- One row per distinct content (NAT-18: the integrity check value is the key).
CREATE TABLE media_blobs (
  sha256 text PRIMARY KEY,
  sm3 text, -- 国密 deployments (SYS-6)
  size bigint NOT NULL,
  store text NOT NULL, -- 'local' | 's3'
  storage_key text NOT NULL,
  created_at timestamptz NOT NULL
);
CREATE TRIGGER media_blobs_append_only BEFORE UPDATE OR DELETE ON media_blobs
  FOR EACH ROW EXECUTE FUNCTION sx_forbid_change();
CREATE TRIGGER media_blobs_no_truncate BEFORE TRUNCATE ON media_blobs
  FOR EACH STATEMENT EXECUTE FUNCTION sx_forbid_change();

-- An upload in progress (tus): what the client declared and the metadata it
-- sent. A working table: its status moves pending → completed | duplicate | failed.
CREATE TABLE media_uploads (
  id text PRIMARY KEY,
  case_id text NOT NULL REFERENCES cases(id),
  agency_id text NOT NULL REFERENCES agencies(id),
  agency_path text NOT NULL,
  status text NOT NULL CHECK (status IN ('pending', 'completed', 'duplicate', 'failed')),
  filename text NOT NULL,
  mime_type text NOT NULL,
  kind text NOT NULL,
  declared_size bigint NOT NULL,
  declared_sha256 text NOT NULL,
  declared_sm3 text,
  metadata jsonb NOT NULL,
  media_id text,
  error jsonb,
  created_by text NOT NULL REFERENCES users(id),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE INDEX media_uploads_case_idx ON media_uploads (case_id);

-- An audio-video record of a case (REC-8, REC-15, REC-17, REC-23, REC-27).
CREATE TABLE media_files (
  id text PRIMARY KEY,
  case_id text NOT NULL REFERENCES cases(id),
  agency_id text NOT NULL REFERENCES agencies(id),
  agency_path text NOT NULL,
  seq integer NOT NULL,
  record_number text NOT NULL, -- REC-15: numbered within the case
  sha256 text NOT NULL REFERENCES media_blobs(sha256),
  sm3 text,
  size bigint NOT NULL,
  filename text NOT NULL,
  mime_type text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('video', 'audio', 'photo')),
  format text NOT NULL,
  stage text NOT NULL,
  document_id text REFERENCES documents(id), -- REC-26: the written record it corroborates
  recorded_start timestamptz NOT NULL,
  recorded_end timestamptz NOT NULL,
  place text NOT NULL,
  officers jsonb NOT NULL, -- [{id, name}]
  camera_operator jsonb, -- {id, name}
  device_id text,
  device_label text NOT NULL DEFAULT '',
  content_notes text NOT NULL,
  speakers jsonb NOT NULL DEFAULT '[]'::jsonb, -- REC-15: audio names the speakers
  evidence boolean NOT NULL DEFAULT false,
  evidence_explanation text,
  situations jsonb NOT NULL DEFAULT '[]'::jsonb, -- MeasureKey[] (REC-6, REC-7)
  fixed_site text, -- REC-27: service hall, reception, interview/inquiry/hearing room
  away_from_unit boolean NOT NULL DEFAULT false,
  returned_at timestamptz,
  upload_id text,
  upload_due text, -- REC-14: date or date-time, per profile; null while not yet known
  upload_late boolean NOT NULL DEFAULT false,
  upload_basis text NOT NULL DEFAULT '',
  retention_class text NOT NULL, -- REC-18, NAT-19
  retention_basis text NOT NULL DEFAULT '',
  created_by text NOT NULL REFERENCES users(id),
  created_by_name text NOT NULL,
  created_at timestamptz NOT NULL,
  UNIQUE (case_id, sha256),
  UNIQUE (case_id, seq)
);
CREATE INDEX media_files_path_idx ON media_files (agency_path text_pattern_ops);
CREATE INDEX media_files_sha_idx ON media_files (sha256);
CREATE INDEX media_files_device_idx ON media_files (device_id);
CREATE TRIGGER media_files_append_only BEFORE UPDATE OR DELETE ON media_files
  FOR EACH ROW EXECUTE FUNCTION sx_forbid_change();
CREATE TRIGGER media_files_no_truncate BEFORE TRUNCATE ON media_files
  FOR EACH STATEMENT EXECUTE FUNCTION sx_forbid_change();

-- REC-11 interruption notes and REC-12 permitted stops.
CREATE TABLE av_exceptions (
  id text PRIMARY KEY,
  case_id text NOT NULL REFERENCES cases(id),
  agency_id text NOT NULL REFERENCES agencies(id),
  agency_path text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('interruption', 'permittedStop')),
  stage text NOT NULL,
  situations jsonb NOT NULL,
  reason text NOT NULL,
  explanation text NOT NULL,
  occurred_at timestamptz NOT NULL,
  signed_request_ref text,
  related_media_id text REFERENCES media_files(id),
  created_by text NOT NULL REFERENCES users(id),
  created_by_name text NOT NULL,
  created_at timestamptz NOT NULL
);
CREATE INDEX av_exceptions_case_idx ON av_exceptions (case_id);
CREATE TRIGGER av_exceptions_append_only BEFORE UPDATE OR DELETE ON av_exceptions
  FOR EACH ROW EXECUTE FUNCTION sx_forbid_change();

-- The leader's decision: one per exception.
CREATE TABLE av_exception_decisions (
  exception_id text PRIMARY KEY REFERENCES av_exceptions(id),
  approved boolean NOT NULL,
  comment text NOT NULL DEFAULT '',
  decided_by text NOT NULL REFERENCES users(id),
  decided_by_name text NOT NULL,
  decided_at timestamptz NOT NULL
);
CREATE TRIGGER av_exception_decisions_append_only BEFORE UPDATE OR DELETE ON av_exception_decisions
  FOR EACH ROW EXECUTE FUNCTION sx_forbid_change();

-- REC-20, REC-21: requests to view or copy records of a case, by a party, a
-- court, a procuratorate, the police, a supervisory body or another unit.
CREATE TABLE access_requests (
  id text PRIMARY KEY,
  case_id text NOT NULL REFERENCES cases(id),
  agency_id text NOT NULL REFERENCES agencies(id),
  agency_path text NOT NULL,
  media_ids jsonb, -- null: every media file of the case
  requester_kind text NOT NULL,
  requester_name text NOT NULL,
  requester_org text NOT NULL DEFAULT '',
  requester_user_id text REFERENCES users(id), -- an internal requester's account
  reason text NOT NULL,
  wants_copy boolean NOT NULL DEFAULT false,
  requested_from timestamptz,
  requested_until timestamptz,
  created_by text NOT NULL REFERENCES users(id),
  created_by_name text NOT NULL,
  created_at timestamptz NOT NULL
);
CREATE INDEX access_requests_case_idx ON access_requests (case_id);
CREATE INDEX access_requests_path_idx ON access_requests (agency_path text_pattern_ops);
CREATE TRIGGER access_requests_append_only BEFORE UPDATE OR DELETE ON access_requests
  FOR EACH ROW EXECUTE FUNCTION sx_forbid_change();

-- The head's decision: one per request; an external requester gets an access
-- link whose token is kept only as its SHA-256.
CREATE TABLE access_decisions (
  request_id text PRIMARY KEY REFERENCES access_requests(id),
  approved boolean NOT NULL,
  valid_from timestamptz,
  valid_until timestamptz,
  copy_allowed boolean NOT NULL DEFAULT false,
  comment text NOT NULL DEFAULT '',
  token_hash text UNIQUE,
  decided_by text NOT NULL REFERENCES users(id),
  decided_by_name text NOT NULL,
  decided_at timestamptz NOT NULL
);
CREATE TRIGGER access_decisions_append_only BEFORE UPDATE OR DELETE ON access_decisions
  FOR EACH ROW EXECUTE FUNCTION sx_forbid_change();

-- Short-lived tickets for one playback or one download, issued when the view
-- or copy is logged; the player's range requests present the ticket.
CREATE TABLE media_tickets (
  token_hash text PRIMARY KEY,
  media_id text NOT NULL REFERENCES media_files(id),
  purpose text NOT NULL CHECK (purpose IN ('view', 'download')),
  user_id text REFERENCES users(id),
  access_request_id text REFERENCES access_requests(id),
  viewer_label text NOT NULL,
  expires_at timestamptz NOT NULL,
  created_at timestamptz NOT NULL
);

-- REC-20 · XX-R 18: every view and copy with requester, reason and time.
CREATE TABLE media_access_log (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  media_id text NOT NULL REFERENCES media_files(id),
  case_id text NOT NULL REFERENCES cases(id),
  agency_path text NOT NULL,
  action text NOT NULL CHECK (action IN ('view', 'download')),
  actor_id text REFERENCES users(id),
  actor_name text NOT NULL,
  requester_kind text NOT NULL,
  access_request_id text REFERENCES access_requests(id),
  reason text NOT NULL,
  ip text NOT NULL DEFAULT '',
  leaf_index bigint NOT NULL,
  at timestamptz NOT NULL
);
CREATE INDEX media_access_log_media_idx ON media_access_log (media_id, id);
CREATE TRIGGER media_access_log_append_only BEFORE UPDATE OR DELETE ON media_access_log
  FOR EACH ROW EXECUTE FUNCTION sx_forbid_change();
CREATE TRIGGER media_access_log_no_truncate BEFORE TRUNCATE ON media_access_log
  FOR EACH STATEMENT EXECUTE FUNCTION sx_forbid_change();

-- REC-23 · XX-R 12-14: body cameras and other recorders, each assigned to one person.
CREATE TABLE devices (
  id text PRIMARY KEY,
  agency_id text NOT NULL REFERENCES agencies(id),
  agency_path text NOT NULL,
  serial text NOT NULL,
  kind text NOT NULL,
  brand text NOT NULL,
  model text NOT NULL,
  status text NOT NULL CHECK (status IN ('inService', 'lost', 'damaged', 'retired')),
  assigned_to text REFERENCES users(id),
  assigned_at timestamptz,
  created_by text NOT NULL REFERENCES users(id),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  UNIQUE (agency_id, serial)
);
CREATE INDEX devices_path_idx ON devices (agency_path text_pattern_ops);

-- Registration, assignment, pre-use checks (REC-9), loss and damage (REC-23).
CREATE TABLE device_events (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  device_id text NOT NULL REFERENCES devices(id),
  kind text NOT NULL,
  passed boolean, -- pre-use checks only
  detail jsonb NOT NULL DEFAULT '{}'::jsonb,
  actor_id text NOT NULL REFERENCES users(id),
  actor_name text NOT NULL,
  at timestamptz NOT NULL
);
CREATE INDEX device_events_device_idx ON device_events (device_id, id);
CREATE TRIGGER device_events_append_only BEFORE UPDATE OR DELETE ON device_events
  FOR EACH ROW EXECUTE FUNCTION sx_forbid_change();
