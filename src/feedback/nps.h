// Net Promoter Score and its 95% margin of error, computed from 0-10 scores.
//
// NPS = %promoters (9-10) - %detractors (0-6), from -100 to 100. The margin uses the adjusted
// Wald interval for the NPS (Rocks 2016, as taught by Sauro & Lewis, "Quantifying the User
// Experience"): add 3 to n and 3/4 to each of promoters, passives and detractors, then
//   p' = (P + 3/4) / (n + 3),  d' = (D + 3/4) / (n + 3),  nps' = p' - d'
//   margin95 = 1.96 * sqrt((p' + d' - nps'^2) / (n + 3))          (in NPS points: x 100)
// The interval is nps' ± margin95 (adjusted centre); `nps` itself is the plain, unadjusted
// score that product teams are used to reading. With n = 0 the adjusted formula still gives a
// (wide) margin, and nps is 0.
//
// Thread safety: pure functions and values.
#pragma once

#include <cstdint>
#include <vector>

namespace chariot::feedback {

enum class NpsGroup { kDetractor, kPassive, kPromoter };

// 9-10 promoter, 7-8 passive, 0-6 detractor. Scores outside 0..10 are the caller's bug and
// count as detractors never: callers filter them (see NpsTally::Add).
NpsGroup GroupOf(int score);

struct NpsSummary {
  int64_t n = 0;
  int64_t promoters = 0;
  int64_t passives = 0;
  int64_t detractors = 0;
  double nps = 0;           // -100..100, unadjusted
  double adjusted_nps = 0;  // centre of the adjusted Wald interval, -100..100
  double margin95 = 0;      // half-width of the 95% interval, in NPS points
  double low = 0;           // adjusted_nps - margin95, clamped to -100
  double high = 0;          // adjusted_nps + margin95, clamped to 100
};

class NpsTally {
 public:
  // Counts one score; returns false (and counts nothing) when it is outside 0..10.
  bool Add(int score);
  void AddCounts(int64_t promoters, int64_t passives, int64_t detractors);
  NpsSummary Summary() const;

 private:
  int64_t promoters_ = 0;
  int64_t passives_ = 0;
  int64_t detractors_ = 0;
};

NpsSummary ComputeNps(const std::vector<int>& scores);

}  // namespace chariot::feedback
