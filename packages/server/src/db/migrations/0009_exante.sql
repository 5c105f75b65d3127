-- Ex-ante disclosure (事前公开, ORG-3..ORG-8, INS-1, INS-3): each agency's
-- ex-ante information, section by section, entered by the disclosure clerk
-- and approved by another person before it goes online.

-- Every save is a new version; nothing is overwritten (ORG-3: what was
-- published, and when, stays on record).
CREATE TABLE exante_versions (
  id text PRIMARY KEY,
  agency_id text NOT NULL REFERENCES agencies(id),
  agency_path text NOT NULL,
  section text NOT NULL,
  version integer NOT NULL CHECK (version > 0),
  content jsonb NOT NULL,
  changed_on date NOT NULL,                    -- ORG-6: the day the information was created or changed
  publish_by date,                             -- ORG-6 ⚙ GS-P 15: 20 working days; null where the profile sets no limit
  publish_by_note text NOT NULL DEFAULT '',
  profile_id text NOT NULL,
  note text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL,
  created_by text NOT NULL REFERENCES users(id),
  created_by_name text NOT NULL,
  UNIQUE (agency_id, section, version)
);
CREATE TRIGGER exante_versions_append_only BEFORE UPDATE OR DELETE ON exante_versions
  FOR EACH ROW EXECUTE FUNCTION sx_forbid_change();
CREATE TRIGGER exante_versions_no_truncate BEFORE TRUNCATE ON exante_versions
  FOR EACH STATEMENT EXECUTE FUNCTION sx_forbid_change();

-- ORG-8: every step (save, submit, approve, return) with who, when and why.
CREATE TABLE exante_events (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  agency_id text NOT NULL REFERENCES agencies(id),
  agency_path text NOT NULL,
  section text NOT NULL,
  version integer NOT NULL,
  kind text NOT NULL CHECK (kind IN ('save', 'submit', 'approve', 'return')),
  from_status text,
  to_status text NOT NULL CHECK (to_status IN ('draft', 'submitted', 'returned', 'published')),
  comment text NOT NULL DEFAULT '',
  detail jsonb NOT NULL DEFAULT '{}'::jsonb,
  actor_id text NOT NULL REFERENCES users(id),
  actor_name text NOT NULL,
  at timestamptz NOT NULL
);
CREATE INDEX exante_events_section_idx ON exante_events (agency_id, section, id);
CREATE TRIGGER exante_events_append_only BEFORE UPDATE OR DELETE ON exante_events
  FOR EACH ROW EXECUTE FUNCTION sx_forbid_change();
CREATE TRIGGER exante_events_no_truncate BEFORE TRUNCATE ON exante_events
  FOR EACH STATEMENT EXECUTE FUNCTION sx_forbid_change();

-- The state of one section of one agency, derived from the events above and
-- kept beside them in the same transaction: which version is being worked
-- on, which one is online, and the limit of the pending change.
CREATE TABLE exante_heads (
  agency_id text NOT NULL REFERENCES agencies(id),
  section text NOT NULL,
  agency_path text NOT NULL,
  status text NOT NULL CHECK (status IN ('draft', 'submitted', 'returned', 'published')),
  current_version integer NOT NULL CHECK (current_version > 0),
  published_version integer,
  pending_changed_on date,                     -- ORG-6: the change not yet online
  pending_publish_by date,
  submitted_by text REFERENCES users(id),
  submitted_by_name text,
  published_on date,
  published_at timestamptz,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (agency_id, section),
  CHECK (published_version IS NULL OR published_version <= current_version)
);
CREATE INDEX exante_heads_path_idx ON exante_heads (agency_path text_pattern_ops);
CREATE INDEX exante_heads_online_idx ON exante_heads (section, agency_path) WHERE published_version IS NOT NULL;
