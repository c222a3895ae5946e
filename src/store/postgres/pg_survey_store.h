// PgSurveyStore: SurveyStore on PostgreSQL (table survey_outcomes,
// schemas/migrations/postgres/0004_feedback.sql). Borrows the PgDatabase, which must outlive it.
// Several instances may share the database: Insert is INSERT ... ON CONFLICT DO NOTHING, so two
// instances ending the same session still leave one record.
//
// Thread safety: safe from many threads.
#pragma once

#include "store/erasure.h"
#include "store/postgres/pg_database.h"
#include "store/survey_store.h"

namespace chariot::store {

class PgSurveyStore : public SurveyStore {
 public:
  explicit PgSurveyStore(PgDatabase& db) : db_(db) {}

  // SurveyStore
  Result<bool> Insert(const SurveyOutcome& outcome) override;
  Result<std::optional<int64_t>> LastAskedAt(const std::string& user_id) override;
  Result<std::vector<SurveyOutcome>> List(const SurveyFilter& filter, int limit,
                                          int offset) override;
  Result<SurveyOutcome> Get(const std::string& session_id) override;
  Status MarkContacted(const std::string& session_id, const std::string& by, int64_t at) override;
  Result<int> EraseVerbatimsBefore(int64_t before) override;

 private:
  PgDatabase& db_;
};

// EraseCustomer (store/erasure.h) on PostgreSQL: the same rules, over the tables found in
// information_schema for the current schema.
Result<ErasureReport> EraseCustomerPg(PgDatabase& db, const std::string& user_id);

}  // namespace chariot::store
