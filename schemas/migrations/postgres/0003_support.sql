-- Support on PostgreSQL: repair tickets and advisor appointments, the same shape as the SQLite
-- schema (../0003_support.sql); src/store/postgres/pg_ticket_store.cpp, pg_appointment_store.cpp.

CREATE TABLE support_tickets (
  id          BIGSERIAL PRIMARY KEY,
  user_id     TEXT   NOT NULL,
  problem     TEXT   NOT NULL CHECK (problem IN ('water_leak', 'gas_smell', 'power_outage',
                'no_heating', 'lawnmower', 'locked_out', 'appliance_breakdown', 'other')),
  severity    TEXT   NOT NULL CHECK (severity IN ('emergency', 'urgent', 'routine')),
  status      TEXT   NOT NULL CHECK (status IN ('open', 'resolved', 'scheduled', 'handed_over',
                'closed')),
  words       TEXT   NOT NULL DEFAULT '',
  steps_tried TEXT   NOT NULL DEFAULT '[]',
  postcode    TEXT   NOT NULL DEFAULT '',
  channel     TEXT   NOT NULL DEFAULT '',
  locale      TEXT   NOT NULL DEFAULT '',
  created_at  BIGINT NOT NULL,
  updated_at  BIGINT NOT NULL
);
CREATE INDEX support_tickets_by_user ON support_tickets (user_id, id);

CREATE TABLE support_appointments (
  id          BIGSERIAL PRIMARY KEY,
  ticket_id   BIGINT NOT NULL REFERENCES support_tickets (id),
  user_id     TEXT   NOT NULL,
  kind        TEXT   NOT NULL CHECK (kind IN ('callback', 'in_store', 'video')),
  advisor_id  TEXT   NOT NULL,
  store_id    TEXT   NOT NULL DEFAULT '',
  slot_start  BIGINT NOT NULL,
  slot_end    BIGINT NOT NULL,
  status      TEXT   NOT NULL CHECK (status IN ('booked', 'cancelled', 'moved')),
  created_at  BIGINT NOT NULL,
  updated_at  BIGINT NOT NULL
);
-- One advisor, one customer per slot, even across several Chariot instances.
CREATE UNIQUE INDEX support_appointments_one_per_advisor_slot
  ON support_appointments (advisor_id, slot_start) WHERE status = 'booked';
CREATE INDEX support_appointments_by_user ON support_appointments (user_id, status);
CREATE INDEX support_appointments_booked_by_start
  ON support_appointments (slot_start) WHERE status = 'booked';
