-- Support: repair tickets and advisor appointments (src/store/sqlite/sqlite_ticket_store.cpp,
-- sqlite_appointment_store.cpp). Codes are those of CONTRACTS.md.

CREATE TABLE support_tickets (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  user_id     TEXT    NOT NULL,
  problem     TEXT    NOT NULL CHECK (problem IN ('water_leak', 'gas_smell', 'power_outage',
                'no_heating', 'lawnmower', 'locked_out', 'appliance_breakdown', 'other')),
  severity    TEXT    NOT NULL CHECK (severity IN ('emergency', 'urgent', 'routine')),
  status      TEXT    NOT NULL CHECK (status IN ('open', 'resolved', 'scheduled', 'handed_over',
                'closed')),
  words       TEXT    NOT NULL DEFAULT '',
  steps_tried TEXT    NOT NULL DEFAULT '[]',  -- JSON array of {"step","outcome"}
  postcode    TEXT    NOT NULL DEFAULT '',
  channel     TEXT    NOT NULL DEFAULT '',
  locale      TEXT    NOT NULL DEFAULT '',
  created_at  INTEGER NOT NULL,
  updated_at  INTEGER NOT NULL
);
CREATE INDEX support_tickets_by_user ON support_tickets (user_id, id);

CREATE TABLE support_appointments (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  ticket_id   INTEGER NOT NULL REFERENCES support_tickets (id),
  user_id     TEXT    NOT NULL,
  kind        TEXT    NOT NULL CHECK (kind IN ('callback', 'in_store', 'video')),
  advisor_id  TEXT    NOT NULL,
  store_id    TEXT    NOT NULL DEFAULT '',
  slot_start  INTEGER NOT NULL,
  slot_end    INTEGER NOT NULL,
  status      TEXT    NOT NULL CHECK (status IN ('booked', 'cancelled', 'moved')),
  created_at  INTEGER NOT NULL,
  updated_at  INTEGER NOT NULL
);
-- One advisor, one customer per slot: the database refuses a double booking even if two
-- requests race past the service's own check.
CREATE UNIQUE INDEX support_appointments_one_per_advisor_slot
  ON support_appointments (advisor_id, slot_start) WHERE status = 'booked';
CREATE INDEX support_appointments_by_user ON support_appointments (user_id, status);
CREATE INDEX support_appointments_booked_by_start
  ON support_appointments (slot_start) WHERE status = 'booked';
