-- Rules core (issue 3): the working-day calendar and each agency's profile configuration.

-- NAT-2: one row per year of the State Council's holiday schedule, with its source.
CREATE TABLE calendar_years (
  year integer PRIMARY KEY CHECK (year BETWEEN 1990 AND 2200),
  source text NOT NULL,
  holidays jsonb NOT NULL,
  workdays jsonb NOT NULL,
  origin text NOT NULL CHECK (origin IN ('seed', 'admin')),
  added_by text,
  added_at timestamptz NOT NULL DEFAULT now()
);

-- Values an agency configures where its profile leaves them open (e.g. GS19's
-- legal-review limit), each with the agency's own basis.
ALTER TABLE agencies ADD COLUMN profile_overrides jsonb NOT NULL DEFAULT '{}'::jsonb;
