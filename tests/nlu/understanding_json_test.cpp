#include "nlu/understanding_json.h"

#include <catch2/catch.hpp>

using chariot::ProductMatch;
using chariot::ProductResolver;
using chariot::nlu::Understanding;
using chariot::nlu::UnderstandingToJson;

namespace {
class FakeResolver : public ProductResolver {
 public:
  explicit FakeResolver(std::vector<ProductMatch> matches) : matches_(std::move(matches)) {}
  std::vector<ProductMatch> Resolve(std::string_view, std::string_view, std::string_view,
                                    size_t limit) const override {
    std::vector<ProductMatch> out = matches_;
    if (out.size() > limit) out.resize(limit);
    return out;
  }

 private:
  std::vector<ProductMatch> matches_;
};

Understanding AddMilk() {
  Understanding u;
  u.intent = "AddItem";
  u.confidence = 0.97123;
  u.slots = {{"product", "lait"}, {"quantity", "2"}, {"unit", "l"}};
  return u;
}
}  // namespace

TEST_CASE("parse JSON: numbers are numbers, codes are strings", "[parse][json]") {
  auto json = UnderstandingToJson("ajoute deux litres de lait", AddMilk(), nullptr, "fr-FR");
  CHECK(json["text"] == "ajoute deux litres de lait");
  CHECK(json["intent"] == "AddItem");
  CHECK(json["confidence"].get<double>() == Approx(0.971));
  CHECK(json["slots"]["quantity"].is_number_integer());
  CHECK(json["slots"]["quantity"] == 2);
  CHECK(json["slots"]["unit"] == "l");
  CHECK_FALSE(json["slots"].contains("sku"));
  Understanding half = AddMilk();
  half.slots["quantity"] = "1.5";
  CHECK(UnderstandingToJson("x", half, nullptr, "fr-FR")["slots"]["quantity"] == 1.5);
  Understanding rating;
  rating.intent = "GiveRating";
  rating.slots = {{"score", "8"}};
  CHECK(UnderstandingToJson("huit", rating, nullptr, "fr-FR")["slots"]["score"] == 8);
}

TEST_CASE("parse JSON: sku and name only for one clear match", "[parse][json]") {
  FakeResolver one({{"SKU1", "Lait demi-écrémé 1 L", 5}});
  auto json = UnderstandingToJson("t", AddMilk(), &one, "fr-FR");
  CHECK(json["slots"]["sku"] == "SKU1");
  CHECK(json["slots"]["product_name"] == "Lait demi-écrémé 1 L");
  FakeResolver clear({{"SKU1", "A", 9}, {"SKU2", "B", 2}});
  CHECK(UnderstandingToJson("t", AddMilk(), &clear, "fr-FR")["slots"]["sku"] == "SKU1");
  FakeResolver close({{"SKU1", "A", 5}, {"SKU2", "B", 4.5}});
  CHECK_FALSE(UnderstandingToJson("t", AddMilk(), &close, "fr-FR")["slots"].contains("sku"));
  FakeResolver none({});
  CHECK_FALSE(UnderstandingToJson("t", AddMilk(), &none, "fr-FR")["slots"].contains("sku"));
}

TEST_CASE("parse JSON: invalid UTF-8 in the text cannot break the output", "[parse][json]") {
  Understanding fallback;
  auto json = UnderstandingToJson(std::string("\xFF\xFE lait", 7), fallback, nullptr, "fr-FR");
  CHECK_NOTHROW(json.dump());
  CHECK(json["intent"] == "Fallback");
  CHECK(json["slots"].is_object());
}
