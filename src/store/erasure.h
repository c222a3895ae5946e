// Erasure: removes one customer's personal data on request (GDPR article 17).
//
// Deletes what only serves the customer (shopping list, profile, platform account links,
// sessions) and keeps what the statistics need in anonymised form: orders, support tickets and
// appointments, survey outcomes lose the customer id and their free text about the person
// (verbatims, a ticket's words, postcode). Works with
// whatever tables exist in the database (checked in sqlite_master), so it is correct whichever
// areas are installed. All in one transaction: all erased, or nothing.
//
// Thread safety: safe from many threads (goes through Database::Write).
#pragma once

#include <string>

#include "core/status.h"

namespace chariot::store {

class Database;

struct ErasureReport {
  int deleted_rows = 0;     // rows removed (list items, profile, sessions...)
  int anonymised_rows = 0;  // rows kept without the customer's id (orders, ratings...)
};

// InvalidArgument when user_id is empty. OK with zero counts when nothing was stored for them.
// (PostgreSQL: EraseCustomerPg in store/postgres/pg_survey_store.h; the rules of both are in
// store/erasure_rules.h.)
Result<ErasureReport> EraseCustomer(Database& database, const std::string& user_id);

}  // namespace chariot::store
