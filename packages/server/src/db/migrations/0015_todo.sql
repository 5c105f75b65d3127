-- 待办 (issue 15): which items of a person's to-do list the person has seen,
-- so the notification bell counts only what is new. Interface state, not a
-- record: rows are added when the person opens the list, never changed.
CREATE TABLE todo_seen (
  user_id text NOT NULL REFERENCES users(id),
  item_key text NOT NULL,
  seen_at timestamptz NOT NULL,
  PRIMARY KEY (user_id, item_key)
);

-- The daily digest: one row per person and China day it went out, so a
-- restart or a second server does not send it twice.
CREATE TABLE todo_digests (
  user_id text NOT NULL REFERENCES users(id),
  day date NOT NULL,
  channel text NOT NULL,
  item_count integer NOT NULL,
  sent_at timestamptz NOT NULL,
  PRIMARY KEY (user_id, day)
);
