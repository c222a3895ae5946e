-- Commerce: catalog, stores, slots, customers, shopping lists and orders.
-- Money is in integer cents; times are Unix seconds (UTC); quantities are REAL because weighed
-- products are bought in kilos ("un kilo et demi").

CREATE TABLE products (
  sku           TEXT PRIMARY KEY,
  name          TEXT NOT NULL,
  name_en       TEXT NOT NULL DEFAULT '',
  department    TEXT NOT NULL,            -- grocery | diy
  category      TEXT NOT NULL,            -- joins store_aisles.category
  sold_by       TEXT NOT NULL DEFAULT 'unit',  -- unit | weight (price per kg)
  size          REAL NOT NULL DEFAULT 1,  -- content of one unit sold, in `unit`
  unit          TEXT NOT NULL,            -- g kg ml cl l piece
  size_label    TEXT NOT NULL DEFAULT '', -- overrides the size for display ("20 m")
  price_cents   INTEGER NOT NULL CHECK (price_cents >= 0),
  stock         INTEGER NOT NULL DEFAULT 0 CHECK (stock >= 0),
  gender        TEXT NOT NULL DEFAULT 'm',
  pack          TEXT NOT NULL DEFAULT '',
  each_name     TEXT NOT NULL DEFAULT '',
  plural        TEXT NOT NULL DEFAULT '',
  popularity    INTEGER NOT NULL DEFAULT 0,
  search_text   TEXT NOT NULL DEFAULT ''  -- folded (lower case, no accents, singular) names
);

-- Full-text index over the folded names; kept in step by the catalog store (external content).
CREATE VIRTUAL TABLE products_fts USING fts5(
  search_text, content='products', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2');

CREATE TABLE synonyms (
  locale      TEXT NOT NULL,
  term        TEXT NOT NULL,   -- folded
  replacement TEXT NOT NULL,   -- folded
  PRIMARY KEY (locale, term)
);

CREATE TABLE stores (
  id                 TEXT PRIMARY KEY,
  kind               TEXT NOT NULL,      -- store | dark_store
  name               TEXT NOT NULL,
  address            TEXT NOT NULL DEFAULT '',
  city               TEXT NOT NULL DEFAULT '',
  postcode           TEXT NOT NULL DEFAULT '',
  opening_hours_json TEXT NOT NULL DEFAULT '{}',
  collect_counter    TEXT NOT NULL DEFAULT '',
  collect_counter_en TEXT NOT NULL DEFAULT ''
);

-- Postcode prefixes a store delivers to ("75"), and exact postcodes the dark store serves.
CREATE TABLE store_coverage (
  store_id    TEXT NOT NULL REFERENCES stores(id),
  fulfillment TEXT NOT NULL,            -- delivery | express
  prefix      TEXT NOT NULL,
  PRIMARY KEY (store_id, fulfillment, prefix)
);

CREATE TABLE store_aisles (
  store_id   TEXT NOT NULL REFERENCES stores(id),
  category   TEXT NOT NULL,
  aisle      INTEGER NOT NULL,
  section    TEXT NOT NULL,
  section_en TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (store_id, category)
);

-- Weekly templates from which slots are materialised for the rolling horizon.
CREATE TABLE slot_templates (
  store_id       TEXT NOT NULL REFERENCES stores(id),
  fulfillment    TEXT NOT NULL,         -- delivery | pickup | express
  weekday        INTEGER NOT NULL,      -- 0 = Sunday
  start_minute   INTEGER NOT NULL,      -- local time (Europe/Paris)
  end_minute     INTEGER NOT NULL,
  capacity       INTEGER NOT NULL,
  cutoff_minutes INTEGER NOT NULL,
  fee_cents      INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (store_id, fulfillment, weekday, start_minute)
);

CREATE TABLE slots (
  id          INTEGER PRIMARY KEY,
  store_id    TEXT NOT NULL REFERENCES stores(id),
  fulfillment TEXT NOT NULL,
  start_at    INTEGER NOT NULL,
  end_at      INTEGER NOT NULL,
  cutoff_at   INTEGER NOT NULL,
  capacity    INTEGER NOT NULL,
  booked      INTEGER NOT NULL DEFAULT 0,
  fee_cents   INTEGER NOT NULL DEFAULT 0,
  UNIQUE (store_id, fulfillment, start_at),
  CHECK (booked >= 0 AND booked <= capacity)
);
CREATE INDEX slots_by_start ON slots (store_id, fulfillment, start_at);

CREATE TABLE customers (
  id              TEXT PRIMARY KEY,
  preferred_store TEXT NOT NULL DEFAULT '',
  postcode        TEXT NOT NULL DEFAULT '',
  locale          TEXT NOT NULL DEFAULT 'fr-FR',
  created_at      INTEGER NOT NULL
);

-- Each platform's user id (or linked account) -> the customer.
CREATE TABLE customer_accounts (
  platform         TEXT NOT NULL,
  platform_user_id TEXT NOT NULL,
  customer_id      TEXT NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
  PRIMARY KEY (platform, platform_user_id)
);

CREATE TABLE list_items (
  customer_id TEXT NOT NULL,
  sku         TEXT NOT NULL REFERENCES products(sku),
  quantity    REAL NOT NULL CHECK (quantity > 0),
  added_at    INTEGER NOT NULL,
  updated_at  INTEGER NOT NULL,
  PRIMARY KEY (customer_id, sku)
);

CREATE TABLE orders (
  id              INTEGER PRIMARY KEY,
  customer_id     TEXT NOT NULL,
  status          TEXT NOT NULL,          -- confirmed | cancelled
  fulfillment     TEXT NOT NULL,
  store_id        TEXT NOT NULL,
  slot_id         INTEGER NOT NULL REFERENCES slots(id),
  slot_start      INTEGER NOT NULL,
  slot_end        INTEGER NOT NULL,
  cutoff_at       INTEGER NOT NULL,
  fee_cents       INTEGER NOT NULL,
  total_cents     INTEGER NOT NULL,
  idempotency_key TEXT UNIQUE,
  created_at      INTEGER NOT NULL,
  cancelled_at    INTEGER
);
CREATE INDEX orders_by_customer ON orders (customer_id, created_at);

CREATE TABLE order_items (
  order_id    INTEGER NOT NULL REFERENCES orders(id),
  sku         TEXT NOT NULL,
  name        TEXT NOT NULL,
  quantity    REAL NOT NULL,
  unit_count  INTEGER NOT NULL,   -- units taken from stock (weighed products: 1 per started kilo)
  price_cents INTEGER NOT NULL,   -- line total
  PRIMARY KEY (order_id, sku)
);
