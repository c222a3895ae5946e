// CSV writing (RFC 4180) with spreadsheet formula neutralisation, and a reader for checks.
//
// Fields are separated by commas and records end with CRLF. A field is quoted when it holds a
// comma, a double quote, CR or LF; quotes inside are doubled. Because verbatims are what
// customers said, a text cell starting with = + - @ (or tab / CR, which some spreadsheets skip
// before reading a formula) is prefixed with a single quote so that Excel, LibreOffice and
// Google Sheets show it as text instead of running it (OWASP "CSV Injection").
//
// Thread safety: pure functions.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace chariot::feedback {

// One text cell, neutralised and quoted as needed.
std::string CsvTextCell(std::string_view value);
// A number cell: written as is (numbers are never neutralised, "-3" stays a number).
std::string CsvNumberCell(long long value);
// Joins already-formatted cells into one record ending with CRLF.
std::string CsvRecord(const std::vector<std::string>& cells);

// Parses RFC 4180 text back into records of fields (quotes removed, doubled quotes undone).
// Accepts LF or CRLF line ends. Used by tests and by anyone checking an export.
std::vector<std::vector<std::string>> ParseCsv(std::string_view text);

}  // namespace chariot::feedback
