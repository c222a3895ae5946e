#include "platforms/twilio/parse.h"

#include <catch2/catch.hpp>

#include "platforms/fixtures.h"

namespace chariot::platforms::twilio {
namespace {

TEST_CASE("Form decoding handles +, percent escapes and empty values", "[platforms][twilio]") {
  auto params = DecodeForm("a=1&b=hello+world&c=%C3%A9t%C3%A9&d=&e&=x&&f=%2B33");
  REQUIRE(params.ok());
  CHECK(Param(*params, "b") == "hello world");
  CHECK(Param(*params, "c") == "été");
  CHECK(Param(*params, "d").empty());
  CHECK(Param(*params, "f") == "+33");
  CHECK(Param(*params, "missing").empty());
  CHECK(DecodeForm("").ok());
}

TEST_CASE("Hostile forms are refused", "[platforms][twilio]") {
  CHECK(DecodeForm("a=%").status().code() == StatusCode::kInvalidArgument);
  CHECK(DecodeForm("a=%4").status().code() == StatusCode::kInvalidArgument);
  CHECK(DecodeForm("a=%zz").status().code() == StatusCode::kInvalidArgument);
  CHECK(DecodeForm("%G1=b").status().code() == StatusCode::kInvalidArgument);
  std::string many;
  for (int i = 0; i < 200; ++i) many += "k" + std::to_string(i) + "=v&";
  CHECK(DecodeForm(many).status().code() == StatusCode::kTooLarge);
  CHECK(DecodeForm(std::string(70000, 'a')).status().code() == StatusCode::kTooLarge);
  // A NUL byte decodes; it is just data (the speech escaper drops it later).
  auto nul = DecodeForm("SpeechResult=a%00b");
  REQUIRE(nul.ok());
  CHECK(Param(*nul, "SpeechResult").size() == 3);
}

TEST_CASE("The first webhook of a call is a launch, the gather answers are text",
          "[platforms][twilio]") {
  auto incoming = DecodeForm(testing::ReadFixture("twilio", "voice_incoming.form"));
  REQUIRE(incoming.ok());
  auto launch = ParseVoiceRequest(*incoming, {});
  REQUIRE(launch.ok());
  CHECK(launch->turn.kind == TurnKind::kLaunch);
  CHECK(launch->turn.channel == "twilio");
  CHECK(launch->turn.locale == "fr-FR");
  CHECK(launch->turn.user_id.rfind("tel-", 0) == 0);
  CHECK(launch->turn.user_id.find("33612345678") == std::string::npos);

  auto speech = DecodeForm(testing::ReadFixture("twilio", "voice_gather_speech.form"));
  REQUIRE(speech.ok());
  auto text = ParseVoiceRequest(*speech, {{"session", "s-1"}, {"locale", "fr-FR"}});
  REQUIRE(text.ok());
  CHECK(text->turn.kind == TurnKind::kText);
  CHECK(text->turn.session_id == "s-1");
  CHECK(text->turn.text == "Ajoute deux litres de lait demi-écrémé.");
  CHECK(text->turn.confidence == Approx(0.9123));
  CHECK(text->turn.user_id == launch->turn.user_id);

  auto silence = DecodeForm(testing::ReadFixture("twilio", "voice_gather_silence.form"));
  auto quiet = ParseVoiceRequest(*silence, {{"session", "s-1"}, {"locale", "en-US"}});
  REQUIRE(quiet.ok());
  CHECK(quiet->turn.kind == TurnKind::kText);
  CHECK(quiet->turn.text.empty());
  CHECK(quiet->turn.locale == "en-US");
}

TEST_CASE("A Twilio request without a valid CallSid is refused", "[platforms][twilio]") {
  CHECK_FALSE(ParseVoiceRequest({{"From", "+33612345678"}}, {}).ok());
  CHECK_FALSE(ParseVoiceRequest({{"CallSid", "CA123"}}, {}).ok());
  CHECK_FALSE(ParseVoiceRequest({{"CallSid", "XX9f8e7d6c5b4a39281706f5e4d3c2b1a0"}}, {}).ok());
}

}  // namespace
}  // namespace chariot::platforms::twilio
