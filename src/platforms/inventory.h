// The intent inventory and slot codes of CONTRACTS.md as the adapters see them, and the
// conversion of a platform's slot value into Chariot's code.
//
// Platforms that understand speech themselves (Alexa, Dialogflow) send intent names and slot
// values in their own shapes; the exported models (chariot export) name intents and slots as
// the inventory does, so the mapping here is mostly validation: an unknown intent is not
// trusted, a value outside a slot's codes is dropped rather than passed on.
//
// Thread safety: pure functions over constant tables.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace chariot::platforms {

// True for a name of the intent inventory ("AddItem", "Yes", "Fallback", ...).
bool IsInventoryIntent(std::string_view name);

// True for a slot name of the inventory ("product", "quantity", "unit", "date", "time",
// "part_of_day", "fulfillment", "problem", "appointment", "score").
bool IsInventorySlot(std::string_view name);

// The value in Chariot's codes for slot `name`, or nullopt when it cannot be read:
//   quantity, score   numbers in plain decimal ("2", "1.5"); score an integer 0..10
//   date              "YYYY-MM-DD" (a longer ISO date-time is cut to its date)
//   time              "HH:MM" (from "HH:MM", "HH:MM:SS" or an ISO date-time); Alexa's parts of
//                     the day MO/AF/EV/NI go to part_of_day instead (see SlotTarget)
//   code slots        one of the slot's codes, lower case
//   product           the words, trimmed, at most 200 bytes
std::optional<std::string> NormalizeSlotValue(std::string_view name, const nlohmann::json& value);

// Alexa's AMAZON.TIME says a part of the day as "MO", "AF", "EV" or "NI": the slot it fills
// is part_of_day, with "morning", "afternoon" or "evening". nullopt for any other value.
std::optional<std::string> PartOfDayFromAlexaTime(std::string_view value);

// "fr", "fr-fr", "fr-CA" -> "fr-FR"; "en", "en-GB" -> "en-US"; anything else -> "fr-FR".
std::string NormalizeLocale(std::string_view language_code);

}  // namespace chariot::platforms
