-- Issue 12 item 4: witnesses' cosignatures (C2SP tlog-cosignature) on the
-- log's signed checkpoints, append-only. Each row keeps the cosigned
-- checkpoint body, so that verify holds the cosigned checkpoint even if the
-- checkpoint row were removed (a rollback behind a witnessed checkpoint).
CREATE TABLE log_cosignatures (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  checkpoint_size bigint NOT NULL,
  checkpoint_text text NOT NULL, -- the note body the witness signed (origin, size, root)
  witness_name text NOT NULL,
  key_id text NOT NULL, -- 8 hex digits
  signed_at timestamptz NOT NULL, -- the cosignature's timestamp
  line text NOT NULL, -- the signature line as appended to the checkpoint, newline included
  received_at timestamptz NOT NULL,
  UNIQUE (checkpoint_size, witness_name, key_id)
);
CREATE TRIGGER log_cosignatures_append_only BEFORE UPDATE OR DELETE ON log_cosignatures
  FOR EACH ROW EXECUTE FUNCTION sx_forbid_change();
CREATE TRIGGER log_cosignatures_no_truncate BEFORE TRUNCATE ON log_cosignatures
  FOR EACH STATEMENT EXECUTE FUNCTION sx_forbid_change();
