-- Foundation: agencies, users, roles, certificates, sessions, audit (issue 2).
-- Same SQL for PGlite and PostgreSQL 15.

CREATE FUNCTION sx_forbid_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'append-only table %: % is not allowed', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;

-- ORG-1: agency tree province → city → county / branch.
CREATE TABLE agencies (
  id text PRIMARY KEY,
  parent_id text REFERENCES agencies(id),
  path text NOT NULL UNIQUE,
  level text NOT NULL CHECK (level IN ('province', 'city', 'county', 'branch')),
  name text NOT NULL,
  short_name text,
  credit_code text NOT NULL UNIQUE,
  nature text NOT NULL DEFAULT '行政机关',
  functions text NOT NULL DEFAULT '',
  jurisdiction text NOT NULL DEFAULT '',
  enforcement_area text NOT NULL DEFAULT '',
  address text NOT NULL DEFAULT '',
  postcode text NOT NULL DEFAULT '',
  phone text NOT NULL DEFAULT '',
  email text NOT NULL DEFAULT '',
  website text NOT NULL DEFAULT '',
  complaint_channel text NOT NULL DEFAULT '',
  profile_id text NOT NULL DEFAULT 'national',
  sort_order integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX agencies_parent_idx ON agencies (parent_id);
CREATE INDEX agencies_path_idx ON agencies (path text_pattern_ops);

CREATE TABLE users (
  id text PRIMARY KEY,
  agency_id text NOT NULL REFERENCES agencies(id),
  username text NOT NULL UNIQUE,
  display_name text NOT NULL,
  post text NOT NULL DEFAULT '',
  phone text NOT NULL DEFAULT '',
  password_hash text NOT NULL,
  must_change_password boolean NOT NULL DEFAULT false,
  disabled boolean NOT NULL DEFAULT false,
  failed_attempts integer NOT NULL DEFAULT 0,
  locked_until timestamptz,
  password_changed_at timestamptz,
  last_login_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX users_agency_idx ON users (agency_id);

CREATE TABLE user_roles (
  user_id text NOT NULL REFERENCES users(id),
  role text NOT NULL,
  granted_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, role)
);

-- ORG-2: 执法证 officer certificates.
CREATE TABLE officer_certificates (
  id text PRIMARY KEY,
  user_id text NOT NULL REFERENCES users(id),
  number text NOT NULL UNIQUE,
  issuer text NOT NULL,
  valid_from date NOT NULL,
  valid_to date NOT NULL,
  status text NOT NULL DEFAULT 'valid' CHECK (status IN ('valid', 'suspended', 'revoked')),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (valid_to >= valid_from)
);
CREATE INDEX officer_certificates_user_idx ON officer_certificates (user_id);

-- Console sessions, stored so that any server behind a load balancer can serve them.
CREATE TABLE sessions (
  id text PRIMARY KEY, -- SHA-256 of the cookie token, never the token itself
  user_id text NOT NULL REFERENCES users(id),
  created_at timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL,
  ip text NOT NULL DEFAULT '',
  user_agent text NOT NULL DEFAULT '',
  ended_at timestamptz
);
CREATE INDEX sessions_user_idx ON sessions (user_id);

-- SYS-5: audit events, append-only; written in the same transaction as the change.
CREATE TABLE audit_events (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at timestamptz NOT NULL,
  actor_id text,
  actor_name text NOT NULL DEFAULT '',
  actor_agency_id text,
  agency_id text, -- the agency the object belongs to (scope of who may read the event)
  agency_path text,
  action text NOT NULL,
  object_type text NOT NULL DEFAULT '',
  object_id text NOT NULL DEFAULT '',
  outcome text NOT NULL DEFAULT 'ok' CHECK (outcome IN ('ok', 'denied', 'failed')),
  ip text NOT NULL DEFAULT '',
  detail jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX audit_events_at_idx ON audit_events (at);
CREATE INDEX audit_events_path_idx ON audit_events (agency_path text_pattern_ops);
CREATE INDEX audit_events_actor_idx ON audit_events (actor_id);
CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION sx_forbid_change();
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
  FOR EACH STATEMENT EXECUTE FUNCTION sx_forbid_change();
