// Appointment times as Chariot says them, in Paris time: "demain à 9 h 30", "mardi 25 novembre à
// 14 h", "tomorrow at 9:30 AM", "Tuesday, November 25 at 2 PM".
//
// Thread safety: pure functions.
#pragma once

#include <cstdint>
#include <string>

namespace chariot::support {

// `when` and `now` in Unix seconds; locale "fr-FR" or "en-US" (anything else reads as French).
std::string SpokenSlot(int64_t when, int64_t now, const std::string& locale);

}  // namespace chariot::support
