#include "support/department.h"

#include <cctype>

namespace chariot::support {

std::optional<std::string> DepartmentFromPostcode(std::string_view postcode) {
  if (postcode.size() != 5) return std::nullopt;
  for (char c : postcode) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return std::nullopt;
  }
  std::string two(postcode.substr(0, 2));
  if (two == "00" || two == "96" || two == "98" || two == "99") return std::nullopt;
  if (two == "20") {
    // Corse-du-Sud has 200xx and 201xx (Ajaccio 20000, Porto-Vecchio 20137); Haute-Corse the rest
    // (Bastia 20200, Corte 20250).
    return postcode[2] <= '1' ? std::string("2A") : std::string("2B");
  }
  if (two == "97") {
    // Saint-Barthélemy (97133) and Saint-Martin (97150) share Guadeloupe's 971 postcodes but
    // are overseas collectivities, not departments.
    if (postcode == "97133" || postcode == "97150") return std::nullopt;
    std::string three(postcode.substr(0, 3));
    if (three >= "971" && three <= "976") return three;
    return std::nullopt;  // 970xx, 977xx-979xx: no department
  }
  return two;
}

std::optional<std::string> EnedisOutageLine(std::string_view department, std::string_view prefix) {
  if (department.size() != 2 || prefix.empty()) return std::nullopt;
  if (!std::isdigit(static_cast<unsigned char>(department[0])) ||
      !std::isdigit(static_cast<unsigned char>(department[1]))) {
    return std::nullopt;  // 2A, 2B
  }
  return std::string(prefix) + " " + std::string(department);
}

std::string ExtractPostcode(std::string_view text) {
  std::string digits;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (std::isdigit(static_cast<unsigned char>(c))) {
      digits += c;
      if (digits.size() == 5) {
        bool more = i + 1 < text.size() && std::isdigit(static_cast<unsigned char>(text[i + 1]));
        if (!more) return digits;
        // Six or more digits in a row: not a postcode; skip the run.
        while (i + 1 < text.size() && std::isdigit(static_cast<unsigned char>(text[i + 1]))) ++i;
        digits.clear();
      }
    } else if (c == ' ' && !digits.empty() && i + 1 < text.size() &&
               std::isdigit(static_cast<unsigned char>(text[i + 1]))) {
      continue;  // "75 011"
    } else {
      digits.clear();
    }
  }
  return {};
}

}  // namespace chariot::support
