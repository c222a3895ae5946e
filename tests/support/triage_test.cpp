// Triage tiers and the advice said first (src/support/triage.cpp).
#include "support/triage.h"

#include <catch2/catch.hpp>

#include "app/paths.h"

using namespace chariot;
using namespace chariot::support;

namespace {

const Knowledge& Data() {
  static const Knowledge knowledge = *Knowledge::Load(app::ResolveResourcePaths().data_dir);
  return knowledge;
}

TriageResult Fr(const std::string& problem, const std::string& words, int month = 11) {
  return Triage(Data(), problem, words, "fr-FR", month);
}

}  // namespace

TEST_CASE("a gas smell is an emergency that ends the session", "[support][triage]") {
  TriageResult t = Fr("gas_smell", "ça sent le gaz dans la cuisine");
  CHECK(t.tier == Tier::kEmergency);
  CHECK(t.ends_session);
  CHECK(t.advice == std::vector<std::string>{"gas_smell"});
}

TEST_CASE("gas words win over whatever problem was understood", "[support][triage]") {
  TriageResult t = Fr("appliance_breakdown", "ma gazinière ne marche plus et ça sent le gaz");
  CHECK(t.problem == "gas_smell");
  CHECK(t.tier == Tier::kEmergency);
  CHECK(t.ends_session);
  TriageResult en = Triage(Data(), "other", "I smell gas in the basement", "en-US", 6);
  CHECK(en.problem == "gas_smell");
  CHECK(en.ends_session);
}

TEST_CASE("a water leak: emergency near electricity or when it does not stop",
          "[support][triage]") {
  TriageResult near_outlet = Fr("water_leak", "une fuite d'eau coule sur la prise du frigo");
  CHECK(near_outlet.tier == Tier::kEmergency);
  CHECK_FALSE(near_outlet.ends_session);
  CHECK(near_outlet.advice == std::vector<std::string>{"water_leak", "water_leak_emergency"});

  TriageResult flooding = Fr("water_leak", "la fuite ne s'arrête pas, tout est inondé");
  CHECK(flooding.tier == Tier::kEmergency);

  TriageResult unknown = Fr("water_leak", "j'ai une fuite d'eau sous l'évier");
  CHECK(unknown.tier == Tier::kUrgent);
  CHECK(unknown.ask_if_leak_stopped);

  TriageResult settled = Fr("water_leak", "petite fuite, j'ai coupé l'eau");
  CHECK(settled.tier == Tier::kUrgent);
  CHECK_FALSE(settled.ask_if_leak_stopped);

  CHECK(AfterLeakAnswer(unknown, false).tier == Tier::kEmergency);
  CHECK(AfterLeakAnswer(unknown, true).tier == Tier::kUrgent);
}

TEST_CASE("'surprise' is not 'prise': signals match whole words", "[support][triage]") {
  CHECK(Fr("water_leak", "une fuite, quelle surprise").tier == Tier::kUrgent);
}

TEST_CASE("no heating is urgent in winter, routine in summer, an emergency with CO signs",
          "[support][triage]") {
  CHECK(Fr("no_heating", "plus de chauffage", 1).tier == Tier::kUrgent);
  CHECK(Fr("no_heating", "plus de chauffage", 11).tier == Tier::kUrgent);
  CHECK(Fr("no_heating", "plus de chauffage", 7).tier == Tier::kRoutine);
  TriageResult co = Fr("no_heating", "la chaudière est en panne et j'ai mal à la tête", 7);
  CHECK(co.tier == Tier::kEmergency);
  CHECK(co.ends_session);
  CHECK(co.advice == std::vector<std::string>{"general.carbon_monoxide"});
}

TEST_CASE("the other tiers", "[support][triage]") {
  CHECK(Fr("power_outage", "plus de courant").tier == Tier::kUrgent);
  CHECK(Fr("locked_out", "j'ai claqué la porte").tier == Tier::kUrgent);
  TriageResult child = Fr("locked_out", "mon bébé est enfermé à l'intérieur");
  CHECK(child.tier == Tier::kEmergency);
  CHECK(child.ends_session);
  CHECK(Fr("lawnmower", "ma tondeuse ne démarre pas").tier == Tier::kRoutine);
  CHECK(Fr("appliance_breakdown", "le lave-linge est en panne").tier == Tier::kRoutine);
  CHECK(Fr("", "").problem == "other");
  CHECK(Fr("not_a_code", "").tier == Tier::kRoutine);
}

TEST_CASE("smoke makes any problem an emergency", "[support][triage]") {
  TriageResult t = Fr("appliance_breakdown", "le lave-linge fait de la fumée");
  CHECK(t.tier == Tier::kEmergency);
  CHECK(t.ends_session);
  CHECK(t.advice == std::vector<std::string>{"general.fire"});
}

TEST_CASE("hostile words do not break triage", "[support][triage]") {
  std::string huge(100000, 'a');
  CHECK(Fr("water_leak", huge).tier == Tier::kUrgent);
  CHECK(Fr("water_leak", std::string("\xff\xfe\xc3", 3)).tier == Tier::kUrgent);
  CHECK(Fr("lawnmower", "<speak>prise</speak>").tier == Tier::kRoutine);
}
