-- One append-only Merkle log (RFC 6962/9162) over every record version, media
-- file, access decision, view, download and export (DESIGN §6; REC-16, NAT-18).

-- Leaves: the exact bytes hashed are `data` (canonical JSON, UTF-8).
CREATE TABLE log_leaves (
  idx bigint PRIMARY KEY,
  leaf_hash text NOT NULL, -- hex of H(0x00 || data)
  data text NOT NULL,
  kind text NOT NULL,
  object_type text NOT NULL,
  object_id text NOT NULL,
  case_id text,
  agency_path text,
  created_at timestamptz NOT NULL
);
CREATE INDEX log_leaves_object_idx ON log_leaves (object_type, object_id);
CREATE INDEX log_leaves_case_idx ON log_leaves (case_id);
CREATE TRIGGER log_leaves_append_only BEFORE UPDATE OR DELETE ON log_leaves
  FOR EACH ROW EXECUTE FUNCTION sx_forbid_change();
CREATE TRIGGER log_leaves_no_truncate BEFORE TRUNCATE ON log_leaves
  FOR EACH STATEMENT EXECUTE FUNCTION sx_forbid_change();

-- Every complete (perfect) subtree hash, so proofs need no rereading of leaves.
CREATE TABLE log_nodes (
  level integer NOT NULL,
  idx bigint NOT NULL,
  hash text NOT NULL,
  PRIMARY KEY (level, idx)
);
CREATE TRIGGER log_nodes_append_only BEFORE UPDATE OR DELETE ON log_nodes
  FOR EACH ROW EXECUTE FUNCTION sx_forbid_change();

-- The head: size and compact range; one row, locked by each append so that
-- appends are serialised across servers.
CREATE TABLE log_head (
  id integer PRIMARY KEY CHECK (id = 1),
  size bigint NOT NULL,
  compact jsonb NOT NULL -- hex hashes of the compact range, left to right
);
INSERT INTO log_head (id, size, compact) VALUES (1, 0, '[]'::jsonb);

-- Signed checkpoints (C2SP tlog-checkpoint in a signed note, Ed25519).
CREATE TABLE log_checkpoints (
  size bigint PRIMARY KEY,
  root_hash text NOT NULL,
  note text NOT NULL,
  created_at timestamptz NOT NULL
);
CREATE TRIGGER log_checkpoints_append_only BEFORE UPDATE OR DELETE ON log_checkpoints
  FOR EACH ROW EXECUTE FUNCTION sx_forbid_change();

-- The log's signing key when none is configured (SANXIANG_LOG_SIGNER_KEY):
-- generated once per installation. Production deployments pass the key in.
CREATE TABLE log_keys (
  name text PRIMARY KEY,
  verifier_key text NOT NULL,
  signer_key text NOT NULL,
  created_at timestamptz NOT NULL
);
