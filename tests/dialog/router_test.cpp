#include "dialog/router.h"

#include <catch2/catch.hpp>

using namespace chariot::dialog;

TEST_CASE("the router picks the most specific handler", "[dialog][router]") {
  Router router;
  std::string hit;
  router.On("shopping.which", "*", [&](Context&, Response&) { hit = "which-any"; });
  router.On("shopping.which", "Yes", [&](Context&, Response&) { hit = "which-yes"; });
  router.On("*", "Yes", [&](Context&, Response&) { hit = "any-yes"; });
  router.On("*", "Stop", [&](Context&, Response&) { hit = "any-stop"; });
  router.On("*", "ReportProblem", [&](Context&, Response&) { hit = "any-problem"; });
  router.SetFallback([&](Context&, Response&) { hit = "fallback"; });
  auto run = [&](const std::string& state, const std::string& intent) {
    hit.clear();
    const Handler& h = router.Find(state, intent);
    chariot::Turn turn;
    chariot::Slots slots;
    Session session;
    Prompts prompts;
    Services services;
    chariot::FixedClock clock(0);
    Context context{turn, intent, slots, session, prompts, services, clock};
    Response r;
    h(context, r);
    return hit;
  };
  CHECK(run("shopping.which", "Yes") == "which-yes");
  CHECK(run("shopping.which", "AddItem") == "which-any");
  CHECK(run("", "Yes") == "any-yes");
  CHECK(run("", "AddItem") == "fallback");
  // Priority intents are honoured even where a state reads every answer.
  CHECK(run("shopping.which", "Stop") == "any-stop");
  CHECK(run("shopping.which", "ReportProblem") == "any-problem");
  CHECK_THROWS(router.On("*", "Yes", [](Context&, Response&) {}));
}
