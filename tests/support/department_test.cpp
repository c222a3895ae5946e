// Department from postcode and the Enedis fault line (src/support/department.cpp).
#include "support/department.h"

#include <catch2/catch.hpp>

using chariot::support::DepartmentFromPostcode;
using chariot::support::EnedisOutageLine;
using chariot::support::ExtractPostcode;

TEST_CASE("mainland postcodes give their first two digits", "[support][department]") {
  CHECK(DepartmentFromPostcode("75011") == "75");
  CHECK(DepartmentFromPostcode("01000") == "01");
  CHECK(DepartmentFromPostcode("69003") == "69");
  CHECK(DepartmentFromPostcode("95000") == "95");
}

TEST_CASE("Corsica is 2A for 200xx-201xx and 2B for the rest", "[support][department]") {
  CHECK(DepartmentFromPostcode("20000") == "2A");  // Ajaccio
  CHECK(DepartmentFromPostcode("20137") == "2A");  // Porto-Vecchio
  CHECK(DepartmentFromPostcode("20200") == "2B");  // Bastia
  CHECK(DepartmentFromPostcode("20250") == "2B");  // Corte
}

TEST_CASE("overseas departments have three digits", "[support][department]") {
  CHECK(DepartmentFromPostcode("97110") == "971");  // Guadeloupe
  CHECK(DepartmentFromPostcode("97400") == "974");  // La Réunion
  CHECK(DepartmentFromPostcode("97600") == "976");  // Mayotte
  CHECK_FALSE(DepartmentFromPostcode("97133"));     // Saint-Barthélemy: not a department (977)
  CHECK(DepartmentFromPostcode("97133") == std::nullopt);
}

TEST_CASE("anything else is not a department", "[support][department]") {
  for (const char* bad :
       {"", "7501", "750111", "75O11", "00100", "98000", "96000", "abcde", "75 01"}) {
    INFO(bad);
    CHECK_FALSE(DepartmentFromPostcode(bad));
  }
}

TEST_CASE("the Enedis line is the prefix and the department, only where Enedis runs the grid",
          "[support][department]") {
  CHECK(EnedisOutageLine("75", "09 72 67 50") == "09 72 67 50 75");
  CHECK(EnedisOutageLine("01", "09 72 67 50") == "09 72 67 50 01");
  CHECK_FALSE(EnedisOutageLine("2A", "09 72 67 50"));
  CHECK_FALSE(EnedisOutageLine("2B", "09 72 67 50"));
  CHECK_FALSE(EnedisOutageLine("971", "09 72 67 50"));
  CHECK_FALSE(EnedisOutageLine("75", ""));
}

TEST_CASE("a postcode is found in what the customer said", "[support][department]") {
  CHECK(ExtractPostcode("c'est le 75011") == "75011");
  CHECK(ExtractPostcode("75 011") == "75011");
  CHECK(ExtractPostcode("mon code postal est 69003, à Lyon") == "69003");
  CHECK(ExtractPostcode("0612345678").empty());  // a phone number is not a postcode
  CHECK(ExtractPostcode("je ne sais pas").empty());
  CHECK(ExtractPostcode("").empty());
}
