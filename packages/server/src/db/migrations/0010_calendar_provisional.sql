-- Issue 10 · NAT-2, NAT-21: corrections of a stored holiday notice (new
-- versions with a reason and a second person's approval), deadlines
-- recomputed when a notice is entered or corrected, and an all-or-nothing
-- demo seed.

ALTER TABLE calendar_years ADD COLUMN version integer NOT NULL DEFAULT 1;

-- A correction of a stored year (NAT-2: the State Council amended the 2020
-- notice after publishing it). Requested by one administrator, approved or
-- refused by another; the approved data becomes the year's next version and
-- the previous data stays here (history).
CREATE TABLE calendar_corrections (
  id text PRIMARY KEY,
  year integer NOT NULL,
  from_version integer NOT NULL,
  source text NOT NULL,
  holidays jsonb NOT NULL,
  workdays jsonb NOT NULL,
  previous jsonb NOT NULL,
  reason text NOT NULL,
  requested_by text NOT NULL,
  requested_by_name text NOT NULL,
  requested_at timestamptz NOT NULL,
  status text NOT NULL CHECK (status IN ('pending', 'approved', 'refused')),
  decided_by text,
  decided_by_name text,
  decided_at timestamptz,
  decision_note text
);
CREATE INDEX calendar_corrections_year ON calendar_corrections (year, requested_at);

-- Every open deadline whose due date changed when a year's notice was entered
-- or corrected (old date, new date, why): shown in the case timeline and
-- listed for the handlers.
CREATE TABLE deadline_changes (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at timestamptz NOT NULL,
  calendar_year integer NOT NULL,
  agency_id text NOT NULL,
  agency_path text NOT NULL,
  object_type text NOT NULL,
  object_id text NOT NULL,
  case_id text,
  case_number text,
  deadline_key text NOT NULL,
  label text NOT NULL,
  old_due text,
  new_due text,
  was_provisional boolean NOT NULL,
  reason text NOT NULL
);
CREATE INDEX deadline_changes_case ON deadline_changes (case_id, id);
CREATE INDEX deadline_changes_agency ON deadline_changes (agency_path text_pattern_ops, id);
CREATE TRIGGER deadline_changes_append_only BEFORE UPDATE OR DELETE ON deadline_changes
  FOR EACH ROW EXECUTE FUNCTION sx_forbid_change();

-- The demo seed is complete only when this row exists (written in the seed's
-- last transaction). A database seeded before this migration counts as complete.
CREATE TABLE demo_seed (
  id integer PRIMARY KEY CHECK (id = 1),
  completed_at timestamptz NOT NULL
);
INSERT INTO demo_seed (id, completed_at) SELECT 1, now() WHERE EXISTS (SELECT 1 FROM agencies);
