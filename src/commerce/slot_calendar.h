// Slot calendar: materialises slot rows from the weekly templates for a rolling horizon, so
// slots never run out however long the server runs.
//
// Thread safety: pure function.
#pragma once

#include <cstdint>
#include <vector>

#include "store/catalog_store.h"
#include "store/order_store.h"

namespace chariot::commerce {

inline constexpr int kSlotHorizonDays = 7;

// The slots of every template on the Paris local days from today (the day of now) for
// horizon_days days; slots whose cutoff has passed are left out.
std::vector<store::Slot> SlotsFromTemplates(const std::vector<store::SlotTemplate>& templates,
                                            int64_t now_seconds, int horizon_days);

}  // namespace chariot::commerce
