#include <catch2/catch.hpp>

#include "platforms/alexa/parse.h"
#include "platforms/alexa/render.h"
#include "platforms/fixtures.h"

namespace chariot::platforms::alexa {
namespace {

using testing::ReadJsonFixture;

TEST_CASE("Alexa launch, intents and session end become Turns", "[platforms][alexa]") {
  DigestAccountLinker linker;
  linker.Link("alexa", "Atza|linked-token-of-customer-42", "customer-42");

  auto launch = ParseRequest(ReadJsonFixture("alexa", "launch_request.json"), &linker);
  REQUIRE(launch.ok());
  CHECK(launch->turn.kind == TurnKind::kLaunch);
  CHECK(launch->turn.channel == "alexa");
  CHECK(launch->turn.locale == "fr-FR");
  CHECK(launch->turn.session_id.empty());
  CHECK_FALSE(launch->turn.account_linked);
  CHECK(launch->turn.user_id.rfind("alexa-", 0) == 0);

  auto add = ParseRequest(ReadJsonFixture("alexa", "intent_add_item.json", "s-1"), &linker);
  REQUIRE(add.ok());
  CHECK(add->turn.kind == TurnKind::kIntent);
  CHECK(add->turn.intent == "AddItem");
  CHECK(add->turn.session_id == "s-1");
  CHECK(add->turn.account_linked);
  CHECK(add->turn.user_id == "customer-42");
  // Product keeps the words said; the unit takes the entity-resolution id.
  CHECK(add->turn.slots ==
        Slots{{"product", "lait demi-écrémé"}, {"quantity", "2"}, {"unit", "l"}});

  auto order =
      ParseRequest(ReadJsonFixture("alexa", "intent_place_order_evening.json", "s-1"), &linker);
  REQUIRE(order.ok());
  CHECK(order->turn.intent == "PlaceOrder");
  CHECK_FALSE(order->turn.account_linked);
  CHECK(order->turn.user_id == launch->turn.user_id);
  CHECK(order->turn.slots ==
        Slots{{"fulfillment", "delivery"}, {"date", "2026-11-25"}, {"part_of_day", "evening"}});

  auto yes = ParseRequest(ReadJsonFixture("alexa", "intent_yes.json", "s-1"), &linker);
  REQUIRE(yes.ok());
  CHECK(yes->turn.intent == "Yes");

  auto ended = ParseRequest(ReadJsonFixture("alexa", "session_ended.json", "s-1"), &linker);
  REQUIRE(ended.ok());
  CHECK(ended->turn.kind == TurnKind::kSessionEnded);
  CHECK(ended->turn.end_reason == "timeout");
  CHECK(ended->turn.session_id == "s-1");
}

TEST_CASE("Built-in intents map to the inventory, unknown ones to Fallback", "[platforms][alexa]") {
  auto envelope = ReadJsonFixture("alexa", "intent_yes.json", "s-1");
  for (auto [amazon, ours] :
       std::vector<std::pair<std::string, std::string>>{{"AMAZON.NoIntent", "No"},
                                                        {"AMAZON.HelpIntent", "Help"},
                                                        {"AMAZON.StopIntent", "Stop"},
                                                        {"AMAZON.CancelIntent", "Cancel"},
                                                        {"AMAZON.RepeatIntent", "Repeat"},
                                                        {"AMAZON.NextIntent", "Next"},
                                                        {"AMAZON.FallbackIntent", "Fallback"},
                                                        {"GiveRating", "GiveRating"},
                                                        {"SomethingElse", "Fallback"},
                                                        {"AMAZON.PauseIntent", "Fallback"}}) {
    envelope["request"]["intent"]["name"] = amazon;
    auto parsed = ParseRequest(envelope, nullptr);
    REQUIRE(parsed.ok());
    CHECK(parsed->turn.intent == ours);
  }
}

TEST_CASE("Other request types are ignored; a request without type is refused",
          "[platforms][alexa]") {
  auto envelope = ReadJsonFixture("alexa", "launch_request.json");
  envelope["request"]["type"] = "CanFulfillIntentRequest";
  auto parsed = ParseRequest(envelope, nullptr);
  REQUIRE(parsed.ok());
  CHECK(parsed->ignored);
  envelope["request"].erase("type");
  CHECK_FALSE(ParseRequest(envelope, nullptr).ok());
  // A new session never resumes one of ours, whatever the attributes say.
  auto fresh = ReadJsonFixture("alexa", "intent_yes.json", "s-1");
  fresh["session"]["new"] = true;
  CHECK(ParseRequest(fresh, nullptr)->turn.session_id.empty());
}

TEST_CASE("Alexa response: SSML, reprompt, card and session attributes", "[platforms][alexa]") {
  Reply reply;
  reply.session_id = "s-1";
  reply.speech = "Sur votre liste : lait, œufs, beurre. Voulez-vous la suite ?";
  reply.ssml = "<speak>Sur votre liste : lait, œufs, beurre. Voulez-vous la suite ?</speak>";
  reply.reprompt_speech = "Voulez-vous la suite ?";
  reply.reprompt_ssml = "<speak>Voulez-vous la suite ?</speak>";
  reply.card_title = "Ma liste";
  reply.card_text = "lait\nœufs\nbeurre";
  auto envelope = RenderResponse(reply);
  CHECK(envelope["version"] == "1.0");
  CHECK(envelope["sessionAttributes"]["chariot_session_id"] == "s-1");
  auto response = envelope["response"];
  CHECK(response["outputSpeech"] == nlohmann::json{{"type", "SSML"}, {"ssml", reply.ssml}});
  CHECK(response["reprompt"]["outputSpeech"]["ssml"] == reply.reprompt_ssml);
  CHECK(response["card"] ==
        nlohmann::json{{"type", "Simple"}, {"title", "Ma liste"}, {"content", reply.card_text}});
  CHECK(response["shouldEndSession"] == false);

  reply.end_session = true;
  auto ended = RenderResponse(reply);
  CHECK(ended["response"]["shouldEndSession"] == true);
  CHECK_FALSE(ended["response"].contains("reprompt"));
  CHECK_FALSE(ended.contains("sessionAttributes"));
}

TEST_CASE("Ordering without a linked account sends the LinkAccount card", "[platforms][alexa]") {
  Reply reply;
  reply.speech = "Pour commander, liez votre compte dans l'application Alexa.";
  reply.handoff = Handoff::kLinkAccount;
  reply.end_session = true;
  auto envelope = RenderResponse(reply);
  CHECK(envelope["response"]["card"] == nlohmann::json{{"type", "LinkAccount"}});
  CHECK(envelope["response"]["outputSpeech"]["ssml"] ==
        "<speak>Pour commander, liez votre compte dans l&apos;application Alexa.</speak>");
}

TEST_CASE("Speech over Alexa's limits is cut, escaped, within 24 KB", "[platforms][alexa]") {
  Reply reply;
  std::string sentence = "Un article de la liste avec des accents éèà & des <signes>. ";
  for (int i = 0; i < 400; ++i) reply.speech += sentence;
  reply.ssml = "<speak>" + reply.speech + "</speak>";  // deliberately over the limit
  reply.card_title = "Liste";
  reply.card_text = reply.speech;
  auto envelope = RenderResponse(reply);
  std::string ssml = envelope["response"]["outputSpeech"]["ssml"];
  size_t points = 0;
  for (unsigned char c : ssml) points += (c & 0xC0) != 0x80;
  CHECK(points <= kMaxSpeechCharacters);
  CHECK(ssml.rfind("<speak>", 0) == 0);
  CHECK(ssml.substr(ssml.size() - 9) == ".</speak>");
  CHECK(ssml.find("<signes>") == std::string::npos);
  CHECK(envelope.dump().size() <= kMaxResponseBytes);
}

TEST_CASE("A session end is answered without speech", "[platforms][alexa]") {
  CHECK(EmptyResponse() ==
        nlohmann::json{{"version", "1.0"}, {"response", nlohmann::json::object()}});
}

}  // namespace
}  // namespace chariot::platforms::alexa
