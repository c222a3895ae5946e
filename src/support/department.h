// Department from a French postcode, and the Enedis fault line that follows from it.
//
// The French postcode's first digits name the department: two digits in mainland France
// ("75011" -> "75"), "2A" / "2B" in Corsica (postcodes 200xx-201xx are Corse-du-Sud, the rest of
// 20xxx Haute-Corse), three digits overseas (971 Guadeloupe ... 976 Mayotte). Enedis answers
// power cuts on 09 72 67 50 followed by the department's two digits, but only where Enedis runs
// the grid: not in Corsica nor overseas (EDF SEI, Électricité de Mayotte). Sources in
// data/support/advice.json ("enedis", "edf_sei").
//
// Thread safety: pure functions.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace chariot::support {

// The department code for a five-digit French postcode ("75", "2A", "971"), or nullopt when the
// text is not a postcode of a French department (wrong length, letters, 00xxx, 98xxx Monaco and
// the Pacific territories, 96xxx unused, Saint-Barthélemy 97133 and Saint-Martin 97150).
std::optional<std::string> DepartmentFromPostcode(std::string_view postcode);

// The Enedis fault line for the department ("09 72 67 50 75"), or nullopt where Enedis does not
// run the grid (Corsica, overseas). `prefix` is the data file's prefix ("09 72 67 50").
std::optional<std::string> EnedisOutageLine(std::string_view department, std::string_view prefix);

// The first five consecutive digits in text ("c'est le 75011" -> "75011"), also when the digits
// are separated by spaces ("75 011"); empty when there are none.
std::string ExtractPostcode(std::string_view text);

}  // namespace chariot::support
