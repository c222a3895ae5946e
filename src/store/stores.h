// Stores: one instance of every repository interface, for one backend. The app opens either
// the SQLite set (the embedded default) or the PostgreSQL set (CHARIOT_DB=postgresql://...) and
// hands the interfaces to the domain services, which never learn which backend they use.
//
// Ownership: Stores owns the implementations; the backend database object must outlive them.
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "core/status.h"
#include "store/appointment_store.h"
#include "store/catalog_store.h"
#include "store/customer_store.h"
#include "store/erasure.h"
#include "store/list_store.h"
#include "store/order_store.h"
#include "store/session_store.h"
#include "store/settings_store.h"
#include "store/survey_store.h"
#include "store/ticket_store.h"

namespace chariot::store {

struct Stores {
  std::unique_ptr<SessionStore> sessions;
  std::unique_ptr<SettingsStore> settings;
  std::unique_ptr<CatalogStore> catalog;
  std::unique_ptr<ListStore> lists;
  std::unique_ptr<OrderStore> orders;
  std::unique_ptr<CustomerStore> customers;
  std::unique_ptr<TicketStore> tickets;
  std::unique_ptr<AppointmentStore> appointments;
  std::unique_ptr<SurveyStore> surveys;
  // Erases one customer's personal data (see erasure.h), on this backend.
  std::function<Result<ErasureReport>(const std::string& user_id)> erase_customer;
  // OK when the database answers (for /readyz).
  std::function<Status()> ping;
};

}  // namespace chariot::store
