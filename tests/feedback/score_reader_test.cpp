#include "feedback/score_reader.h"

#include <catch2/catch.hpp>

using namespace chariot::feedback;

namespace {

ScoreAnswer Nps(const char* text) { return ReadScore(text, SurveyKind::kNps); }

void CheckScore(const char* text, int expected, SurveyKind kind = SurveyKind::kNps) {
  INFO(text);
  ScoreAnswer a = ReadScore(text, kind);
  REQUIRE(a.kind == AnswerKind::kScore);
  CHECK(a.score == expected);
}

void CheckBetween(const char* text, int low, int high) {
  INFO(text);
  ScoreAnswer a = Nps(text);
  REQUIRE(a.kind == AnswerKind::kBetween);
  CHECK(a.low == low);
  CHECK(a.high == high);
}

void CheckKind(const char* text, AnswerKind kind, SurveyKind survey = SurveyKind::kNps) {
  INFO(text);
  CHECK(ReadScore(text, survey).kind == kind);
}

}  // namespace

TEST_CASE("Score reader understands French scores said in many ways", "[feedback][score]") {
  CheckScore("huit", 8);
  CheckScore("8", 8);
  CheckScore("Dix sur dix", 10);
  CheckScore("10/10", 10);
  CheckScore("10sur10 !", 10);
  CheckScore("je dirais sept", 7);
  CheckScore("bof, cinq", 5);
  CheckScore("Zéro.", 0);
  CheckScore("un", 1);
  CheckScore("je mets un neuf", 9);
  CheckScore("huit sur dix", 8);
  CheckScore("je sais pas, disons six", 6);
  CheckScore("neuf, oui neuf", 9);
}

TEST_CASE("Score reader understands English scores", "[feedback][score]") {
  CheckScore("eight", 8);
  CheckScore("ten out of ten", 10);
  CheckScore("I'd say seven", 7);
  CheckScore("meh, five", 5);
  CheckScore("one out of ten", 1);
}

TEST_CASE("Score reader asks which when two scores are said", "[feedback][score]") {
  CheckBetween("entre sept et huit", 7, 8);
  CheckBetween("sept ou huit", 7, 8);
  CheckBetween("huit et demi", 8, 9);
  CheckBetween("7,5", 7, 8);
  CheckBetween("between seven and eight", 7, 8);
  CheckBetween("eight and a half", 8, 9);
}

TEST_CASE("Score reader hears a refusal", "[feedback][score]") {
  CheckKind("non merci", AnswerKind::kDeclined);
  CheckKind("Non, merci.", AnswerKind::kDeclined);
  CheckKind("je préfère ne pas répondre", AnswerKind::kDeclined);
  CheckKind("non", AnswerKind::kDeclined);
  CheckKind("je ne sais pas", AnswerKind::kDeclined);
  CheckKind("no thanks", AnswerKind::kDeclined);
  CheckKind("I'd rather not", AnswerKind::kDeclined);
  CheckKind("c'est tout, au revoir", AnswerKind::kDeclined);
}

TEST_CASE("Score reader does not guess", "[feedback][score]") {
  CheckKind("", AnswerKind::kNotUnderstood);
  CheckKind("la réponse D", AnswerKind::kNotUnderstood);
  CheckKind("onze", AnswerKind::kNotUnderstood);
  CheckKind("dix-huit", AnswerKind::kNotUnderstood);
  CheckKind("12", AnswerKind::kNotUnderstood);
  CheckKind("cent pour cent", AnswerKind::kNotUnderstood);
  CheckKind("quatre sur cinq", AnswerKind::kNotUnderstood);  // not the NPS scale
  CheckKind("deux trois quatre", AnswerKind::kNotUnderstood);
  CheckKind("oui", AnswerKind::kNotUnderstood);
  CheckKind("\xff\xfe huit \xc3", AnswerKind::kScore);  // invalid UTF-8 around a number
  std::string huge(100000, 'a');
  CheckKind(huge.c_str(), AnswerKind::kNotUnderstood);
}

TEST_CASE("Score reader follows the scale of the question asked", "[feedback][score]") {
  CheckScore("quatre sur cinq", 4, SurveyKind::kCsat);
  CheckScore("5", 5, SurveyKind::kCsat);
  CheckKind("zéro", AnswerKind::kNotUnderstood, SurveyKind::kCsat);
  CheckKind("huit", AnswerKind::kNotUnderstood, SurveyKind::kCsat);
  CheckScore("oui", 1, SurveyKind::kGoal);
  CheckScore("oui tout à fait", 1, SurveyKind::kGoal);
  CheckScore("pas vraiment", 0, SurveyKind::kGoal);
  CheckScore("no", 0, SurveyKind::kGoal);
  CheckKind("non merci", AnswerKind::kDeclined, SurveyKind::kGoal);
}

TEST_CASE("Score reader uses what a platform understood when there are no words",
          "[feedback][score]") {
  auto a = ReadAnswer("", "GiveRating", {{"score", "9"}}, SurveyKind::kNps);
  REQUIRE(a.kind == AnswerKind::kScore);
  CHECK(a.score == 9);
  CHECK(ReadAnswer("", "GiveRating", {{"score", "42"}}, SurveyKind::kNps).kind ==
        AnswerKind::kNotUnderstood);
  CHECK(ReadAnswer("", "GiveRating", {{"score", "x"}}, SurveyKind::kNps).kind ==
        AnswerKind::kNotUnderstood);
  CHECK(ReadAnswer("", "No", {}, SurveyKind::kNps).kind == AnswerKind::kDeclined);
  CHECK(ReadAnswer("", "Yes", {}, SurveyKind::kGoal).score == 1);
  CHECK(ReadAnswer("", "Yes", {}, SurveyKind::kNps).kind == AnswerKind::kNotUnderstood);
}
