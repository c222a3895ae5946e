#include "store/postgres/pg_survey_store.h"

#include <set>

#include <algorithm>
#include <sstream>

#include "store/erasure_rules.h"

namespace chariot::store {
namespace {

constexpr const char* kColumns =
    "session_id, user_id, channel, locale, flows, task_outcome, kind, outcome, score, verbatim, "
    "reason, turns, not_understood_turns, started_at, ended_at, asked, detractor, contacted_at, "
    "contacted_by";

// libpqxx 6 has no portable way to bind NULL: -1 stands for "none" in the statements below
// (scores are 0..10 and times are Unix seconds, never negative).
constexpr int64_t kNone = -1;

std::string JoinFlows(const std::vector<std::string>& flows) {
  std::string joined;
  for (const auto& flow : flows) joined += (joined.empty() ? "" : ",") + flow;
  return joined;
}

std::vector<std::string> SplitFlows(const std::string& joined) {
  std::vector<std::string> flows;
  std::stringstream in(joined);
  for (std::string flow; std::getline(in, flow, ',');) {
    if (!flow.empty()) flows.push_back(flow);
  }
  return flows;
}

SurveyOutcome FromRow(const pqxx::row& r) {
  SurveyOutcome o;
  o.session_id = r[0].as<std::string>();
  o.user_id = r[1].as<std::string>();
  o.channel = r[2].as<std::string>();
  o.locale = r[3].as<std::string>();
  o.flows = SplitFlows(r[4].as<std::string>());
  o.task_outcome = r[5].as<std::string>();
  o.kind = r[6].as<std::string>();
  o.outcome = r[7].as<std::string>();
  if (!r[8].is_null()) o.score = r[8].as<int>();
  o.verbatim = r[9].as<std::string>();
  o.reason = r[10].as<std::string>();
  o.turns = r[11].as<int>();
  o.not_understood_turns = r[12].as<int>();
  o.started_at = r[13].as<int64_t>();
  o.ended_at = r[14].as<int64_t>();
  o.asked = r[15].as<int>() != 0;
  o.detractor = r[16].as<int>() != 0;
  if (!r[17].is_null()) o.contacted_at = r[17].as<int64_t>();
  o.contacted_by = r[18].as<std::string>();
  return o;
}

// The table's CHECK constraints, tested before writing: SQLite's INSERT OR IGNORE skips a row
// that breaks them, where PostgreSQL would fail the transaction.
bool PassesChecks(const SurveyOutcome& o) {
  static const std::set<std::string> kKinds = {"", "nps", "csat", "goal"};
  static const std::set<std::string> kOutcomes = {"answered", "declined", "no_answer",
                                                  "not_understood", "not_asked"};
  if (!kKinds.count(o.kind) || !kOutcomes.count(o.outcome)) return false;
  if ((o.outcome == "answered") != o.score.has_value()) return false;
  return !o.score || (*o.score >= 0 && *o.score <= 10);
}

}  // namespace

// SurveyStore

Result<bool> PgSurveyStore::Insert(const SurveyOutcome& o) {
  if (o.session_id.empty()) return Status::InvalidArgument("a survey outcome needs a session id");
  if (!PassesChecks(o)) return false;  // as SQLite's INSERT OR IGNORE: not written
  bool inserted = false;
  Status status = db_.Write([&](PgTransaction& tx) -> Status {
    auto result = tx.Run(
        std::string("INSERT INTO survey_outcomes (") + kColumns +
            ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, NULLIF($9, -1), $10, $11, $12, $13, $14, "
            "$15, $16, $17, NULLIF($18::bigint, -1), $19) ON CONFLICT (session_id) DO NOTHING",
        o.session_id, o.user_id, o.channel, o.locale, JoinFlows(o.flows), o.task_outcome,
        o.kind.empty() ? std::string("nps") : o.kind, o.outcome,
        o.score ? static_cast<int64_t>(*o.score) : kNone, o.verbatim, o.reason, o.turns,
        o.not_understood_turns, o.started_at, o.ended_at, o.asked ? 1 : 0, o.detractor ? 1 : 0,
        o.contacted_at ? *o.contacted_at : kNone, o.contacted_by);
    inserted = result.affected_rows() == 1;
    return Status::Ok();
  });
  if (!status.ok()) return status;
  return inserted;
}

Result<std::optional<int64_t>> PgSurveyStore::LastAskedAt(const std::string& user_id) {
  return db_.Read([&](PgTransaction& tx) -> Result<std::optional<int64_t>> {
    auto rows = tx.Run("SELECT max(ended_at) FROM survey_outcomes WHERE user_id = $1 AND asked = 1",
                       user_id);
    if (rows.empty() || rows[0][0].is_null()) return std::optional<int64_t>();
    return std::optional<int64_t>(rows[0][0].as<int64_t>());
  });
}

Result<std::vector<SurveyOutcome>> PgSurveyStore::List(const SurveyFilter& f, int limit,
                                                       int offset) {
  if (limit < 1 || limit > 100000 || offset < 0) {
    return Status::InvalidArgument("limit must be 1..100000 and offset not negative");
  }
  return db_.Read([&](PgTransaction& tx) -> Result<std::vector<SurveyOutcome>> {
    // ::bigint: otherwise PostgreSQL types $1/$2 from "-1" as integer, and a bound after 2038
    // ("to=2999-12-31") fails as out of range.
    auto rows =
        tx.Run(std::string("SELECT ") + kColumns +
                   " FROM survey_outcomes WHERE ($1::bigint = -1 OR ended_at >= $1)"
                   " AND ($2::bigint = -1 OR ended_at < $2)"
                   " AND ($3 = '' OR position(',' || $3 || ',' IN ',' || flows || ',') > 0)"
                   " AND ($4 = '' OR channel = $4) AND ($5 = '' OR locale = $5)"
                   " AND ($6 = '' OR kind = $6) AND ($7 = '' OR outcome = $7)"
                   " AND ($8 = 0 OR detractor = 1) AND ($11 = 0 OR contacted_at IS NULL)"
                   " ORDER BY ended_at DESC, session_id LIMIT $9 OFFSET $10",
               f.from ? *f.from : kNone, f.to ? *f.to : kNone, f.flow, f.channel, f.locale, f.kind,
               f.outcome, f.detractors_only ? 1 : 0, limit, offset, f.not_contacted_only ? 1 : 0);
    std::vector<SurveyOutcome> outcomes;
    for (const auto& row : rows) outcomes.push_back(FromRow(row));
    return outcomes;
  });
}

Result<SurveyOutcome> PgSurveyStore::Get(const std::string& session_id) {
  return db_.Read([&](PgTransaction& tx) -> Result<SurveyOutcome> {
    auto rows =
        tx.Run(std::string("SELECT ") + kColumns + " FROM survey_outcomes WHERE session_id = $1",
               session_id);
    if (rows.empty()) return Status::NotFound("no survey outcome for this session");
    return FromRow(rows[0]);
  });
}

Status PgSurveyStore::MarkContacted(const std::string& session_id, const std::string& by,
                                    int64_t at) {
  return db_.Write([&](PgTransaction& tx) -> Status {
    auto rows = tx.Run("SELECT detractor FROM survey_outcomes WHERE session_id = $1 FOR UPDATE",
                       session_id);
    if (rows.empty()) return Status::NotFound("no survey outcome for this session");
    if (rows[0][0].as<int>() == 0) {
      return Status::Conflict("only a detractor's rating is on the call-back list");
    }
    tx.Run("UPDATE survey_outcomes SET contacted_at = $2, contacted_by = $3 WHERE session_id = $1",
           session_id, at, by);
    return Status::Ok();
  });
}

Result<int> PgSurveyStore::EraseVerbatimsBefore(int64_t before) {
  int erased = 0;
  Status status = db_.Write([&](PgTransaction& tx) -> Status {
    auto result = tx.Run(
        "UPDATE survey_outcomes SET verbatim = '' WHERE ended_at < $1 AND verbatim <> ''", before);
    erased = static_cast<int>(result.affected_rows());
    return Status::Ok();
  });
  if (!status.ok()) return status;
  return erased;
}

Result<ErasureReport> EraseCustomerPg(PgDatabase& db, const std::string& user_id) {
  if (user_id.empty()) return Status::InvalidArgument("a customer id is required");
  ErasureReport report;
  Status status = db.Write([&](PgTransaction& tx) -> Status {
    report = ErasureReport();
    std::vector<std::string> tables;
    for (const auto& row : tx.Run("SELECT table_name FROM information_schema.tables WHERE "
                                  "table_schema = current_schema() AND table_type = 'BASE TABLE' "
                                  "ORDER BY table_name")) {
      tables.push_back(row[0].as<std::string>());
    }
    std::stable_partition(tables.begin(), tables.end(), KeptForStatistics);
    for (const std::string& table : tables) {
      std::vector<TableColumn> columns;
      for (const auto& row : tx.Run("SELECT column_name, is_nullable FROM "
                                    "information_schema.columns WHERE table_schema = "
                                    "current_schema() AND table_name = $1",
                                    table)) {
        columns.push_back({row[0].as<std::string>(), row[1].as<std::string>() == "NO"});
      }
      auto plan = PlanErasure(table, columns, "$1");
      if (!plan) continue;
      // One prepared statement per table, cached by the connection: a small, fixed number.
      auto result = tx.Run(plan->sql, user_id);
      (plan->anonymises ? report.anonymised_rows : report.deleted_rows) +=
          static_cast<int>(result.affected_rows());
    }
    return Status::Ok();
  });
  if (!status.ok()) return status;
  return report;
}

}  // namespace chariot::store
