// Reporting a problem: safety advice first, the ticket, then the guided first steps, one at a
// time ("ça marche" / "toujours pas"), and for a power cut the network's fault line.
#include <cstdio>

#include "dialog/flows/support_flow.h"
#include "support/department.h"

namespace chariot::dialog::support_flow {
namespace {

using support::Tier;

void LogError(const char* event, const Status& status) {
  std::fprintf(stderr, "{\"level\":\"error\",\"event\":\"%s\",\"detail\":\"%s\"}\n", event,
               status.message().c_str());
}

// Says the advice blocks in order; a block that cannot be rendered is skipped (and logged) so
// that the others are still said.
void SayAdviceKeys(Context& c, Response& r, const std::vector<std::string>& keys,
                   const support::AdviceVariables& variables = {}) {
  for (const std::string& key : keys) {
    auto pieces = c.services.support->Advice(key, c.session.locale, variables);
    if (!pieces.ok()) {
      LogError("support_advice_failed", pieces.status());
      continue;
    }
    SayAdvice(r.speech, *pieces);
  }
}

std::string Problem(Context& c) { return Memory(c).value("problem", std::string("other")); }

const std::vector<support::GuidedStep>& Steps(Context& c) {
  return c.services.support->knowledge().Steps(Problem(c));
}

int StepIndex(Context& c) { return Memory(c).value("step", 0); }

void SayStep(Context& c, Response& r, size_t index) {
  const auto& step = Steps(c)[index];
  auto text = step.text.find(c.session.locale);
  r.speech.Say(text != step.text.end() ? text->second : step.text.begin()->second);
  r.speech.Say(c.Say("support.step_question"));
  r.reprompt.Say(c.Say("support.step_reprompt"));
  Memory(c)["step"] = index;
  c.session.state = kStep;
}

// A postcode said as digits, or as a number an understanding put in a slot.
std::string PostcodeFrom(const Context& c) {
  std::string postcode = support::ExtractPostcode(c.turn.text);
  if (!postcode.empty()) return postcode;
  for (const auto& [name, value] : c.slots) {
    std::string digits = support::ExtractPostcode(value);
    if (!digits.empty()) return digits;
  }
  return "";
}

void SayOutageLine(Context& c, Response& r, const std::string& postcode) {
  support::OutageLine line = c.services.support->OutageLineFor(postcode);
  if (line.kind == support::OutageLine::kEnedis) {
    SayAdviceKeys(c, r, {"power_outage_line"}, {line.number});
  } else {
    SayAdviceKeys(c, r, {"power_outage_not_enedis"});
  }
  OfferAdvisor(c, r);
}

// After the steps of a power cut: the fault line, which in France depends on the department.
void OutageLine(Context& c, Response& r) {
  if (c.session.locale != support::kLocaleFrench) {
    SayAdviceKeys(c, r, {"power_outage_line"});
    return OfferAdvisor(c, r);
  }
  std::string postcode = KnownPostcode(c);
  if (!postcode.empty()) return SayOutageLine(c, r, postcode);
  Ask(c, r, kOutagePostcode, "support.ask_postcode_outage", "support.postcode_reprompt");
}

}  // namespace

void StartSteps(Context& c, Response& r) {
  if (Steps(c).empty()) return OfferAdvisor(c, r);
  r.speech.Say(c.Say("support.steps_intro"));
  SayStep(c, r, 0);
}

void OnReportProblem(Context& c, Response& r) {
  c.session.Visit("support");
  support::SupportService* service = c.services.support;
  const std::string problem = c.Slot("problem");
  const std::string words = Words(c);
  if (service == nullptr) {
    r.speech.Say(c.Say("support.unavailable"));
    c.session.state.clear();
    if (problem == "gas_smell") {
      r.expect_answer = false;
      r.end_reason = "emergency";
    }
    return;
  }

  support::TriageResult triage = service->Triage(problem, words, c.session.locale);
  if (!support::IsProblemCode(problem) && triage.problem == "other" &&
      triage.tier != Tier::kEmergency && c.session.state != kAskProblem) {
    return Ask(c, r, kAskProblem, "support.ask_problem", "support.ask_problem");
  }

  ResetMemory(c);
  nlohmann::json& memory = Memory(c);
  memory["problem"] = triage.problem;
  memory["tier"] = support::TierName(triage.tier);
  memory["signals"] = triage.signals;
  c.session.state.clear();

  // Safety first: the advice is said before anything is asked or stored.
  SayAdviceKeys(c, r, triage.advice);

  support::NewTicket request{c.session.user_id, triage.problem,  triage.tier, words, "",
                             c.session.channel, c.session.locale};
  auto ticket = service->OpenTicket(request);
  if (ticket.ok()) {
    memory["ticket"] = ticket->id;
  } else {
    LogError("support_ticket_failed", ticket.status());
  }

  if (triage.ends_session) {
    // Leave now, call from outside: no question, no survey.
    r.expect_answer = false;
    r.end_reason = "emergency";
    c.session.task_outcome = "completed";
    return;
  }
  if (!ticket.ok()) return SayError(c, r);

  const std::string& p = triage.problem;
  if (p == "water_leak") {
    if (triage.tier == Tier::kEmergency) {
      return Ask(c, r, kPriorityHuman, "support.offer_priority_human",
                 "support.offer_priority_human_reprompt");
    }
    if (triage.ask_if_leak_stopped) {
      return Ask(c, r, kLeakStopped, "support.ask_leak_stopped",
                 "support.ask_leak_stopped_reprompt");
    }
    return StartSteps(c, r);
  }
  if (p == "other") r.speech.Say(c.Say("support.other_intro"));
  StartSteps(c, r);
}

void OnLeakAnswer(Context& c, Response& r, bool stopped) {
  if (c.services.support == nullptr) return SayError(c, r);
  nlohmann::json& memory = Memory(c);
  const Tier tier = stopped ? Tier::kUrgent : Tier::kEmergency;
  memory["tier"] = support::TierName(tier);
  Status updated = c.services.support->UpdateTicket(c.session.user_id, TicketId(c), tier,
                                                    std::nullopt, std::nullopt, Words(c));
  if (!updated.ok()) LogError("support_ticket_update_failed", updated);
  if (stopped) {
    r.speech.Say(c.Say("support.leak_stopped"));
    return StartSteps(c, r);
  }
  SayAdviceKeys(c, r, {"water_leak_emergency"});
  Ask(c, r, kPriorityHuman, "support.offer_priority_human",
      "support.offer_priority_human_reprompt");
}

void OnStepAnswer(Context& c, Response& r, bool works) {
  if (c.services.support == nullptr) return SayError(c, r);
  const auto& steps = Steps(c);
  const size_t index = static_cast<size_t>(StepIndex(c));
  if (index >= steps.size()) return AfterSteps(c, r);
  Status recorded = c.services.support->RecordStep(c.session.user_id, TicketId(c), steps[index].id,
                                                   works ? "works" : "still_not");
  if (!recorded.ok()) LogError("support_step_failed", recorded);
  if (works) {
    r.speech.Say(c.Say("support.step_works"));
    c.session.state.clear();
    r.finish = true;
    return;
  }
  if (index + 1 < steps.size()) {
    r.speech.Say(c.Say("support.step_next", {}));
    return SayStep(c, r, index + 1);
  }
  AfterSteps(c, r);
}

void OnStepFallback(Context& c, Response& r) {
  // "ça ne marche toujours pas" holds "marche": the negative phrases are checked first.
  if (c.services.support != nullptr) {
    const auto& knowledge = c.services.support->knowledge();
    if (Heard(c, knowledge.still_not_phrases)) return OnStepAnswer(c, r, false);
    if (Heard(c, knowledge.works_phrases)) return OnStepAnswer(c, r, true);
  }
  r.not_understood = true;
  r.speech.Say(c.Say("support.step_reprompt"));
}

void AfterSteps(Context& c, Response& r) {
  r.speech.Say(c.Say("support.steps_done"));
  if (Problem(c) == "power_outage") return OutageLine(c, r);
  if (OfferProduct(c, r)) return;
  OfferAdvisor(c, r);
}

void OnOutagePostcode(Context& c, Response& r) {
  if (c.services.support == nullptr) return SayError(c, r);
  nlohmann::json& memory = Memory(c);
  std::string postcode = PostcodeFrom(c);
  if (postcode.empty() || !support::DepartmentFromPostcode(postcode)) {
    int misses = memory.value("postcode_misses", 0) + 1;
    memory["postcode_misses"] = misses;
    if (misses >= 2) {
      // Give the rule itself rather than keep asking.
      SayAdviceKeys(c, r, {"power_outage_line_unknown"});
      return OfferAdvisor(c, r);
    }
    r.not_understood = true;
    r.speech.Say(c.Say("support.postcode_reprompt"));
    return;
  }
  RememberPostcode(c, postcode);
  SayOutageLine(c, r, postcode);
}

void RegisterReport(Router& router) {
  router.On(kAnyState, "ReportProblem", OnReportProblem);
  // The answer to "what is the problem?" when it was not understood as a ReportProblem.
  router.On(kAskProblem, "Fallback", [](Context& c, Response& r) {
    if (c.turn.text.empty()) {
      r.not_understood = true;
      r.speech.Say(c.Say("support.ask_problem"));
      return;
    }
    OnReportProblem(c, r);
  });

  router.On(kLeakStopped, "Yes",
            [](Context& c, Response& r) { OnLeakAnswer(c, r, ReadYes(c, true)); });
  router.On(kLeakStopped, "No", [](Context& c, Response& r) { OnLeakAnswer(c, r, false); });
  router.On(kLeakStopped, "Fallback", [](Context& c, Response& r) {
    if (c.services.support != nullptr) {
      auto triage = c.services.support->Triage("water_leak", Words(c), c.session.locale);
      if (triage.Has("not_stopping") || triage.Has("water_near_electricity")) {
        return OnLeakAnswer(c, r, false);
      }
      if (triage.Has("under_control")) return OnLeakAnswer(c, r, true);
      if (Heard(c, c.services.support->knowledge().still_not_phrases))
        return OnLeakAnswer(c, r, false);
      if (auto yes = HeardYesNo(c)) return OnLeakAnswer(c, r, *yes);
    }
    r.not_understood = true;
    r.speech.Say(c.Say("support.ask_leak_stopped_reprompt"));
  });

  router.On(kStep, "Yes", [](Context& c, Response& r) { OnStepAnswer(c, r, ReadYes(c, true)); });
  router.On(kStep, "No", [](Context& c, Response& r) { OnStepAnswer(c, r, false); });
  router.On(kStep, "Next", [](Context& c, Response& r) { OnStepAnswer(c, r, false); });
  router.On(kStep, "Fallback", OnStepFallback);

  router.On(kOutagePostcode, kAnyIntent, OnOutagePostcode);
}

}  // namespace chariot::dialog::support_flow
