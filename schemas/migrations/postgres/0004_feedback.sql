-- The satisfaction survey on PostgreSQL: the same table as ../0004_feedback.sql (SQLite).
-- session_id is the key, so a second end of the same session can never add a second record.
CREATE TABLE survey_outcomes (
  session_id           TEXT PRIMARY KEY,
  user_id              TEXT NOT NULL DEFAULT '',
  channel              TEXT NOT NULL DEFAULT '',
  locale               TEXT NOT NULL DEFAULT '',
  flows                TEXT NOT NULL DEFAULT '',  -- visited flows, comma separated, in order
  task_outcome         TEXT NOT NULL DEFAULT '',
  kind                 TEXT NOT NULL DEFAULT 'nps' CHECK (kind IN ('nps', 'csat', 'goal')),
  outcome              TEXT NOT NULL
                       CHECK (outcome IN ('answered', 'declined', 'no_answer', 'not_understood', 'not_asked')),
  score                INTEGER CHECK (score IS NULL OR (score BETWEEN 0 AND 10)),
  verbatim             TEXT NOT NULL DEFAULT '',
  reason               TEXT NOT NULL DEFAULT '',
  turns                INTEGER NOT NULL DEFAULT 0,
  not_understood_turns INTEGER NOT NULL DEFAULT 0,
  started_at           BIGINT NOT NULL,
  ended_at             BIGINT NOT NULL,
  asked                INTEGER NOT NULL DEFAULT 0,
  detractor            INTEGER NOT NULL DEFAULT 0,
  contacted_at         BIGINT,
  contacted_by         TEXT NOT NULL DEFAULT '',
  CHECK ((outcome = 'answered') = (score IS NOT NULL))
);
CREATE INDEX survey_outcomes_by_end ON survey_outcomes (ended_at);
CREATE INDEX survey_outcomes_by_user ON survey_outcomes (user_id, ended_at) WHERE asked = 1;
CREATE INDEX survey_outcomes_to_call_back ON survey_outcomes (ended_at)
  WHERE detractor = 1 AND contacted_at IS NULL;
