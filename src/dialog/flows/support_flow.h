// The support flow's shared pieces: its states, its memory in the session and small helpers.
// Internal to src/dialog/flows/support*.cpp.
//
// Memory lives in session.data["support"]: ticket (id), problem, tier, signals, step (index of the
// step being tried), postcode, kind, store, offers (slot starts proposed), offer (index), moving
// (the appointment being moved), appointment (the one being managed), product {sku, name}.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "dialog/context.h"
#include "dialog/router.h"
#include "support/advice.h"
#include "support/support_service.h"

namespace chariot::dialog::support_flow {

// States (session.state) the support flow asks a question in.
inline constexpr const char* kLeakStopped = "support.leak_stopped";
inline constexpr const char* kPriorityHuman = "support.priority_human";
inline constexpr const char* kStep = "support.step";
inline constexpr const char* kOutagePostcode = "support.outage_postcode";
inline constexpr const char* kProduct = "support.product";
inline constexpr const char* kOfferAdvisor = "support.offer_advisor";
inline constexpr const char* kKind = "support.kind";
inline constexpr const char* kStorePostcode = "support.store_postcode";
inline constexpr const char* kSlot = "support.slot";
inline constexpr const char* kAskProblem = "support.ask_problem";
inline constexpr const char* kManage = "support.manage";
inline constexpr const char* kConfirmCancel = "support.confirm_cancel";

// The flow's memory (created on first use).
nlohmann::json& Memory(Context& c);
void ResetMemory(Context& c);
int64_t TicketId(Context& c);  // 0 when none

// Says rendered advice: text pieces with Say, numbers with Telephone.
void SayAdvice(Speech& speech, const std::vector<support::AdvicePiece>& pieces);

// What the customer said this turn (the turn's text), bounded; "" when the platform sent none.
std::string Words(const Context& c);

// Asks a question: speech, reprompt and the state the answer will come back to.
void Ask(Context& c, Response& r, const std::string& state, const std::string& question_key,
         const std::string& reprompt_key, const std::map<std::string, std::string>& vars = {});

// The service failed: apologise and leave the question.
void SayError(Context& c, Response& r);

// "un rappel" / "un rendez-vous au magasin Chariot Lyon Part-Dieu" / "un appel vidéo".
std::string KindPhrase(Context& c, const std::string& kind, const std::string& store_id);
std::string When(Context& c, int64_t start);

// True when the folded text holds one of the phrases of the locale.
bool Heard(const Context& c, const std::map<std::string, std::vector<std::string>>& phrases);
// The answer to "ça marche ?" / "la fuite est-elle arrêtée ?" when the understanding said Yes or
// No: the customer's own words win when they say "toujours pas" (an understanding may read it as
// a yes, and a wrong yes here would close a ticket or downgrade an emergency).
bool ReadYes(const Context& c, bool understood_yes);
// A plain yes or no in the customer's words ("non merci" -> false); nullopt when neither or both.
std::optional<bool> HeardYesNo(const Context& c);
// A (state, "Fallback") handler for a yes/no question: reads the words with HeardYesNo, else
// counts a misunderstanding and says the reprompt.
Handler YesNoFallback(std::function<void(Context&, Response&, bool)> answer,
                      std::string reprompt_key);
// "callback" / "in_store" / "video" from the appointment slot or the words; "" when neither.
std::string HeardKind(const Context& c);

// The customer's postcode: said in this conversation, or known from their profile (commerce);
// "" when unknown.
std::string KnownPostcode(Context& c);
// Remembers a postcode the customer just gave: in memory, on the ticket and in their profile.
void RememberPostcode(Context& c, const std::string& postcode);

// Handlers, one file each area.
// support_report.cpp
void OnReportProblem(Context& c, Response& r);
void OnLeakAnswer(Context& c, Response& r, bool stopped);
void OnStepAnswer(Context& c, Response& r, bool works);
void OnStepFallback(Context& c, Response& r);
void OnOutagePostcode(Context& c, Response& r);
// support_products.cpp: a DIY product that fixes the problem, for click & collect. False when
// there is none to offer (no catalog match, no shopping service).
bool OfferProduct(Context& c, Response& r);
void OnProductAnswer(Context& c, Response& r, bool yes);
void RegisterProducts(Router& router);
// The guided steps of the problem in memory, from the first (an advisor when there are none).
void StartSteps(Context& c, Response& r);
// After the guided steps: the outage line, a product, or an advisor.
void AfterSteps(Context& c, Response& r);
// support_appointments.cpp
void OfferAdvisor(Context& c, Response& r);
void OnOfferAdvisorAnswer(Context& c, Response& r, bool yes);
void OnBookAppointment(Context& c, Response& r);
void OnKindAnswer(Context& c, Response& r);
void OnStorePostcode(Context& c, Response& r);
void OnSlotAnswer(Context& c, Response& r, bool yes);
void OnSlotRequest(Context& c, Response& r);  // BookAppointment with a date/time while proposing
void OnManageAnswer(Context& c, Response& r, bool move);
void OnConfirmCancel(Context& c, Response& r, bool yes);
void OnCancelRequest(Context& c, Response& r);  // "annule le rendez-vous" while managing
// support_tickets.cpp
void OnTicketStatus(Context& c, Response& r);
void OnTalkToHuman(Context& c, Response& r);
// Hands over the ticket in memory (or a new one) the way this channel allows.
void HandOver(Context& c, Response& r);

// Registration helpers (support.cpp).
void RegisterReport(Router& router);
void RegisterAppointments(Router& router);
void RegisterTickets(Router& router);

}  // namespace chariot::dialog::support_flow
