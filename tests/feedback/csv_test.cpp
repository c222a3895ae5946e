#include "feedback/csv.h"

#include <catch2/catch.hpp>

using namespace chariot::feedback;

TEST_CASE("CSV quotes fields that need it and ends records with CRLF", "[feedback][csv]") {
  CHECK(CsvTextCell("plain") == "plain");
  CHECK(CsvTextCell("a,b") == "\"a,b\"");
  CHECK(CsvTextCell("il a dit \"bof\"") == "\"il a dit \"\"bof\"\"\"");
  CHECK(CsvTextCell("deux\nlignes") == "\"deux\nlignes\"");
  CHECK(CsvRecord({"a", "b", ""}) == "a,b,\r\n");
}

TEST_CASE("CSV neutralises cells that a spreadsheet would run as formulas", "[feedback][csv]") {
  CHECK(CsvTextCell("=HYPERLINK(\"http://evil\")") == "\"'=HYPERLINK(\"\"http://evil\"\")\"");
  CHECK(CsvTextCell("+33 1 23") == "'+33 1 23");
  CHECK(CsvTextCell("-2+3") == "'-2+3");
  CHECK(CsvTextCell("@SUM(A1)") == "'@SUM(A1)");
  CHECK(CsvTextCell("\tx") == "'\tx");
  CHECK(CsvTextCell("ok = fine") == "ok = fine");
  CHECK(CsvNumberCell(-3) == "-3");
}

TEST_CASE("CSV parses back what it wrote", "[feedback][csv]") {
  std::vector<std::string> hostile = {"=1+1", "a,\"b\"\r\nc", "", "é à ç", "@x", "plain"};
  std::string text = CsvRecord({"h1", "h2", "h3", "h4", "h5", "h6"});
  std::vector<std::string> cells;
  for (const auto& v : hostile) cells.push_back(CsvTextCell(v));
  text += CsvRecord(cells);
  auto records = ParseCsv(text);
  REQUIRE(records.size() == 2);
  REQUIRE(records[1].size() == 6);
  CHECK(records[1][0] == "'=1+1");
  CHECK(records[1][1] == "a,\"b\"\r\nc");
  CHECK(records[1][2] == "");
  CHECK(records[1][3] == "é à ç");
  CHECK(records[1][4] == "'@x");
  CHECK(records[1][5] == "plain");
}
