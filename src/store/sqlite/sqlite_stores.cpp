#include "store/sqlite/sqlite_stores.h"

#include "store/sqlite/catalog_store.h"
#include "store/sqlite/customer_store.h"
#include "store/sqlite/list_store.h"
#include "store/sqlite/order_store.h"
#include "store/sqlite/sqlite_appointment_store.h"
#include "store/sqlite/sqlite_session_store.h"
#include "store/sqlite/sqlite_settings_store.h"
#include "store/sqlite/sqlite_ticket_store.h"
#include "store/sqlite/survey_store.h"

namespace chariot::store {

Result<Stores> OpenSqliteStores(Database& database) {
  Stores stores;
  stores.sessions = std::make_unique<SqliteSessionStore>(database);
  stores.settings = std::make_unique<SqliteSettingsStore>(database);
  stores.catalog = std::make_unique<SqliteCatalogStore>(database);
  stores.lists = std::make_unique<SqliteListStore>(database);
  stores.orders = std::make_unique<SqliteOrderStore>(database);
  stores.customers = std::make_unique<SqliteCustomerStore>(database);
  stores.tickets = std::make_unique<SqliteTicketStore>(database);
  stores.appointments = std::make_unique<SqliteAppointmentStore>(database);
  stores.surveys = std::make_unique<SqliteSurveyStore>(database);
  stores.erase_customer = [&database](const std::string& user_id) {
    return EraseCustomer(database, user_id);
  };
  stores.ping = [&database] { return database.Ping(); };
  return stores;
}

}  // namespace chariot::store
