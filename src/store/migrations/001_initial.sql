-- Daily digest subscriptions, one row per channel ("slack:C0123", "discord:112233").
CREATE TABLE subscriptions (
  channel            TEXT PRIMARY KEY,
  platform           TEXT NOT NULL CHECK (platform IN ('slack', 'discord')),
  channel_id         TEXT NOT NULL,
  time               TEXT NOT NULL,              -- HH:MM, local to `timezone`
  timezone           TEXT NOT NULL,              -- IANA zone
  weekdays           TEXT NOT NULL DEFAULT '*',  -- cron day-of-week field: '*', 'MON-FRI', 'MON,WED'
  categories         TEXT,                       -- JSON array of category ids; NULL = all
  mention            TEXT,                       -- Discord role id or Slack user-group id, opt-in
  origin             TEXT NOT NULL CHECK (origin IN ('chat', 'config')),
  created_by         TEXT,
  created_at         TEXT NOT NULL,
  updated_at         TEXT NOT NULL,
  unreachable_at     TEXT,                       -- set when the platform says the channel is gone
  unreachable_reason TEXT,
  last_error         TEXT,
  last_error_at      TEXT
);

-- One row per channel per local day: the ledger that makes "exactly once a day" hold across
-- restarts and across processes sharing the file. Claimed before sending, completed after.
CREATE TABLE digest_posts (
  channel     TEXT NOT NULL,
  local_date  TEXT NOT NULL,                     -- YYYY-MM-DD in the channel's zone
  status      TEXT NOT NULL CHECK (status IN ('sending', 'sent', 'failed')),
  claimed_by  TEXT NOT NULL,
  claimed_at  TEXT NOT NULL,
  attempts    INTEGER NOT NULL DEFAULT 1,
  message_ids TEXT,                              -- JSON array of platform message ids
  sent_at     TEXT,
  error       TEXT,
  PRIMARY KEY (channel, local_date)
);
