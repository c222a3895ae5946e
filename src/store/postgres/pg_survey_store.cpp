#include <set>
#include <sstream>

#include "store/postgres/pg_rows.h"
#include "store/postgres/pg_survey_store.h"

namespace chariot::store {
namespace {

constexpr const char* kColumns =
    "session_id, user_id, channel, locale, flows, task_outcome, kind, outcome, score, verbatim, "
    "reason, turns, not_understood_turns, started_at, ended_at, asked, detractor, contacted_at, "
    "contacted_by";

std::string JoinFlows(const std::vector<std::string>& flows) {
  std::string joined;
  for (const auto& flow : flows) {
    if (!joined.empty()) joined += ',';
    joined += flow;
  }
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

SurveyOutcome ReadRow(const pqxx::row& r) {
  SurveyOutcome o;
  o.session_id = pg::Text(r[0]);
  o.user_id = pg::Text(r[1]);
  o.channel = pg::Text(r[2]);
  o.locale = pg::Text(r[3]);
  o.flows = SplitFlows(pg::Text(r[4]));
  o.task_outcome = pg::Text(r[5]);
  o.kind = pg::Text(r[6]);
  o.outcome = pg::Text(r[7]);
  if (!r[8].is_null()) o.score = static_cast<int>(pg::Int(r[8]));
  o.verbatim = pg::Text(r[9]);
  o.reason = pg::Text(r[10]);
  o.turns = static_cast<int>(pg::Int(r[11]));
  o.not_understood_turns = static_cast<int>(pg::Int(r[12]));
  o.started_at = pg::Int(r[13]);
  o.ended_at = pg::Int(r[14]);
  o.asked = pg::Int(r[15]) != 0;
  o.detractor = pg::Int(r[16]) != 0;
  if (!r[17].is_null()) o.contacted_at = pg::Int(r[17]);
  o.contacted_by = pg::Text(r[18]);
  return o;
}

// The table's CHECK constraints, tested before writing: SQLite's INSERT OR IGNORE skips a row
// that breaks them, and PostgreSQL would abort the whole transaction instead.
bool Valid(const SurveyOutcome& o, const std::string& kind) {
  static const std::set<std::string> kKinds = {"nps", "csat", "goal"};
  static const std::set<std::string> kOutcomes = {"answered", "declined", "no_answer",
                                                  "not_understood", "not_asked"};
  if (!kKinds.count(kind) || !kOutcomes.count(o.outcome)) return false;
  if ((o.outcome == "answered") != o.score.has_value()) return false;
  return !o.score || (*o.score >= 0 && *o.score <= 10);
}

}  // namespace

Result<bool> PgSurveyStore::Insert(const SurveyOutcome& o) {
  if (o.session_id.empty()) return Status::InvalidArgument("a survey outcome needs a session id");
  const std::string kind = o.kind.empty() ? std::string("nps") : o.kind;
  if (!Valid(o, kind)) return false;
  bool inserted = false;
  Status status = db_.Write([&](PgTransaction& tx) -> Status {
    pg::NullableInt score(o.score ? std::optional<int64_t>(*o.score) : std::nullopt);
    pg::NullableInt contacted(o.contacted_at);
    auto rows = tx.Run(std::string("INSERT INTO survey_outcomes (") + kColumns +
                           ") VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,"
                           "$18,$19) ON CONFLICT (session_id) DO NOTHING",
                       o.session_id, o.user_id, o.channel, o.locale, JoinFlows(o.flows),
                       o.task_outcome, kind, o.outcome, score.get(), o.verbatim, o.reason, o.turns,
                       o.not_understood_turns, o.started_at, o.ended_at, o.asked ? 1 : 0,
                       o.detractor ? 1 : 0, contacted.get(), o.contacted_by);
    inserted = rows.affected_rows() == 1;
    return Status::Ok();
  });
  if (!status.ok()) return status;
  return inserted;
}

Result<std::optional<int64_t>> PgSurveyStore::LastAskedAt(const std::string& user_id) {
  return db_.Read([&](PgTransaction& tx) -> Result<std::optional<int64_t>> {
    auto rows = tx.Run("SELECT max(ended_at) FROM survey_outcomes WHERE user_id = $1 AND asked = 1",
                       user_id);
    std::optional<int64_t> last;
    if (!rows.empty() && !rows[0][0].is_null()) last = pg::Int(rows[0][0]);
    return last;
  });
}

Result<std::vector<SurveyOutcome>> PgSurveyStore::List(const SurveyFilter& f, int limit,
                                                       int offset) {
  if (limit < 1 || limit > 100000 || offset < 0) {
    return Status::InvalidArgument("limit must be 1..100000 and offset not negative");
  }
  return db_.Read([&](PgTransaction& tx) -> Result<std::vector<SurveyOutcome>> {
    pg::NullableInt from(f.from);
    pg::NullableInt to(f.to);
    // One prepared statement for every filter: an empty or NULL parameter matches all.
    auto rows = tx.Run(std::string("SELECT ") + kColumns +
                           " FROM survey_outcomes WHERE ($1::bigint IS NULL OR ended_at >= $1)"
                           " AND ($2::bigint IS NULL OR ended_at < $2)"
                           " AND ($3::text = '' OR position(',' || $3 || ',' in "
                           "',' || flows || ',') > 0)"
                           " AND ($4::text = '' OR channel = $4) AND ($5::text = '' OR locale = $5)"
                           " AND ($6::text = '' OR kind = $6) AND ($7::text = '' OR outcome = $7)"
                           " AND ($8::int = 0 OR detractor = 1)"
                           " AND ($11::int = 0 OR contacted_at IS NULL)"
                           " ORDER BY ended_at DESC, session_id LIMIT $9 OFFSET $10",
                       from.get(), to.get(), f.flow, f.channel, f.locale, f.kind, f.outcome,
                       f.detractors_only ? 1 : 0, limit, offset, f.not_contacted_only ? 1 : 0);
    std::vector<SurveyOutcome> out;
    for (const auto& r : rows) out.push_back(ReadRow(r));
    return out;
  });
}

Result<SurveyOutcome> PgSurveyStore::Get(const std::string& session_id) {
  return db_.Read([&](PgTransaction& tx) -> Result<SurveyOutcome> {
    auto rows =
        tx.Run(std::string("SELECT ") + kColumns + " FROM survey_outcomes WHERE session_id = $1",
               session_id);
    if (rows.empty()) return Status::NotFound("no survey outcome for this session");
    return ReadRow(rows[0]);
  });
}

Status PgSurveyStore::MarkContacted(const std::string& session_id, const std::string& by,
                                    int64_t at) {
  return db_.Write([&](PgTransaction& tx) -> Status {
    auto rows = tx.Run("SELECT detractor FROM survey_outcomes WHERE session_id = $1 FOR UPDATE",
                       session_id);
    if (rows.empty()) return Status::NotFound("no survey outcome for this session");
    if (pg::Int(rows[0][0]) == 0) {
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
    erased = static_cast<int>(
        tx.Run("UPDATE survey_outcomes SET verbatim = '' WHERE ended_at < $1 AND verbatim <> ''",
               before)
            .affected_rows());
    return Status::Ok();
  });
  if (!status.ok()) return status;
  return erased;
}

}  // namespace chariot::store
