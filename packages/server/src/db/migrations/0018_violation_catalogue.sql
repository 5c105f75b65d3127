-- Issue 11 item 3 · NAT-22, ORG-3 (SX25-P 10(一)): an agency's violation
-- catalogue (违法行为 → 违反条款 → 处罚依据 → 法定幅度 → 裁量档次与情形), one row
-- per version; a change is a new version, so what was published ex ante and
-- what a decision was checked against stay readable. Until an agency adopts
-- its own, the platform's model catalogue applies (version 0, not stored).
CREATE TABLE violation_catalogues (
  id text PRIMARY KEY,
  agency_id text NOT NULL REFERENCES agencies(id),
  agency_path text NOT NULL,
  version integer NOT NULL CHECK (version > 0),
  entries jsonb NOT NULL,
  note text NOT NULL DEFAULT '',
  effective_from date NOT NULL,
  created_at timestamptz NOT NULL,
  created_by text NOT NULL REFERENCES users(id),
  created_by_name text NOT NULL,
  UNIQUE (agency_id, version)
);
CREATE TRIGGER violation_catalogues_append_only BEFORE UPDATE OR DELETE ON violation_catalogues
  FOR EACH ROW EXECUTE FUNCTION sx_forbid_change();
CREATE TRIGGER violation_catalogues_no_truncate BEFORE TRUNCATE ON violation_catalogues
  FOR EACH STATEMENT EXECUTE FUNCTION sx_forbid_change();
-- The portal's 行政处罚裁量基准 is generated from it: a new version renders the agency page again.
CREATE TRIGGER violation_catalogues_portal_generation AFTER INSERT OR UPDATE OR DELETE ON violation_catalogues
  FOR EACH STATEMENT EXECUTE FUNCTION portal_generation_bump();
