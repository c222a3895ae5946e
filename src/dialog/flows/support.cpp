// The support flow: help in a repair emergency. Safety advice first, triage, guided first steps,
// tickets, appointments with advisors and the hand-over to a person. Registered by the engine at
// start; the handlers live in support_report.cpp, support_appointments.cpp, support_tickets.cpp.
//
// ReportProblem and TalkToHuman are priority intents of the router: they reach
// ("*", intent) from any state, even one that reads every answer itself, so "ça sent le gaz" in
// the middle of a shopping list switches to the safety advice at once.
#include "dialog/flows/support_flow.h"
#include "dialog/router.h"

namespace chariot::dialog {

void RegisterSupportFlow(Router& router) {
  support_flow::RegisterReport(router);
  support_flow::RegisterAppointments(router);
  support_flow::RegisterTickets(router);
  support_flow::RegisterProducts(router);
}

}  // namespace chariot::dialog
