#include "platforms/inventory.h"

#include <array>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace chariot::platforms {
namespace {

constexpr std::array<std::string_view, 25> kIntents = {"StartShopping",
                                                       "AddItem",
                                                       "RemoveItem",
                                                       "ReadList",
                                                       "ClearList",
                                                       "ProductInfo",
                                                       "ProductLocation",
                                                       "ReorderUsual",
                                                       "PlaceOrder",
                                                       "OrderStatus",
                                                       "CancelOrder",
                                                       "ReportProblem",
                                                       "BookAppointment",
                                                       "TalkToHuman",
                                                       "TicketStatus",
                                                       "GiveRating",
                                                       "Yes",
                                                       "No",
                                                       "Help",
                                                       "Repeat",
                                                       "Next",
                                                       "Cancel",
                                                       "Stop",
                                                       "Done",
                                                       "Fallback"};

struct CodeSlot {
  std::string_view name;
  std::array<std::string_view, 13> codes;
};

constexpr std::array<CodeSlot, 5> kCodeSlots = {{
    {"unit", {"g", "kg", "ml", "cl", "l", "bottle", "pack", "box", "can", "jar", "bunch", "slice"}},
    {"fulfillment", {"delivery", "pickup", "express"}},
    {"problem",
     {"water_leak", "gas_smell", "power_outage", "no_heating", "lawnmower", "locked_out",
      "appliance_breakdown", "other"}},
    {"appointment", {"callback", "in_store", "video"}},
    {"part_of_day", {"morning", "afternoon", "evening"}},
}};

std::string Lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string Trim(std::string_view text) {
  size_t start = text.find_first_not_of(" \t\r\n");
  if (start == std::string_view::npos) return "";
  size_t end = text.find_last_not_of(" \t\r\n");
  return std::string(text.substr(start, end - start + 1));
}

std::optional<double> AsNumber(const nlohmann::json& value) {
  if (value.is_number()) return value.get<double>();
  if (!value.is_string()) return std::nullopt;
  std::string text = Trim(value.get<std::string>());
  if (text.empty() || text.size() > 32) return std::nullopt;
  char* end = nullptr;
  double number = std::strtod(text.c_str(), &end);
  if (*end != '\0') return std::nullopt;
  return number;
}

std::string PlainDecimal(double number) {
  if (std::floor(number) == number && std::fabs(number) < 1e15) {
    return std::to_string(static_cast<long long>(number));
  }
  char buffer[64];
  std::snprintf(buffer, sizeof(buffer), "%.6g", number);
  return buffer;
}

bool Digits(std::string_view text, size_t at, size_t count) {
  if (at + count > text.size()) return false;
  for (size_t i = at; i < at + count; ++i) {
    if (!std::isdigit(static_cast<unsigned char>(text[i]))) return false;
  }
  return true;
}

}  // namespace

bool IsInventoryIntent(std::string_view name) {
  for (std::string_view intent : kIntents) {
    if (intent == name) return true;
  }
  return false;
}

bool IsInventorySlot(std::string_view name) {
  if (name == "product" || name == "quantity" || name == "date" || name == "time" ||
      name == "score") {
    return true;
  }
  for (const CodeSlot& slot : kCodeSlots) {
    if (slot.name == name) return true;
  }
  return false;
}

std::optional<std::string> PartOfDayFromAlexaTime(std::string_view value) {
  if (value == "MO") return "morning";
  if (value == "AF") return "afternoon";
  if (value == "EV" || value == "NI") return "evening";
  return std::nullopt;
}

std::optional<std::string> NormalizeSlotValue(std::string_view name, const nlohmann::json& raw) {
  const nlohmann::json* value = &raw;
  if (value->is_array()) {
    if (value->empty()) return std::nullopt;
    value = &(*value)[0];
  }
  if (value->is_null()) return std::nullopt;
  if (name == "quantity" || name == "score") {
    std::optional<double> number = AsNumber(*value);
    if (!number || !std::isfinite(*number) || *number < 0 || *number > 100000) return std::nullopt;
    if (name == "score") {
      if (std::floor(*number) != *number || *number > 10) return std::nullopt;
    }
    return PlainDecimal(*number);
  }
  if (!value->is_string()) return std::nullopt;
  std::string text = Trim(value->get<std::string>());
  if (text.empty()) return std::nullopt;
  if (name == "date") {
    if (Digits(text, 0, 4) && text.size() >= 10 && text[4] == '-' && Digits(text, 5, 2) &&
        text[7] == '-' && Digits(text, 8, 2)) {
      return text.substr(0, 10);
    }
    return std::nullopt;
  }
  if (name == "time") {
    size_t t = text.find('T');
    std::string_view clock =
        t == std::string::npos ? std::string_view(text) : std::string_view(text).substr(t + 1);
    if (Digits(clock, 0, 2) && clock.size() >= 5 && clock[2] == ':' && Digits(clock, 3, 2)) {
      int hour = std::atoi(std::string(clock.substr(0, 2)).c_str());
      int minute = std::atoi(std::string(clock.substr(3, 2)).c_str());
      if (hour < 24 && minute < 60) return std::string(clock.substr(0, 5));
    }
    return std::nullopt;
  }
  if (name == "product") {
    if (text.size() > 200) text.resize(200);
    return text;
  }
  for (const CodeSlot& slot : kCodeSlots) {
    if (slot.name != name) continue;
    std::string code = Lower(text);
    for (std::string_view known : slot.codes) {
      if (!known.empty() && known == code) return code;
    }
    return std::nullopt;
  }
  return std::nullopt;
}

std::string NormalizeLocale(std::string_view language_code) {
  std::string code = Lower(language_code);
  if (code.rfind("en", 0) == 0) return "en-US";
  return "fr-FR";
}

}  // namespace chariot::platforms
