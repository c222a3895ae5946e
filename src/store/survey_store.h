// SurveyStore: the satisfaction survey's outcome records, one per ended session.
//
// A record is written once, when its session ends; a second write for the same session id is
// ignored (Insert returns false), so a retried end or a sweeper racing a request can never count
// a session twice. Records are read back filtered for the dashboard, the admin API and CSV.
//
// Thread safety: implementations are safe from many threads.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/status.h"

namespace chariot::store {

struct SurveyOutcome {
  std::string session_id;
  std::string user_id;  // "" once the customer's data was erased
  std::string channel;  // "alexa", "dialogflow", "twilio", "api", "chat"
  std::string locale;
  std::vector<std::string> flows;  // flows visited, in order
  std::string task_outcome;        // "completed", "abandoned", "failed" or ""
  std::string kind;                // "nps", "csat", "goal"
  std::string outcome;       // "answered", "declined", "no_answer", "not_understood", "not_asked"
  std::optional<int> score;  // for "answered"
  std::string verbatim;      // the follow-up's words, or what was said when not understood
  std::string reason;        // why not asked ("user_stopped", "emergency", "sampling", ...)
  int turns = 0;
  int not_understood_turns = 0;
  int64_t started_at = 0;  // Unix seconds
  int64_t ended_at = 0;
  bool asked = false;      // the question was put to the customer
  bool detractor = false;  // answered with a detractor's score (for the call-back list)
  std::optional<int64_t> contacted_at;  // a team member called the detractor back
  std::string contacted_by;
};

struct SurveyFilter {
  std::optional<int64_t> from;  // ended_at >= from
  std::optional<int64_t> to;    // ended_at < to
  std::string flow;             // "" any; else the session visited this flow
  std::string channel;
  std::string locale;
  std::string kind;     // "" any
  std::string outcome;  // "" any
  bool detractors_only = false;
  bool not_contacted_only = false;  // detractors nobody has called back yet
};

class SurveyStore {
 public:
  virtual ~SurveyStore() = default;

  // Writes the record; true when written, false when the session already had one. Durable when
  // OK. InvalidArgument when session_id is empty.
  virtual Result<bool> Insert(const SurveyOutcome& outcome) = 0;
  // The latest ended_at of a session of this customer where the question was asked; nullopt
  // when never.
  virtual Result<std::optional<int64_t>> LastAskedAt(const std::string& user_id) = 0;
  // Records matching filter, newest first, at most limit (1..100000) from offset.
  virtual Result<std::vector<SurveyOutcome>> List(const SurveyFilter& filter, int limit,
                                                  int offset) = 0;
  // One record; NotFound when unknown.
  virtual Result<SurveyOutcome> Get(const std::string& session_id) = 0;
  // Marks an answered detractor as called back. NotFound when unknown; Conflict when the record
  // is not a detractor's.
  virtual Status MarkContacted(const std::string& session_id, const std::string& by,
                               int64_t at) = 0;
  // Blanks verbatims of records that ended before `before`; returns how many.
  virtual Result<int> EraseVerbatimsBefore(int64_t before) = 0;
};

}  // namespace chariot::store
