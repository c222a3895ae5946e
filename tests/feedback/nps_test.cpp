#include "feedback/nps.h"

#include <catch2/catch.hpp>

using chariot::feedback::ComputeNps;
using chariot::feedback::GroupOf;
using chariot::feedback::NpsGroup;
using chariot::feedback::NpsTally;

TEST_CASE("NPS groups scores as promoters, passives and detractors", "[feedback][nps]") {
  CHECK(GroupOf(10) == NpsGroup::kPromoter);
  CHECK(GroupOf(9) == NpsGroup::kPromoter);
  CHECK(GroupOf(8) == NpsGroup::kPassive);
  CHECK(GroupOf(7) == NpsGroup::kPassive);
  CHECK(GroupOf(6) == NpsGroup::kDetractor);
  CHECK(GroupOf(0) == NpsGroup::kDetractor);
}

TEST_CASE("NPS and its adjusted Wald margin match a hand computation", "[feedback][nps]") {
  // 5 promoters, 3 passives, 2 detractors: NPS = (5 - 2) / 10 = 30.
  // Adjusted: n' = 13, p' = 5.75/13 = 0.442308, d' = 2.75/13 = 0.211538, nps' = 0.230769.
  // var = (0.442308 + 0.211538 - 0.230769^2) / 13 = 0.600592 / 13 = 0.0461994
  // margin = 1.96 * sqrt(0.0461994) = 1.96 * 0.214941 = 0.421283 -> 42.13 points.
  auto s = ComputeNps({10, 9, 10, 9, 9, 8, 7, 7, 3, 6});
  CHECK(s.n == 10);
  CHECK(s.promoters == 5);
  CHECK(s.passives == 3);
  CHECK(s.detractors == 2);
  CHECK(s.nps == Approx(30.0));
  CHECK(s.adjusted_nps == Approx(23.0769).epsilon(1e-4));
  CHECK(s.margin95 == Approx(42.128).epsilon(1e-4));
  CHECK(s.low == Approx(23.0769 - 42.128).epsilon(1e-4));
  CHECK(s.high == Approx(23.0769 + 42.128).epsilon(1e-4));
}

TEST_CASE("NPS of only promoters is 100 with a margin that still says n is small",
          "[feedback][nps]") {
  // p' = 10.75/13 = 0.826923, d' = 0.75/13 = 0.057692, nps' = 0.769231
  // var = (0.884615 - 0.591716) / 13 = 0.0225307; margin = 1.96 * 0.150102 = 0.294200
  std::vector<int> scores(10, 10);
  auto s = ComputeNps(scores);
  CHECK(s.nps == Approx(100.0));
  CHECK(s.margin95 == Approx(29.420).epsilon(1e-4));
  CHECK(s.high <= 100.0);
}

TEST_CASE("NPS with no answers is 0 with the widest margin", "[feedback][nps]") {
  auto s = ComputeNps({});
  CHECK(s.n == 0);
  CHECK(s.nps == 0.0);
  // p' = d' = 0.25, var = 0.5 / 3; margin = 1.96 * 0.408248 = 0.800167
  CHECK(s.margin95 == Approx(80.0167).epsilon(1e-4));
}

TEST_CASE("NPS ignores scores outside 0..10", "[feedback][nps]") {
  NpsTally tally;
  CHECK_FALSE(tally.Add(11));
  CHECK_FALSE(tally.Add(-1));
  CHECK(tally.Add(0));
  auto s = tally.Summary();
  CHECK(s.n == 1);
  CHECK(s.nps == Approx(-100.0));
}

TEST_CASE("NPS margin shrinks as answers accumulate", "[feedback][nps]") {
  NpsTally small, large;
  small.AddCounts(5, 3, 2);
  large.AddCounts(500, 300, 200);
  CHECK(small.Summary().nps == Approx(large.Summary().nps));
  CHECK(large.Summary().margin95 < small.Summary().margin95 / 5);
}
