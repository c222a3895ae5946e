#include "feedback/nps.h"

#include <algorithm>
#include <cmath>

namespace chariot::feedback {

NpsGroup GroupOf(int score) {
  if (score >= 9) return NpsGroup::kPromoter;
  if (score >= 7) return NpsGroup::kPassive;
  return NpsGroup::kDetractor;
}

bool NpsTally::Add(int score) {
  if (score < 0 || score > 10) return false;
  switch (GroupOf(score)) {
    case NpsGroup::kPromoter:
      ++promoters_;
      break;
    case NpsGroup::kPassive:
      ++passives_;
      break;
    case NpsGroup::kDetractor:
      ++detractors_;
      break;
  }
  return true;
}

void NpsTally::AddCounts(int64_t promoters, int64_t passives, int64_t detractors) {
  promoters_ += promoters;
  passives_ += passives;
  detractors_ += detractors;
}

NpsSummary NpsTally::Summary() const {
  NpsSummary s;
  s.promoters = promoters_;
  s.passives = passives_;
  s.detractors = detractors_;
  s.n = promoters_ + passives_ + detractors_;
  if (s.n > 0) {
    s.nps = 100.0 * static_cast<double>(promoters_ - detractors_) / static_cast<double>(s.n);
  }
  const double adjusted_n = static_cast<double>(s.n) + 3.0;
  const double p = (static_cast<double>(promoters_) + 0.75) / adjusted_n;
  const double d = (static_cast<double>(detractors_) + 0.75) / adjusted_n;
  const double centre = p - d;
  const double variance = std::max(0.0, p + d - centre * centre) / adjusted_n;
  s.adjusted_nps = 100.0 * centre;
  s.margin95 = 100.0 * 1.96 * std::sqrt(variance);
  s.low = std::max(-100.0, s.adjusted_nps - s.margin95);
  s.high = std::min(100.0, s.adjusted_nps + s.margin95);
  return s;
}

NpsSummary ComputeNps(const std::vector<int>& scores) {
  NpsTally tally;
  for (int score : scores) tally.Add(score);
  return tally.Summary();
}

}  // namespace chariot::feedback
