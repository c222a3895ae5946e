// SqliteSurveyStore: SurveyStore on the embedded SQLite database (table survey_outcomes,
// schemas/migrations/0004_feedback.sql). Borrows the Database, which must outlive it.
//
// Thread safety: safe from many threads (every call goes through Database::Read/Write).
#pragma once

#include "store/database.h"
#include "store/survey_store.h"

namespace chariot::store {

class SqliteSurveyStore : public SurveyStore {
 public:
  explicit SqliteSurveyStore(Database& database) : database_(database) {}

  // SurveyStore
  Result<bool> Insert(const SurveyOutcome& outcome) override;
  Result<std::optional<int64_t>> LastAskedAt(const std::string& user_id) override;
  Result<std::vector<SurveyOutcome>> List(const SurveyFilter& filter, int limit,
                                          int offset) override;
  Result<SurveyOutcome> Get(const std::string& session_id) override;
  Status MarkContacted(const std::string& session_id, const std::string& by, int64_t at) override;
  Result<int> EraseVerbatimsBefore(int64_t before) override;

 private:
  Database& database_;
};

}  // namespace chariot::store
