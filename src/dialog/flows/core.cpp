// The core flow: what every conversation has whatever its topic. Registered last, it only fills
// the (state, intent) keys no other flow took, so a flow can override the welcome or help.
#include "dialog/router.h"

namespace chariot::dialog {
namespace {

void OnIfFree(Router& router, const std::string& state, const std::string& intent, Handler h) {
  if (!router.Has(state, intent)) router.On(state, intent, std::move(h));
}

void Welcome(Context& c, Response& r) {
  r.speech.Say(c.Say("core.welcome"));
  r.reprompt.Say(c.Say("core.help"));
}

void Help(Context& c, Response& r) { r.speech.Say(c.Say("core.help")); }

// "Stop", "au revoir": honoured at once, no survey (reason user_stopped).
void Stop(Context& c, Response& r) {
  r.speech.Say(c.Say("core.stopped"));
  r.expect_answer = false;
  r.end_reason = "user_stopped";
  if (c.session.task_outcome.empty()) c.session.task_outcome = "abandoned";
}

// "Laisse tomber": inside a question, drop the question; at the top level, it means stop.
void Cancel(Context& c, Response& r) {
  if (c.session.state.empty()) return Stop(c, r);
  c.session.state.clear();
  r.speech.Say(c.Say("core.cancelled"));
}

void Repeat(Context& c, Response& r) {
  if (c.session.last_speech.empty()) {
    r.speech.Say(c.Say("core.help"));
    return;
  }
  r.speech = Speech::Restore(c.session.last_speech, c.session.last_ssml);
  if (!c.session.last_reprompt_speech.empty()) {
    r.reprompt = Speech::Restore(c.session.last_reprompt_speech, c.session.last_reprompt_ssml);
  }
}

// "C'est tout", "non merci": the natural end; the engine asks the survey, then says goodbye.
void Done(Context& c, Response& r) {
  c.session.state.clear();
  r.finish = true;
}

void Yes(Context& c, Response& r) { r.speech.Say(c.Say("core.what_next")); }

// Reprompt escalation: short first, then with examples; the engine ends on the third miss.
void NotUnderstood(Context& c, Response& r) {
  r.not_understood = true;
  const char* key =
      c.session.misunderstood_in_a_row == 0 ? "core.not_understood_1" : "core.not_understood_2";
  r.speech.Say(c.Say(key));
  r.reprompt.Say(c.Say("core.not_understood_2"));
}

}  // namespace

void RegisterCoreFlow(Router& router) {
  OnIfFree(router, kAnyState, "Launch", Welcome);
  OnIfFree(router, kAnyState, "Help", Help);
  OnIfFree(router, kAnyState, "Stop", Stop);
  OnIfFree(router, kAnyState, "Cancel", Cancel);
  OnIfFree(router, kAnyState, "Repeat", Repeat);
  OnIfFree(router, kAnyState, "Done", Done);
  OnIfFree(router, "", "No", Done);
  OnIfFree(router, "", "Yes", Yes);
  OnIfFree(router, kAnyState, "Fallback", NotUnderstood);
  router.SetFallback(NotUnderstood);
}

}  // namespace chariot::dialog
