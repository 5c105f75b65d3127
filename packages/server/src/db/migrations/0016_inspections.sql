-- 双随机、一公开 and 涉企行政检查 (INS-2, INS-3, NAT-16, NAT-17).

-- The directory of inspection targets (检查对象名录), per agency. A working
-- directory kept current in the console: rows are updated; what a draw used
-- is frozen in the draw itself.
CREATE TABLE inspection_targets (
  id text PRIMARY KEY,
  agency_id text NOT NULL REFERENCES agencies(id),
  agency_path text NOT NULL,
  credit_code text NOT NULL,                   -- 统一社会信用代码 (NAT-13)
  name text NOT NULL,
  address text NOT NULL DEFAULT '',
  legal_representative text NOT NULL DEFAULT '',
  permit_number text NOT NULL DEFAULT '',      -- 排污许可证编号
  permit_class text NOT NULL DEFAULT 'none' CHECK (permit_class IN ('key', 'simplified', 'registration', 'none')),
  key_polluter boolean NOT NULL DEFAULT false, -- 重点排污单位
  industry text NOT NULL DEFAULT '',
  district text NOT NULL DEFAULT '',
  risk_class text NOT NULL DEFAULT 'medium' CHECK (risk_class IN ('high', 'medium', 'low')),
  risk_source text NOT NULL DEFAULT '',        -- where the risk/credit class comes from
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  UNIQUE (agency_id, credit_code)
);

-- Declared relations between an officer and a target (回避, INS-2): the
-- officer is never drawn for that target. Append-only.
CREATE TABLE inspection_relations (
  id text PRIMARY KEY,
  agency_id text NOT NULL REFERENCES agencies(id),
  agency_path text NOT NULL,
  user_id text NOT NULL REFERENCES users(id),
  target_id text NOT NULL REFERENCES inspection_targets(id),
  relation text NOT NULL,
  declared_at timestamptz NOT NULL,
  declared_by text NOT NULL REFERENCES users(id),
  UNIQUE (user_id, target_id)
);
CREATE TRIGGER inspection_relations_append_only BEFORE UPDATE OR DELETE ON inspection_relations
  FOR EACH ROW EXECUTE FUNCTION sx_forbid_change();

-- An annual 抽查计划 per 抽查事项 (INS-1 list item), with joint departments.
CREATE TABLE inspection_plans (
  id text PRIMARY KEY,
  agency_id text NOT NULL REFERENCES agencies(id),
  agency_path text NOT NULL,
  year integer NOT NULL,
  title text NOT NULL,
  item text NOT NULL,                          -- 抽查事项 as on the 随机抽查事项清单
  basis text NOT NULL DEFAULT '',
  content text NOT NULL DEFAULT '',
  method text NOT NULL DEFAULT '',
  rounds text NOT NULL CHECK (rounds IN ('quarter', 'year')),
  quota_override jsonb NOT NULL DEFAULT '{}'::jsonb,
  joint_departments text[] NOT NULL DEFAULT '{}',
  team_size integer NOT NULL DEFAULT 2 CHECK (team_size >= 2),
  created_at timestamptz NOT NULL,
  created_by text NOT NULL REFERENCES users(id)
);

-- One draw of a plan: committed (seed hash and list digests sealed in the
-- integrity log), drawn, then published (seed revealed, names public).
CREATE TABLE inspection_draws (
  id text PRIMARY KEY,
  plan_id text NOT NULL REFERENCES inspection_plans(id),
  agency_id text NOT NULL REFERENCES agencies(id),
  agency_path text NOT NULL,
  round_label text NOT NULL,
  status text NOT NULL CHECK (status IN ('committed', 'drawn', 'published')),
  algorithm text NOT NULL,
  seed text NOT NULL,                          -- secret until published
  seed_hash text NOT NULL,
  lists jsonb NOT NULL,                        -- frozen targets, inspectors, conflicts
  digests jsonb NOT NULL,
  quota jsonb NOT NULL,
  team_size integer NOT NULL,
  commit_leaf bigint NOT NULL,
  result jsonb,
  draw_leaf bigint,
  committed_at timestamptz NOT NULL,
  committed_by text NOT NULL REFERENCES users(id),
  drawn_at timestamptz,
  drawn_by text REFERENCES users(id),
  published_at timestamptz,
  published_by text REFERENCES users(id)
);
CREATE INDEX inspection_draws_plan_idx ON inspection_draws (plan_id);

-- Every 涉企行政检查, registered before entry with its inspection code
-- (NAT-16), counted against the yearly cap (INS-3).
CREATE TABLE inspections (
  id text PRIMARY KEY,
  agency_id text NOT NULL REFERENCES agencies(id),
  agency_path text NOT NULL,
  code text NOT NULL UNIQUE,                   -- 行政检查码
  kind text NOT NULL CHECK (kind IN ('random', 'campaign', 'complaint', 'assigned')),
  target_id text NOT NULL REFERENCES inspection_targets(id),
  credit_code text NOT NULL,
  target_name text NOT NULL,
  year integer NOT NULL,
  planned_date date NOT NULL,
  status text NOT NULL CHECK (status IN ('pendingApproval', 'registered', 'refused')),
  inspectors jsonb NOT NULL,                   -- [{userId, name, certificateNumber}]
  draw_id text REFERENCES inspection_draws(id),
  plan_id text REFERENCES inspection_plans(id),
  exception jsonb,                             -- cap exception: reason, note, requested/approved by
  case_id text REFERENCES cases(id),
  penalty_case_id text REFERENCES cases(id),
  registered_at timestamptz NOT NULL,
  registered_by text NOT NULL REFERENCES users(id),
  updated_at timestamptz NOT NULL
);
CREATE INDEX inspections_target_year_idx ON inspections (agency_id, credit_code, year);
CREATE INDEX inspections_draw_idx ON inspections (draw_id);
