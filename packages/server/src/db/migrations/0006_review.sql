-- Legal review of major decisions (重大执法决定法制审核, REV-1..REV-13).

-- REV-2 · SX19-L 9 ¶2: the catalogue (目录清单), one row per version; a change
-- is a new version, so what was filed with the justice bureau stays readable.
CREATE TABLE review_catalogues (
  id text PRIMARY KEY,
  agency_id text NOT NULL REFERENCES agencies(id),
  agency_path text NOT NULL,
  version integer NOT NULL CHECK (version > 0),
  profile_id text NOT NULL,
  title text NOT NULL,
  items jsonb NOT NULL,
  note text NOT NULL DEFAULT '',
  effective_from date NOT NULL,
  created_at timestamptz NOT NULL,
  created_by text NOT NULL,
  created_by_name text NOT NULL,
  UNIQUE (agency_id, version)
);
CREATE TRIGGER review_catalogues_append_only BEFORE UPDATE OR DELETE ON review_catalogues
  FOR EACH ROW EXECUTE FUNCTION sx_forbid_change();

-- 报本级司法行政部门备案: the filing of a catalogue version.
CREATE TABLE review_catalogue_filings (
  id text PRIMARY KEY,
  catalogue_id text NOT NULL REFERENCES review_catalogues(id),
  filed_with text NOT NULL,
  filed_on date NOT NULL,
  filing_number text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL,
  created_by text NOT NULL,
  created_by_name text NOT NULL
);
CREATE INDEX review_catalogue_filings_idx ON review_catalogue_filings (catalogue_id);
CREATE TRIGGER review_catalogue_filings_append_only BEFORE UPDATE OR DELETE ON review_catalogue_filings
  FOR EACH ROW EXECUTE FUNCTION sx_forbid_change();

