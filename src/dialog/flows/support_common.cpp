// Helpers shared by the support flow's handlers (see support_flow.h).
#include <cstdio>

#include "commerce/shopping_service.h"
#include "dialog/flows/support_flow.h"
#include "support/department.h"
#include "support/spoken_time.h"
#include "support/text_match.h"

namespace chariot::dialog::support_flow {

nlohmann::json& Memory(Context& c) {
  nlohmann::json& memory = c.session.data["support"];
  if (!memory.is_object()) memory = nlohmann::json::object();
  return memory;
}

void ResetMemory(Context& c) { c.session.data["support"] = nlohmann::json::object(); }

int64_t TicketId(Context& c) {
  const nlohmann::json& memory = Memory(c);
  auto it = memory.find("ticket");
  return it != memory.end() && it->is_number_integer() ? it->get<int64_t>() : 0;
}

void SayAdvice(Speech& speech, const std::vector<support::AdvicePiece>& pieces) {
  for (const auto& piece : pieces) {
    if (piece.kind == support::AdvicePiece::kTelephone) {
      speech.Telephone(piece.text);
    } else {
      speech.Say(piece.text);
    }
  }
}

std::string Words(const Context& c) {
  constexpr size_t kMax = 500;
  std::string text = c.turn.text.size() > kMax ? c.turn.text.substr(0, kMax) : c.turn.text;
  // Do not cut a UTF-8 sequence in two.
  while (!text.empty() && text.size() == kMax &&
         (static_cast<unsigned char>(text.back()) & 0xC0) == 0x80) {
    text.pop_back();
  }
  return text;
}

void Ask(Context& c, Response& r, const std::string& state, const std::string& question_key,
         const std::string& reprompt_key, const std::map<std::string, std::string>& vars) {
  r.speech.Say(c.Say(question_key, vars));
  r.reprompt.Say(c.Say(reprompt_key.empty() ? question_key : reprompt_key, vars));
  c.session.state = state;
}

void SayError(Context& c, Response& r) {
  r.speech.Say(c.Say("support.error"));
  c.session.state.clear();
}

std::string KindPhrase(Context& c, const std::string& kind, const std::string& store_id) {
  std::string store;
  if (c.services.support != nullptr) {
    if (const auto* info = c.services.support->calendar().Store(store_id)) store = info->name;
  }
  return c.Say("support.kind." + kind, {{"store", store}});
}

std::string When(Context& c, int64_t start) {
  return support::SpokenSlot(start, c.clock.NowSeconds(), c.session.locale);
}

bool Heard(const Context& c, const std::map<std::string, std::vector<std::string>>& phrases) {
  auto it = phrases.find(c.session.locale);
  if (it == phrases.end() || c.turn.text.empty()) return false;
  return support::ContainsAnyPhrase(support::FoldForMatching(c.turn.text), it->second);
}

bool ReadYes(const Context& c, bool understood_yes) {
  if (c.services.support == nullptr || c.turn.text.empty()) return understood_yes;
  if (Heard(c, c.services.support->knowledge().still_not_phrases)) return false;
  return understood_yes;
}

std::optional<bool> HeardYesNo(const Context& c) {
  if (c.services.support == nullptr) return std::nullopt;
  const auto& knowledge = c.services.support->knowledge();
  const bool no = Heard(c, knowledge.no_phrases);
  const bool yes = Heard(c, knowledge.yes_phrases);
  if (no == yes) return std::nullopt;
  return yes;
}

Handler YesNoFallback(std::function<void(Context&, Response&, bool)> answer,
                      std::string reprompt_key) {
  return [answer = std::move(answer), reprompt_key = std::move(reprompt_key)](Context& c,
                                                                              Response& r) {
    if (auto yes = HeardYesNo(c)) return answer(c, r, *yes);
    r.not_understood = true;
    r.speech.Say(c.Say(reprompt_key));
  };
}

std::string HeardKind(const Context& c) {
  std::string slot = c.Slot("appointment");
  if (support::IsAppointmentKind(slot)) return slot;
  if (c.services.support == nullptr || c.turn.text.empty()) return "";
  const auto& by_locale = c.services.support->knowledge().kind_phrases;
  auto it = by_locale.find(c.session.locale);
  if (it == by_locale.end()) return "";
  const std::string folded = support::FoldForMatching(c.turn.text);
  for (const auto& [kind, words] : it->second) {
    if (support::ContainsAnyPhrase(folded, words)) return kind;
  }
  return "";
}

std::string KnownPostcode(Context& c) {
  std::string postcode = Memory(c).value("postcode", std::string());
  if (!postcode.empty() || c.services.shopping == nullptr) return postcode;
  auto customer = c.services.shopping->customers().Find(c.session.user_id);
  if (customer.ok() && customer->has_value() &&
      support::DepartmentFromPostcode((*customer)->postcode)) {
    return (*customer)->postcode;
  }
  return "";
}

void RememberPostcode(Context& c, const std::string& postcode) {
  Memory(c)["postcode"] = postcode;
  if (c.services.support != nullptr && TicketId(c) != 0) {
    Status updated = c.services.support->UpdateTicket(c.session.user_id, TicketId(c), std::nullopt,
                                                      std::nullopt, postcode);
    if (!updated.ok()) {
      std::fprintf(stderr, "{\"level\":\"error\",\"event\":\"support_ticket_update_failed\"}\n");
    }
  }
  // The profile is shared with shopping (delivery, the nearest store); a failure there does not
  // stop the help given here.
  if (c.services.shopping != nullptr)
    c.services.shopping->customers().SetPostcode(c.session.user_id, postcode);
}

}  // namespace chariot::dialog::support_flow
