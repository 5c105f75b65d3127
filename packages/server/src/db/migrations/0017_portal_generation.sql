-- Issue 14 item 8: the portal's in-process page cache is keyed by a
-- generation number that every change to what the portal shows bumps, in the
-- same transaction as the change (a trigger, so no write path can forget it
-- and every server behind the load balancer sees it at once). A withdrawn
-- decision is therefore never served from a cache: the next request reads a
-- new generation and renders the page again.
CREATE TABLE portal_generation (
  id integer PRIMARY KEY CHECK (id = 1),
  gen bigint NOT NULL,
  changed_at timestamptz NOT NULL
);
INSERT INTO portal_generation (id, gen, changed_at) VALUES (1, 1, now());

CREATE FUNCTION portal_generation_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE portal_generation SET gen = gen + 1, changed_at = now() WHERE id = 1;
  RETURN NULL;
END $$;

CREATE TRIGGER publications_portal_generation AFTER INSERT OR UPDATE OR DELETE ON publications
  FOR EACH STATEMENT EXECUTE FUNCTION portal_generation_bump();
CREATE TRIGGER publication_versions_portal_generation AFTER INSERT OR UPDATE OR DELETE ON publication_versions
  FOR EACH STATEMENT EXECUTE FUNCTION portal_generation_bump();
CREATE TRIGGER publication_events_portal_generation AFTER INSERT OR UPDATE OR DELETE ON publication_events
  FOR EACH STATEMENT EXECUTE FUNCTION portal_generation_bump();
CREATE TRIGGER agencies_portal_generation AFTER INSERT OR UPDATE OR DELETE ON agencies
  FOR EACH STATEMENT EXECUTE FUNCTION portal_generation_bump();
