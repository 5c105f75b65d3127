-- Ex-post disclosure (事后公开, PUB-1..PUB-11) and the public's requests
-- (corrections PUB-9, complaints PUB-10).

-- One row per decision to publish: its current state. Every change of state
-- is an event below and every edit of the content a new version below; the
-- row only carries what the queue and the portal read.
CREATE TABLE publications (
  id text PRIMARY KEY,
  case_id text REFERENCES cases(id),          -- null for decisions imported from outside the platform
  document_id text REFERENCES documents(id),  -- the decision document (行政处罚决定书, 查封扣押决定书, …)
  agency_id text NOT NULL REFERENCES agencies(id),
  agency_path text NOT NULL,
  agency_name text NOT NULL,
  action_type text NOT NULL,
  decision_kind text NOT NULL,
  decision_number text NOT NULL DEFAULT '',
  decision_date date NOT NULL,
  severity text NOT NULL CHECK (severity IN ('general', 'serious')),
  major_decision boolean NOT NULL DEFAULT false,
  status text NOT NULL CHECK (status IN ('draft', 'submitted', 'published', 'withholdPending', 'withheld', 'withdrawPending', 'withdrawn', 'expired')),
  publish_by date NOT NULL,                    -- PUB-2
  online boolean NOT NULL DEFAULT false,       -- shown on the portal (an approved version, not withdrawn or expired)
  current_version integer NOT NULL DEFAULT 0,
  published_version integer,
  first_published_on date,
  published_at timestamptz,
  remove_not_before date,                      -- PUB-7 minimum window
  remove_by date,                              -- PUB-7 maximum window: shown through this day
  -- The public view, copied from the approved version when it is published.
  public_title text,
  public_party text,
  public_content jsonb,
  search_grams text[] NOT NULL DEFAULT '{}',  -- core disclosure/search.ts: characters and pairs of party name and 文号
  search_text text NOT NULL DEFAULT '',        -- the same texts normalized, for the final substring check
  withholding jsonb,                           -- PUB-5, PUB-6
  withdrawal jsonb,                            -- PUB-8
  created_at timestamptz NOT NULL,
  created_by text NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE UNIQUE INDEX publications_document_idx ON publications (document_id) WHERE document_id IS NOT NULL;
CREATE INDEX publications_case_idx ON publications (case_id);
CREATE INDEX publications_path_idx ON publications (agency_path text_pattern_ops);
CREATE INDEX publications_queue_idx ON publications (status, publish_by);
-- The portal (usecases/portal-search.ts): the newest-first listing and the
-- capped count read only these indexes (bench/portal-search.bench.ts at
-- 10^6 rows: the count went from sequential scans to index-only scans).
CREATE INDEX publications_portal_idx ON publications (decision_date DESC, id DESC) INCLUDE (action_type, agency_path, remove_by) WHERE online;
CREATE INDEX publications_portal_type_idx ON publications (action_type, agency_path text_pattern_ops, decision_date DESC) INCLUDE (remove_by) WHERE online;
CREATE INDEX publications_grams_idx ON publications USING gin (search_grams);
CREATE INDEX publications_number_idx ON publications (decision_number);

-- Each edit of the content is a new version; nothing is overwritten.
CREATE TABLE publication_versions (
  id text PRIMARY KEY,
  publication_id text NOT NULL REFERENCES publications(id),
  version integer NOT NULL CHECK (version > 0),
  form text NOT NULL CHECK (form IN ('summary', 'full')),
  fields jsonb NOT NULL,          -- as entered (internal, unredacted)
  full_text text NOT NULL DEFAULT '',
  overrides jsonb NOT NULL,       -- the clerk's added and lifted masks, with reasons
  redacted jsonb NOT NULL,        -- per field (and the full text): published text and masks
  note text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL,
  created_by text NOT NULL,
  created_by_name text NOT NULL,
  UNIQUE (publication_id, version)
);
CREATE TRIGGER publication_versions_append_only BEFORE UPDATE OR DELETE ON publication_versions
  FOR EACH ROW EXECUTE FUNCTION sx_forbid_change();

CREATE TABLE publication_events (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  publication_id text NOT NULL REFERENCES publications(id),
  kind text NOT NULL,
  from_status text,
  to_status text NOT NULL,
  version integer,
  comment text NOT NULL DEFAULT '',
  detail jsonb NOT NULL DEFAULT '{}'::jsonb,
  actor_id text,                  -- null for the system (window expiry)
  actor_name text NOT NULL,
  at timestamptz NOT NULL
);
CREATE INDEX publication_events_pub_idx ON publication_events (publication_id, id);
CREATE TRIGGER publication_events_append_only BEFORE UPDATE OR DELETE ON publication_events
  FOR EACH ROW EXECUTE FUNCTION sx_forbid_change();

-- PUB-9 correction requests and PUB-10 complaints from the portal.
CREATE TABLE public_requests (
  id text PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('correction', 'complaint')),
  tracking_code text NOT NULL UNIQUE,
  publication_id text REFERENCES publications(id),
  agency_id text NOT NULL REFERENCES agencies(id),
  agency_path text NOT NULL,
  requester_name text NOT NULL,
  requester_contact text NOT NULL,
  content text NOT NULL,
  evidence text NOT NULL DEFAULT '',
  received_at timestamptz NOT NULL,
  received_on date NOT NULL,
  verify_by date,                 -- PUB-9 ⚙ GS-P 17: 10 working days
  verified_on date,
  verified_true boolean,
  respond_by date,                -- PUB-9 ⚙ GS-P 17: 3 working days after verification
  status text NOT NULL CHECK (status IN ('received', 'verified', 'corrected', 'refused', 'forwarded', 'answered')),
  response text NOT NULL DEFAULT '',
  responded_on date,
  updated_at timestamptz NOT NULL
);
CREATE INDEX public_requests_path_idx ON public_requests (agency_path text_pattern_ops, status);

CREATE TABLE public_request_events (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  request_id text NOT NULL REFERENCES public_requests(id),
  kind text NOT NULL,
  to_status text NOT NULL,
  comment text NOT NULL DEFAULT '',
  detail jsonb NOT NULL DEFAULT '{}'::jsonb,
  actor_id text,
  actor_name text NOT NULL,
  at timestamptz NOT NULL
);
CREATE INDEX public_request_events_req_idx ON public_request_events (request_id, id);
CREATE TRIGGER public_request_events_append_only BEFORE UPDATE OR DELETE ON public_request_events
  FOR EACH ROW EXECUTE FUNCTION sx_forbid_change();
