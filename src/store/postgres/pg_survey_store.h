// SurveyStore over PostgreSQL (schemas/migrations/postgres/0004_feedback.sql). Same contract as
// the SQLite one: Insert is INSERT ... ON CONFLICT DO NOTHING on the session id, so a sweeper on
// one instance and a request on another can never count a session twice. As SQLite's INSERT OR
// IGNORE, a record breaking the table's checks is not written (Insert returns false).
//
// Thread safety: safe from many threads and many processes.
#pragma once

#include "store/postgres/pg_database.h"
#include "store/survey_store.h"

namespace chariot::store {

class PgSurveyStore : public SurveyStore {
 public:
  explicit PgSurveyStore(PgDatabase& db) : db_(db) {}
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

}  // namespace chariot::store
