// Paris local time and the EU summer-time rule (src/support/paris_time.cpp).
#include "support/paris_time.h"

#include <catch2/catch.hpp>

#include "support/spoken_time.h"

using namespace chariot::support;

TEST_CASE("civil dates round-trip through day numbers", "[support][time]") {
  CHECK(DaysFromCivil(1970, 1, 1) == 0);
  CHECK(DaysFromCivil(2000, 3, 1) == 11017);
  int y, m, d;
  CivilFromDays(DaysFromCivil(2024, 2, 29), y, m, d);
  CHECK((y == 2024 && m == 2 && d == 29));
}

TEST_CASE("Paris is UTC+1 in winter and UTC+2 in summer, switching at 01:00 UTC",
          "[support][time]") {
  // 2025: summer time from Sunday 30 March 01:00 UTC to Sunday 26 October 01:00 UTC.
  const int64_t march30 = DaysFromCivil(2025, 3, 30) * 86400;
  CHECK(ParisOffsetSeconds(march30 + 3600 - 1) == 3600);
  CHECK(ParisOffsetSeconds(march30 + 3600) == 7200);
  const int64_t october26 = DaysFromCivil(2025, 10, 26) * 86400;
  CHECK(ParisOffsetSeconds(october26 + 3600 - 1) == 7200);
  CHECK(ParisOffsetSeconds(october26 + 3600) == 3600);
  CHECK(ParisOffsetSeconds(DaysFromCivil(2025, 7, 14) * 86400) == 7200);
  CHECK(ParisOffsetSeconds(DaysFromCivil(2025, 12, 25) * 86400) == 3600);
}

TEST_CASE("local time and back", "[support][time]") {
  LocalTime t = ToParis(1764000000);  // 2025-11-24 16:00 UTC
  CHECK(t.year == 2025);
  CHECK(t.month == 11);
  CHECK(t.day == 24);
  CHECK(t.hour == 17);
  CHECK(t.minute == 0);
  CHECK(t.weekday == 0);  // Monday
  CHECK(FromParis(t.day_number, 17 * 60) == 1764000000);
  const int64_t july = DaysFromCivil(2025, 7, 14);
  CHECK(ToParis(FromParis(july, 9 * 60 + 30)).hour == 9);
  CHECK(ToParis(FromParis(july, 9 * 60 + 30)).minute == 30);
}

TEST_CASE("slots are spoken the French and the American way", "[support][time]") {
  const int64_t now = 1764000000;  // Monday 17:00 in Paris
  const int64_t tomorrow_9 = FromParis(ToParis(now).day_number + 1, 9 * 60);
  const int64_t wednesday_1430 = FromParis(ToParis(now).day_number + 2, 14 * 60 + 30);
  CHECK(SpokenSlot(tomorrow_9, now, "fr-FR") == "demain à 9 h");
  CHECK(SpokenSlot(wednesday_1430, now, "fr-FR") == "mercredi 26 novembre à 14 h 30");
  CHECK(SpokenSlot(FromParis(ToParis(now).day_number, 18 * 60 + 5), now, "fr-FR") ==
        "aujourd'hui à 18 h 05");
  CHECK(SpokenSlot(tomorrow_9, now, "en-US") == "tomorrow at 9 AM");
  CHECK(SpokenSlot(wednesday_1430, now, "en-US") == "Wednesday, November 26 at 2:30 PM");
  CHECK(SpokenSlot(FromParis(ToParis(now).day_number + 1, 12 * 60), now, "fr-FR") ==
        "demain à midi");
}
