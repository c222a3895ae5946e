#include "store/sqlite/survey_store.h"

#include <sstream>

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

SurveyOutcome ReadRow(SQLite::Statement& s) {
  SurveyOutcome o;
  o.session_id = s.getColumn(0).getString();
  o.user_id = s.getColumn(1).getString();
  o.channel = s.getColumn(2).getString();
  o.locale = s.getColumn(3).getString();
  o.flows = SplitFlows(s.getColumn(4).getString());
  o.task_outcome = s.getColumn(5).getString();
  o.kind = s.getColumn(6).getString();
  o.outcome = s.getColumn(7).getString();
  if (!s.getColumn(8).isNull()) o.score = s.getColumn(8).getInt();
  o.verbatim = s.getColumn(9).getString();
  o.reason = s.getColumn(10).getString();
  o.turns = s.getColumn(11).getInt();
  o.not_understood_turns = s.getColumn(12).getInt();
  o.started_at = s.getColumn(13).getInt64();
  o.ended_at = s.getColumn(14).getInt64();
  o.asked = s.getColumn(15).getInt() != 0;
  o.detractor = s.getColumn(16).getInt() != 0;
  if (!s.getColumn(17).isNull()) o.contacted_at = s.getColumn(17).getInt64();
  o.contacted_by = s.getColumn(18).getString();
  return o;
}

void BindOptional(SQLite::Statement& s, int index, const std::optional<int64_t>& v) {
  if (v) {
    s.bind(index, static_cast<int64_t>(*v));
  } else {
    s.bind(index);
  }
}

}  // namespace

// SurveyStore

Result<bool> SqliteSurveyStore::Insert(const SurveyOutcome& o) {
  if (o.session_id.empty()) return Status::InvalidArgument("a survey outcome needs a session id");
  bool inserted = false;
  Status status = database_.Write([&](Connection& c) -> Status {
    auto& s = c.Prepare(std::string("INSERT OR IGNORE INTO survey_outcomes (") + kColumns +
                        ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, "
                        "?15, ?16, ?17, ?18, ?19)");
    s.bind(1, o.session_id);
    s.bind(2, o.user_id);
    s.bind(3, o.channel);
    s.bind(4, o.locale);
    s.bind(5, JoinFlows(o.flows));
    s.bind(6, o.task_outcome);
    s.bind(7, o.kind.empty() ? std::string("nps") : o.kind);
    s.bind(8, o.outcome);
    if (o.score) {
      s.bind(9, *o.score);
    } else {
      s.bind(9);
    }
    s.bind(10, o.verbatim);
    s.bind(11, o.reason);
    s.bind(12, o.turns);
    s.bind(13, o.not_understood_turns);
    s.bind(14, static_cast<int64_t>(o.started_at));
    s.bind(15, static_cast<int64_t>(o.ended_at));
    s.bind(16, o.asked ? 1 : 0);
    s.bind(17, o.detractor ? 1 : 0);
    BindOptional(s, 18, o.contacted_at);
    s.bind(19, o.contacted_by);
    inserted = s.exec() == 1;
    return Status::Ok();
  });
  if (!status.ok()) return status;
  return inserted;
}

Result<std::optional<int64_t>> SqliteSurveyStore::LastAskedAt(const std::string& user_id) {
  return database_.Read([&](Connection& c) -> Result<std::optional<int64_t>> {
    auto& s =
        c.Prepare("SELECT max(ended_at) FROM survey_outcomes WHERE user_id = ?1 AND asked = 1");
    s.bind(1, user_id);
    std::optional<int64_t> last;
    if (s.executeStep() && !s.getColumn(0).isNull()) last = s.getColumn(0).getInt64();
    return last;
  });
}

Result<std::vector<SurveyOutcome>> SqliteSurveyStore::List(const SurveyFilter& f, int limit,
                                                           int offset) {
  if (limit < 1 || limit > 100000 || offset < 0) {
    return Status::InvalidArgument("limit must be 1..100000 and offset not negative");
  }
  return database_.Read([&](Connection& c) -> Result<std::vector<SurveyOutcome>> {
    // One statement for every filter (cached once): an empty or NULL parameter matches all.
    auto& s = c.Prepare(std::string("SELECT ") + kColumns +
                        " FROM survey_outcomes WHERE (?1 IS NULL OR ended_at >= ?1)"
                        " AND (?2 IS NULL OR ended_at < ?2)"
                        " AND (?3 = '' OR instr(',' || flows || ',', ',' || ?3 || ',') > 0)"
                        " AND (?4 = '' OR channel = ?4) AND (?5 = '' OR locale = ?5)"
                        " AND (?6 = '' OR kind = ?6) AND (?7 = '' OR outcome = ?7)"
                        " AND (?8 = 0 OR detractor = 1) AND (?11 = 0 OR contacted_at IS NULL)"
                        " ORDER BY ended_at DESC, session_id LIMIT ?9 OFFSET ?10");
    BindOptional(s, 1, f.from);
    BindOptional(s, 2, f.to);
    s.bind(3, f.flow);
    s.bind(4, f.channel);
    s.bind(5, f.locale);
    s.bind(6, f.kind);
    s.bind(7, f.outcome);
    s.bind(8, f.detractors_only ? 1 : 0);
    s.bind(9, limit);
    s.bind(10, offset);
    s.bind(11, f.not_contacted_only ? 1 : 0);
    std::vector<SurveyOutcome> rows;
    while (s.executeStep()) rows.push_back(ReadRow(s));
    return rows;
  });
}

Result<SurveyOutcome> SqliteSurveyStore::Get(const std::string& session_id) {
  return database_.Read([&](Connection& c) -> Result<SurveyOutcome> {
    auto& s = c.Prepare(std::string("SELECT ") + kColumns +
                        " FROM survey_outcomes WHERE session_id = ?1");
    s.bind(1, session_id);
    if (!s.executeStep()) return Status::NotFound("no survey outcome for this session");
    return ReadRow(s);
  });
}

Status SqliteSurveyStore::MarkContacted(const std::string& session_id, const std::string& by,
                                        int64_t at) {
  return database_.Write([&](Connection& c) -> Status {
    auto& find = c.Prepare("SELECT detractor FROM survey_outcomes WHERE session_id = ?1");
    find.bind(1, session_id);
    if (!find.executeStep()) return Status::NotFound("no survey outcome for this session");
    bool detractor = find.getColumn(0).getInt() != 0;
    find.reset();
    if (!detractor) return Status::Conflict("only a detractor's rating is on the call-back list");
    auto& s = c.Prepare(
        "UPDATE survey_outcomes SET contacted_at = ?2, contacted_by = ?3 WHERE session_id = ?1");
    s.bind(1, session_id);
    s.bind(2, static_cast<int64_t>(at));
    s.bind(3, by);
    s.exec();
    return Status::Ok();
  });
}

Result<int> SqliteSurveyStore::EraseVerbatimsBefore(int64_t before) {
  int erased = 0;
  Status status = database_.Write([&](Connection& c) -> Status {
    auto& s = c.Prepare(
        "UPDATE survey_outcomes SET verbatim = '' WHERE ended_at < ?1 AND verbatim <> ''");
    s.bind(1, static_cast<int64_t>(before));
    erased = s.exec();
    return Status::Ok();
  });
  if (!status.ok()) return status;
  return erased;
}

}  // namespace chariot::store
