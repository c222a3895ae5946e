// The demo catalog, its seeding and product search as a customer speaks.
#include <catch2/catch.hpp>
#include <fstream>
#include <set>

#include "commerce/paris_time.h"
#include "commerce/text_fold.h"
#include "commerce_fixture.h"

using namespace chariot;
using chariot::testing::CommerceFixture;

TEST_CASE("the demo data is plausible and complete", "[commerce][seed]") {
  auto data = commerce::LoadCatalogFiles(app::ResolveResourcePaths().data_dir);
  REQUIRE(data.ok());
  int grocery = 0, diy = 0;
  for (const auto& p : data->products) {
    (p.department == "grocery" ? grocery : diy) += 1;
    CHECK(p.price_cents > 0);
  }
  CHECK(grocery >= 300);
  CHECK(diy >= 100);
  std::set<std::string> cities;
  int dark = 0;
  for (const auto& s : data->stores) {
    if (s.kind == "store") cities.insert(s.city);
    dark += s.kind == "dark_store";
  }
  for (const char* city : {"Paris", "Lyon", "Marseille", "Lille", "Bordeaux"})
    CHECK(cities.count(city));
  CHECK(dark == 1);
  // Every store has an aisle for every category of the catalog.
  for (const auto& s : data->stores) {
    if (s.kind != "store") continue;
    for (const auto& p : data->products) CHECK(data->aisles[s.id].count(p.category) == 1);
  }
}

TEST_CASE("seeding twice changes nothing and keeps stock moved by orders", "[commerce][seed]") {
  CommerceFixture f;
  auto count = f.stores->catalog.ProductCount();
  REQUIRE(count.ok());
  CHECK(*count >= 400);
  auto before = f.stores->catalog.GetProduct("LAIT-DEMI-ECREME-1L");
  REQUIRE(before.ok());
  REQUIRE(f.db->Write([](store::Connection& c) {
                c.Exec("UPDATE products SET stock = 7 WHERE sku = 'LAIT-DEMI-ECREME-1L'");
                return Status::Ok();
              })
              .ok());
  auto again = commerce::SeedDemoData(f.stores->catalog, f.stores->orders,
                                      app::ResolveResourcePaths().data_dir, f.clock.NowSeconds());
  REQUIRE(again.ok());
  CHECK(*f.stores->catalog.ProductCount() == *count);
  CHECK(f.stores->catalog.GetProduct("LAIT-DEMI-ECREME-1L")->stock == 7);
}

TEST_CASE("a malformed catalog file is refused naming the file", "[commerce][seed]") {
  chariot::testing::TempDir dir;
  { std::ofstream(dir.File("products.json")) << "{\"products\": [{\"sku\": \"A\"}]}"; }
  auto data = commerce::LoadCatalogFiles(dir.path().string());
  REQUIRE_FALSE(data.ok());
  CHECK(data.status().message().find("products.json") != std::string::npos);
}

TEST_CASE("folding removes accents, plurals and feminine endings", "[commerce][search]") {
  CHECK(commerce::FoldAccents("Œufs FRAIS, Crème") == "oeufs frais creme");
  CHECK(commerce::SearchText("yaourts nature") == commerce::SearchText("Yaourt nature"));
  CHECK(commerce::SearchText("lait entière") == commerce::SearchText("Lait entier"));
  CHECK(commerce::SearchText("du lait demi-écrémée") == commerce::SearchText("Lait demi-écrémé"));
}

TEST_CASE("product search understands what customers say", "[commerce][search]") {
  CommerceFixture f;
  auto& catalog = f.shopping->catalog();
  auto first = [&](const std::string& words) {
    auto found = catalog.Find(words, "fr-FR", "", 3);
    return found.empty() ? std::string() : found.front().product.sku;
  };
  CHECK(first("lait demi-écrémé") == "LAIT-DEMI-ECREME-1L");
  CHECK(first("lait demi ecreme") == "LAIT-DEMI-ECREME-1L");
  CHECK(first("yaourts nature") == "YAOURT-NATURE-X4");
  CHECK(first("pq") == "PAPIER-TOILETTE-X12");
  CHECK(first("oeufs") == "OEUFS-FRAIS-DE-POULES-ELEVEES-EN-X6");
  CHECK(first("joints de robinet") == "JOINTS-DE-ROBINET-15X21-X10");
  CHECK(first("semi-skimmed milk") == "LAIT-DEMI-ECREME-1L");

  // "lait" alone fits several kinds: the three most likely, in order.
  auto milks = catalog.Find("lait", "fr-FR", "", 3);
  REQUIRE(milks.size() == 3);
  CHECK(milks[0].product.name == "Lait demi-écrémé");
  CHECK(milks[1].product.name == "Lait entier");
  CHECK(milks[2].product.name == "Lait d'avoine");
  for (const auto& c : milks) CHECK(c.exact);

  // Nothing holds every word: the closest come back as suggestions.
  auto close = catalog.Find("lait de licorne", "fr-FR", "", 3);
  REQUIRE_FALSE(close.empty());
  CHECK_FALSE(close.front().exact);
  CHECK(catalog.Find("xylophone", "fr-FR", "", 3).empty());
  // As a ProductResolver (chariot parse, /v1/parse): only what fits, best first.
  CHECK(catalog.Resolve("lait de licorne", "fr-FR", "", 3).empty());
  auto resolved = catalog.Resolve("lait demi-écrémé", "fr-FR", "", 2);
  REQUIRE_FALSE(resolved.empty());
  CHECK(resolved[0].name == "Lait demi-écrémé 1 L");
  if (resolved.size() > 1) CHECK(resolved[0].score >= 1.5 * resolved[1].score);
  CHECK(catalog.Find("", "fr-FR", "", 3).empty());
  // FTS5 syntax in what was said is only words: no error, no exact match.
  for (const auto& c : catalog.Find("\"*) OR NEAR( lait", "fr-FR", "", 3)) CHECK_FALSE(c.exact);
}

TEST_CASE("the customer's history ranks first", "[commerce][search]") {
  CommerceFixture f;
  std::string customer = f.ParisCustomer();
  REQUIRE(f.shopping->lists().Add(customer, "LAIT-D-AVOINE-1L", 1).ok());
  auto slots = f.shopping->orders().FreeSlots("paris-republique", "pickup", 0, 1);
  REQUIRE(slots.ok());
  REQUIRE(f.shopping->orders().Place(customer, slots->front().id, "k1").ok());
  auto milks = f.shopping->catalog().Find("lait", "fr-FR", customer, 3);
  REQUIRE_FALSE(milks.empty());
  CHECK(milks.front().product.sku == "LAIT-D-AVOINE-1L");
  CHECK(milks.front().bought_before);
}

TEST_CASE("Paris time follows summer time", "[commerce][time]") {
  // 2026-07-01 12:00 UTC is 14:00 in Paris; 2026-12-01 12:00 UTC is 13:00.
  CHECK(commerce::ToParisTime(1782907200).hour == 14);
  CHECK(commerce::ToParisTime(1796126400).hour == 13);
  CHECK(commerce::FromParisTime(2026, 12, 1, 13, 0) == 1796126400);
  CHECK(commerce::ToParisTime(chariot::testing::kMondayMorning).weekday == 1);
}