-- One review per case; its rounds below (REV-9).
CREATE TABLE reviews (
  id text PRIMARY KEY,
  case_id text NOT NULL UNIQUE REFERENCES cases(id),
  agency_id text NOT NULL REFERENCES agencies(id),
  agency_path text NOT NULL,
  created_at timestamptz NOT NULL,
  created_by text NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE INDEX reviews_path_idx ON reviews (agency_path text_pattern_ops);

-- A round: the submission (materials, match), the assignment, the findings
-- and outcome, and what followed (disagreement, the head's decision).
CREATE TABLE review_rounds (
  id text PRIMARY KEY,
  review_id text NOT NULL REFERENCES reviews(id),
  case_id text NOT NULL REFERENCES cases(id),
  agency_path text NOT NULL,
  round integer NOT NULL CHECK (round > 0),
  status text NOT NULL CHECK (status IN ('submitted', 'inReview', 'decided', 'disputed', 'headDecided')),
  submitted_at timestamptz NOT NULL,
  submitted_by text NOT NULL,
  submitted_by_name text NOT NULL,
  received_on date NOT NULL, -- REV-6: the day complete materials were received (the clock's start day)
  materials jsonb NOT NULL,
  declared jsonb NOT NULL,
  match jsonb NOT NULL,
  reviewed_decision jsonb,
  catalogue_version integer,
  note text NOT NULL DEFAULT '',
  reviewer_id text REFERENCES users(id),
  reviewer_name text,
  assigned_at timestamptz,
  checklist jsonb,
  outcome text CHECK (outcome IN ('approve', 'correct', 'notDecide', 'transfer')),
  opinion text,
  grounds jsonb,
  leader_approval jsonb,
  decided_at timestamptz,
  decided_by text,
  decided_on date,
  opinion_document_id text REFERENCES documents(id),
  disagreement jsonb,
  head_decision jsonb,
  collective_discussion jsonb,
  updated_at timestamptz NOT NULL,
  UNIQUE (review_id, round)
);
CREATE INDEX review_rounds_path_idx ON review_rounds (agency_path text_pattern_ops);
CREATE INDEX review_rounds_reviewer_idx ON review_rounds (reviewer_id) WHERE reviewer_id IS NOT NULL;

-- REV-9, REC-16: what was submitted never changes, and a given opinion
-- (outcome, findings, text, who and when) is final; a round is never deleted.
CREATE FUNCTION sx_review_round_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'review_rounds: DELETE is not allowed' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF NEW.id <> OLD.id OR NEW.review_id <> OLD.review_id OR NEW.round <> OLD.round OR NEW.case_id <> OLD.case_id
     OR NEW.materials <> OLD.materials OR NEW.declared <> OLD.declared OR NEW.match <> OLD.match
     OR NEW.received_on <> OLD.received_on OR NEW.submitted_at <> OLD.submitted_at OR NEW.submitted_by <> OLD.submitted_by
     OR NEW.reviewed_decision IS DISTINCT FROM OLD.reviewed_decision THEN
    RAISE EXCEPTION 'review_rounds: a submission cannot be changed' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF OLD.outcome IS NOT NULL AND (
       NEW.outcome IS DISTINCT FROM OLD.outcome OR NEW.checklist IS DISTINCT FROM OLD.checklist
       OR NEW.opinion IS DISTINCT FROM OLD.opinion OR NEW.grounds IS DISTINCT FROM OLD.grounds
       OR NEW.decided_at IS DISTINCT FROM OLD.decided_at OR NEW.decided_by IS DISTINCT FROM OLD.decided_by
       OR NEW.decided_on IS DISTINCT FROM OLD.decided_on OR NEW.reviewer_id IS DISTINCT FROM OLD.reviewer_id
       OR NEW.opinion_document_id IS DISTINCT FROM OLD.opinion_document_id) THEN
    RAISE EXCEPTION 'review_rounds: a given opinion cannot be changed' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF OLD.head_decision IS NOT NULL AND NEW.head_decision IS DISTINCT FROM OLD.head_decision THEN
    RAISE EXCEPTION 'review_rounds: the head''s decision cannot be changed' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER review_rounds_guard BEFORE UPDATE OR DELETE ON review_rounds
  FOR EACH ROW EXECUTE FUNCTION sx_review_round_guard();

-- REV-6: periods not counted (补充材料, 专家论证 …); open until resumed, then final.
CREATE TABLE review_pauses (
  id text PRIMARY KEY,
  round_id text NOT NULL REFERENCES review_rounds(id),
  reason text NOT NULL,
  requested_on date NOT NULL,
  resumed_on date,
  note text NOT NULL DEFAULT '',
  opened_by text NOT NULL,
  opened_by_name text NOT NULL,
  opened_at timestamptz NOT NULL,
  closed_by text,
  closed_by_name text,
  closed_at timestamptz,
  CHECK (resumed_on IS NULL OR resumed_on >= requested_on)
);
CREATE INDEX review_pauses_round_idx ON review_pauses (round_id);
-- At most one open pause per round.
CREATE UNIQUE INDEX review_pauses_open_idx ON review_pauses (round_id) WHERE resumed_on IS NULL;

CREATE FUNCTION sx_review_pause_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' OR OLD.resumed_on IS NOT NULL OR NEW.id <> OLD.id OR NEW.round_id <> OLD.round_id
     OR NEW.reason <> OLD.reason OR NEW.requested_on <> OLD.requested_on THEN
    RAISE EXCEPTION 'review_pauses: only an open pause may be closed' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER review_pauses_guard BEFORE UPDATE OR DELETE ON review_pauses
  FOR EACH ROW EXECUTE FUNCTION sx_review_pause_guard();

-- REV-6: approved extensions (who approved, under which wording).
CREATE TABLE review_extensions (
  id text PRIMARY KEY,
  round_id text NOT NULL REFERENCES review_rounds(id),
  amount integer NOT NULL CHECK (amount > 0),
  approval text NOT NULL,
  approved_by text NOT NULL,
  approved_by_name text NOT NULL,
  approved_on date NOT NULL,
  reason text NOT NULL,
  created_at timestamptz NOT NULL
);
CREATE INDEX review_extensions_round_idx ON review_extensions (round_id);
CREATE TRIGGER review_extensions_append_only BEFORE UPDATE OR DELETE ON review_extensions
  FOR EACH ROW EXECUTE FUNCTION sx_forbid_change();

-- REV-10 · SX19-L 8 ¶3: declared interests; the person is excluded from the case's review.
CREATE TABLE review_recusals (
  id text PRIMARY KEY,
  review_id text NOT NULL REFERENCES reviews(id),
  user_id text NOT NULL REFERENCES users(id),
  user_name text NOT NULL,
  reason text NOT NULL,
  declared_by text NOT NULL,
  declared_by_name text NOT NULL,
  declared_at timestamptz NOT NULL
);
CREATE INDEX review_recusals_review_idx ON review_recusals (review_id);
CREATE TRIGGER review_recusals_append_only BEFORE UPDATE OR DELETE ON review_recusals
  FOR EACH ROW EXECUTE FUNCTION sx_forbid_change();

-- REV-9: the history of every round, act by act.
CREATE TABLE review_events (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  review_id text NOT NULL REFERENCES reviews(id),
  round integer NOT NULL,
  at timestamptz NOT NULL,
  actor_id text NOT NULL,
  actor_name text NOT NULL,
  kind text NOT NULL,
  detail jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX review_events_review_idx ON review_events (review_id, id);
CREATE TRIGGER review_events_append_only BEFORE UPDATE OR DELETE ON review_events
  FOR EACH ROW EXECUTE FUNCTION sx_forbid_change();
