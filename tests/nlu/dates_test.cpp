#include "nlu/dates.h"

#include <catch2/catch.hpp>

#include "nlu/civil_time.h"
#include "nlu/test_util.h"

using namespace chariot::nlu;
using chariot::nlu::testing::Words;

namespace {
// Tuesday 24 November 2026, 10:00 in Paris.
const int64_t kTuesday = *ParseIso8601("2026-11-24T09:00:00Z");

std::string When(const std::string& text, Language language, int64_t now = kTuesday) {
  auto words = Words(text, language);
  auto match = ParseWhen(words.tokens, 0, language, now);
  if (!match) return "none";
  std::string out = match->date;
  if (!match->time.empty()) out += (out.empty() ? "" : " ") + match->time;
  if (!match->part_of_day.empty()) out += (out.empty() ? "" : " ") + match->part_of_day;
  if (match->end != words.tokens.size()) out += " (partial)";
  return out;
}
std::string Fr(const std::string& text, int64_t now = kTuesday) {
  return When(text, Language::kFrench, now);
}
std::string En(const std::string& text, int64_t now = kTuesday) {
  return When(text, Language::kEnglish, now);
}
}  // namespace

TEST_CASE("Paris civil time follows the EU summer-time rule", "[nlu][dates]") {
  // 2026: summer time from 29 March 01:00 UTC to 25 October 01:00 UTC.
  CHECK(ParisUtcOffset(*ParseIso8601("2026-03-29T00:59:59Z")) == 3600);
  CHECK(ParisUtcOffset(*ParseIso8601("2026-03-29T01:00:00Z")) == 7200);
  CHECK(ParisUtcOffset(*ParseIso8601("2026-10-25T00:59:59Z")) == 7200);
  CHECK(ParisUtcOffset(*ParseIso8601("2026-10-25T01:00:00Z")) == 3600);
  CHECK(ParisUtcOffset(*ParseIso8601("2027-03-28T01:30:00Z")) == 7200);
  CHECK(ToParis(kTuesday).hour == 10);
  CHECK(ToParis(kTuesday).weekday == 1);
  CHECK(*ParseIso8601("2026-07-01T12:00") == *ParseIso8601("2026-07-01T10:00:00Z"));
  CHECK(*ParseIso8601("2026-11-24T10:00:00+01:00") == kTuesday);
  CHECK_FALSE(ParseIso8601("2026-13-01"));
  CHECK_FALSE(ParseIso8601("yesterday"));
}

TEST_CASE("French relative days", "[nlu][dates]") {
  CHECK(Fr("aujourd'hui") == "2026-11-24");
  CHECK(Fr("demain") == "2026-11-25");
  CHECK(Fr("après-demain") == "2026-11-26");
  CHECK(Fr("samedi") == "2026-11-28");
  CHECK(Fr("samedi prochain") == "2026-11-28");
  CHECK(Fr("mardi") == "2026-12-01");
  CHECK(Fr("dans trois jours") == "2026-11-27");
}

TEST_CASE("French calendar dates", "[nlu][dates]") {
  CHECK(Fr("le 3 décembre") == "2026-12-03");
  CHECK(Fr("le premier décembre") == "2026-12-01");
  CHECK(Fr("le 1er mars") == "2027-03-01");
  CHECK(Fr("le 3 novembre") == "2027-11-03");
  CHECK(Fr("le 30") == "2026-11-30");
  CHECK(Fr("le 12") == "2026-12-12");
  CHECK(Fr("le 31 février") == "none");
}

TEST_CASE("French times and parts of the day", "[nlu][dates]") {
  CHECK(Fr("à 18 heures") == "18:00");
  CHECK(Fr("18h30") == "18:30");
  CHECK(Fr("dix-huit heures trente") == "18:30");
  CHECK(Fr("midi") == "12:00");
  CHECK(Fr("midi et demi") == "12:30");
  CHECK(Fr("à 6 heures du soir") == "18:00");
  CHECK(Fr("vers 3 heures de l'après-midi") == "15:00");
  CHECK(Fr("ce soir") == "2026-11-24 evening");
  CHECK(Fr("demain soir") == "2026-11-25 evening");
  CHECK(Fr("demain matin à 9h") == "2026-11-25 09:00");
  CHECK(Fr("samedi à 10 heures") == "2026-11-28 10:00");
  CHECK(Fr("dans l'après-midi") == "afternoon");
}

TEST_CASE("in an hour crosses daylight-saving changes", "[nlu][dates]") {
  CHECK(Fr("dans une heure") == "2026-11-24 11:00");
  // 29 March 2026 00:30 UTC is 01:30 in Paris; an hour later it is 03:30 (summer time).
  CHECK(Fr("dans une heure", *ParseIso8601("2026-03-29T00:30:00Z")) == "2026-03-29 03:30");
  // 25 October 2026 00:30 UTC is 02:30 summer time; an hour later it is 02:30 winter time.
  CHECK(Fr("dans une heure", *ParseIso8601("2026-10-25T00:30:00Z")) == "2026-10-25 02:30");
  // Late in the evening "demain" is tomorrow in Paris even when UTC is still today.
  CHECK(Fr("demain", *ParseIso8601("2026-06-30T22:30:00Z")) == "2026-07-02");
  CHECK(Fr("dans une demi-heure") == "2026-11-24 10:30");
}

TEST_CASE("English dates and times", "[nlu][dates]") {
  CHECK(En("tomorrow") == "2026-11-25");
  CHECK(En("the day after tomorrow") == "2026-11-26");
  CHECK(En("saturday") == "2026-11-28");
  CHECK(En("next saturday") == "2026-11-28");
  CHECK(En("december 3rd") == "2026-12-03");
  CHECK(En("the 3rd of december") == "2026-12-03");
  CHECK(En("tonight") == "2026-11-24 evening");
  CHECK(En("tomorrow morning") == "2026-11-25 morning");
  CHECK(En("at 6 pm") == "18:00");
  CHECK(En("6:30 pm") == "18:30");
  CHECK(En("noon") == "12:00");
  CHECK(En("at 10 am") == "10:00");
  CHECK(En("in an hour") == "2026-11-24 11:00");
  CHECK(En("half past six") == "18:30");
}

TEST_CASE("numbers that are not dates are left alone", "[nlu][dates]") {
  CHECK(Fr("3 kilos") == "none");
  CHECK(Fr("deux litres") == "none");
  CHECK(En("3 apples") == "none");
}
