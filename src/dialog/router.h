// Router: the table that picks a handler for (dialog state, intent).
//
// Lookup, most specific first: (state, intent), then (state, "*") — a state that reads every
// answer itself, e.g. a question waiting for a number —, then ("*", intent), then the fallback.
// Priority intents (Stop, Cancel, Help, Repeat, ReportProblem, TalkToHuman) skip (state, "*"), so
// they are honoured in every state; an exact (state, intent) handler still wins for them.
// Registration order never matters; registering the same key twice is a programming error and
// throws at start.
//
// Thread safety: filled at start, then read-only and safe from many threads.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <utility>

#include "dialog/context.h"

namespace chariot::dialog {

using Handler = std::function<void(Context&, Response&)>;

inline constexpr const char* kAnyState = "*";
inline constexpr const char* kAnyIntent = "*";

class Router {
 public:
  void On(const std::string& state, const std::string& intent, Handler handler);
  void SetFallback(Handler handler) { fallback_ = std::move(handler); }
  // The handler for (state, intent); the fallback when none fits (never null once set).
  const Handler& Find(const std::string& state, const std::string& intent) const;
  bool Has(const std::string& state, const std::string& intent) const;

 private:
  std::map<std::pair<std::string, std::string>, Handler> table_;
  Handler fallback_;
};

// Each flow registers its handlers; defined in dialog/flows/<flow>.cpp.
void RegisterCoreFlow(Router& router);      // welcome, help, fallback, done
void RegisterShoppingFlow(Router& router);  // list, catalog questions, orders
void RegisterSupportFlow(Router& router);   // emergencies, triage, tickets, appointments
void RegisterSurveyFlow(Router& router);    // the satisfaction question's answers

}  // namespace chariot::dialog
