#include "store/postgres/pg_stores.h"

#include "store/postgres/pg_commerce_stores.h"
#include "store/postgres/pg_session_store.h"
#include "store/postgres/pg_support_stores.h"
#include "store/postgres/pg_survey_store.h"

namespace chariot::store {

Result<Stores> OpenPostgresStores(PgDatabase& db) {
  Stores stores;
  stores.sessions = std::make_unique<PgSessionStore>(db);
  stores.settings = std::make_unique<PgSettingsStore>(db);
  stores.catalog = std::make_unique<PgCatalogStore>(db);
  stores.lists = std::make_unique<PgListStore>(db);
  stores.orders = std::make_unique<PgOrderStore>(db);
  stores.customers = std::make_unique<PgCustomerStore>(db);
  stores.tickets = std::make_unique<PgTicketStore>(db);
  stores.appointments = std::make_unique<PgAppointmentStore>(db);
  stores.surveys = std::make_unique<PgSurveyStore>(db);
  stores.erase_customer = [&db](const std::string& user_id) {
    return EraseCustomerPg(db, user_id);
  };
  stores.ping = [&db] { return db.Ping(); };
  return stores;
}

}  // namespace chariot::store
