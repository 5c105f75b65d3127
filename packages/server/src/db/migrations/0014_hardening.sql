-- Hardening (issue 14).

-- SYS-5 · GB/T 22239-2019 8.1.4.1 登录失败处理: failed sign-ins under a name
-- that has no account are counted and locked exactly like an account's, so
-- that the answers (401, then 423) do not tell which names exist.
CREATE TABLE login_failures (
  username text PRIMARY KEY,
  failed_attempts integer NOT NULL DEFAULT 0,
  locked_until timestamptz,
  updated_at timestamptz NOT NULL
);
