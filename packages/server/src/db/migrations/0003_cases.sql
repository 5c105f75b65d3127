-- Cases and the written record (issue 4).

-- Gap-free counters for case numbers (案号) and document numbers (文号): one
-- row per scope, incremented inside the transaction that uses the number, so
-- a rolled-back transaction gives its number back and none is skipped.
CREATE TABLE number_counters (
  scope text PRIMARY KEY,
  last integer NOT NULL
);

-- Party registry (当事人): per agency; identity numbers validated (NAT-13).
CREATE TABLE parties (
  id text PRIMARY KEY,
  agency_id text NOT NULL REFERENCES agencies(id),
  agency_path text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('naturalPerson', 'organisation', 'individualBusiness')),
  name text NOT NULL,
  id_type text,
  id_number text,
  credit_code text,
  legal_representative jsonb,
  operator jsonb,
  minor boolean NOT NULL DEFAULT false,
  address text NOT NULL,
  contacts jsonb NOT NULL DEFAULT '[]'::jsonb,
  created_at timestamptz NOT NULL,
  created_by text NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE INDEX parties_path_idx ON parties (agency_path text_pattern_ops);
CREATE INDEX parties_name_idx ON parties (name);

-- A case (案件): the current state; every change is also a case event.
CREATE TABLE cases (
  id text PRIMARY KEY,
  agency_id text NOT NULL REFERENCES agencies(id),
  agency_path text NOT NULL,
  case_number text NOT NULL UNIQUE,
  number_year integer NOT NULL,
  number_seq integer NOT NULL,
  action_type text NOT NULL,
  source text NOT NULL,
  title text NOT NULL,
  state text NOT NULL,
  party_id text REFERENCES parties(id),
  measures jsonb NOT NULL DEFAULT '[]'::jsonb,
  flags jsonb NOT NULL DEFAULT '{}'::jsonb,
  dates jsonb NOT NULL DEFAULT '{}'::jsonb,
  proposed_penalty jsonb,
  decision_records jsonb NOT NULL DEFAULT '{}'::jsonb,
  created_at timestamptz NOT NULL,
  created_by text NOT NULL,
  updated_at timestamptz NOT NULL,
  archived_at timestamptz,
  UNIQUE (agency_id, number_year, number_seq)
);
CREATE INDEX cases_path_idx ON cases (agency_path text_pattern_ops);
CREATE INDEX cases_state_idx ON cases (state);

-- Handlers (承办人员): at least two officers with valid certificates (ORG-2, DUR-1).
CREATE TABLE case_handlers (
  case_id text NOT NULL REFERENCES cases(id),
  user_id text NOT NULL REFERENCES users(id),
  lead boolean NOT NULL DEFAULT false,
  added_at timestamptz NOT NULL,
  added_by text NOT NULL,
  PRIMARY KEY (case_id, user_id)
);

-- Every transition and change of a case, with actor and time; append-only (REC-3..REC-5).
CREATE TABLE case_events (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  case_id text NOT NULL REFERENCES cases(id),
  at timestamptz NOT NULL,
  actor_id text NOT NULL,
  actor_name text NOT NULL,
  kind text NOT NULL,
  from_state text,
  to_state text,
  detail jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX case_events_case_idx ON case_events (case_id, id);
CREATE TRIGGER case_events_append_only BEFORE UPDATE OR DELETE ON case_events
  FOR EACH ROW EXECUTE FUNCTION sx_forbid_change();

-- Documents (文书): one row per lineage; versions below.
CREATE TABLE documents (
  id text PRIMARY KEY,
  case_id text NOT NULL REFERENCES cases(id),
  kind text NOT NULL,
  record_number text NOT NULL, -- REC-15: every record is numbered within the case
  created_at timestamptz NOT NULL,
  created_by text NOT NULL,
  UNIQUE (case_id, record_number)
);
CREATE INDEX documents_case_idx ON documents (case_id);
CREATE TRIGGER documents_append_only BEFORE UPDATE OR DELETE ON documents
  FOR EACH ROW EXECUTE FUNCTION sx_forbid_change();

-- REC-16: a signed or issued version is an original and never changes; a
-- correction is a new version pointing at the one it supersedes. Only a
-- draft may be revised (it is not yet an original). Nothing is ever deleted.
CREATE TABLE document_versions (
  id text PRIMARY KEY,
  document_id text NOT NULL REFERENCES documents(id),
  case_id text NOT NULL REFERENCES cases(id),
  version integer NOT NULL,
  status text NOT NULL CHECK (status IN ('draft', 'signed', 'issued')),
  fields jsonb NOT NULL,
  doc_number text, -- 文号, given when issued
  supersedes text REFERENCES document_versions(id),
  correction_reason text,
  content_hash text, -- SHA-256 of the canonical content, set when signed or issued
  created_at timestamptz NOT NULL,
  created_by text NOT NULL,
  finalized_at timestamptz,
  finalized_by text,
  UNIQUE (document_id, version)
);
CREATE UNIQUE INDEX document_versions_number_idx ON document_versions (doc_number) WHERE doc_number IS NOT NULL;

CREATE FUNCTION sx_document_version_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'append-only table document_versions: DELETE is not allowed' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF OLD.status <> 'draft' THEN
    RAISE EXCEPTION 'append-only table document_versions: a % version is an original and cannot be changed', OLD.status
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF NEW.id <> OLD.id OR NEW.document_id <> OLD.document_id OR NEW.version <> OLD.version OR NEW.case_id <> OLD.case_id THEN
    RAISE EXCEPTION 'document_versions: identity columns cannot change' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER document_versions_guard BEFORE UPDATE OR DELETE ON document_versions
  FOR EACH ROW EXECUTE FUNCTION sx_document_version_guard();

-- Service (送达, REC-25): each attempt with its proof; counts only with proof.
CREATE TABLE service_records (
  id text PRIMARY KEY,
  case_id text NOT NULL REFERENCES cases(id),
  document_id text NOT NULL REFERENCES documents(id),
  method text NOT NULL,
  record jsonb NOT NULL,
  counts boolean NOT NULL,
  served_on date,
  created_at timestamptz NOT NULL,
  created_by text NOT NULL
);
CREATE INDEX service_records_case_idx ON service_records (case_id);
CREATE TRIGGER service_records_append_only BEFORE UPDATE OR DELETE ON service_records
  FOR EACH ROW EXECUTE FUNCTION sx_forbid_change();

-- An agency's own document kinds and number templates.
ALTER TABLE agencies ADD COLUMN number_code text NOT NULL DEFAULT '';
ALTER TABLE agencies ADD COLUMN case_settings jsonb NOT NULL DEFAULT '{}'::jsonb;
