// Customers: profiles, platform accounts, and erasure of everything personal.
#include <catch2/catch.hpp>

#include "commerce_fixture.h"
#include "store/erasure.h"

using namespace chariot;
using chariot::testing::CommerceFixture;

TEST_CASE("each platform user maps to one customer, and linking moves it",
          "[commerce][customers]") {
  CommerceFixture f;
  auto& customers = f.shopping->customers();
  auto first = customers.CustomerForPlatformUser("alexa", "amzn1.ask.account.AAA");
  REQUIRE(first.ok());
  CHECK(customers.CustomerForPlatformUser("alexa", "amzn1.ask.account.AAA").value() == *first);
  auto other = customers.CustomerForPlatformUser("alexa", "amzn1.ask.account.BBB");
  CHECK(other.value() != *first);
  // Same id string on another platform is another person.
  CHECK(customers.CustomerForPlatformUser("twilio", "amzn1.ask.account.AAA").value() != *first);

  // After account linking, the Alexa user is the app's customer "alice".
  REQUIRE(customers.LinkAccount("alexa", "amzn1.ask.account.AAA", "alice").ok());
  CHECK(customers.CustomerForPlatformUser("alexa", "amzn1.ask.account.AAA").value() == "alice");
  CHECK_FALSE(customers.CustomerForPlatformUser("", "x").ok());
  CHECK_FALSE(customers.CustomerForPlatformUser("alexa", "").ok());
}

TEST_CASE("a profile is created on first visit and keeps postcode and store",
          "[commerce][customers]") {
  CommerceFixture f;
  auto& customers = f.shopping->customers();
  auto visit = customers.Visit("bob", "en-US");
  REQUIRE(visit.ok());
  CHECK(visit->first_time);
  CHECK(visit->customer.locale == "en-US");
  CHECK_FALSE(customers.Visit("bob", "fr-FR")->first_time);
  REQUIRE(customers.SetPostcode("bob", "13008").ok());
  CHECK(customers.Find("bob")->value().preferred_store == "marseille-prado");
  REQUIRE(customers.SetPreferredStore("bob", "lille-euralille").ok());
  CHECK(customers.Find("bob")->value().preferred_store == "lille-euralille");
  CHECK(customers.SetPreferredStore("bob", "paris-express").code() == StatusCode::kNotFound);
  CHECK(customers.SetPreferredStore("bob", "nowhere").code() == StatusCode::kNotFound);
}

TEST_CASE("erasing a customer removes list, profile and accounts, and anonymises orders",
          "[commerce][customers]") {
  CommerceFixture f;
  std::string alice = f.ParisCustomer();
  REQUIRE(f.shopping->customers().LinkAccount("alexa", "amzn1.ask.account.AAA", alice).ok());
  REQUIRE(f.shopping->lists().Add(alice, "BAGUETTE-TRADITION", 1).ok());
  auto slot = f.shopping->orders().FreeSlots("paris-republique", "pickup", 0, 1)->front();
  REQUIRE(f.shopping->orders().Place(alice, slot.id, "k").ok());
  REQUIRE(f.shopping->lists().Add(alice, "LAIT-DEMI-ECREME-1L", 1).ok());

  auto erased = store::EraseCustomer(*f.db, alice);
  REQUIRE(erased.ok());
  CHECK(f.shopping->lists().Lines(alice)->empty());
  CHECK_FALSE(f.shopping->customers().Find(alice)->has_value());
  CHECK(f.shopping->orders().Orders(alice)->empty());
  CHECK(f.shopping->customers().CustomerForPlatformUser("alexa", "amzn1.ask.account.AAA").value() !=
        alice);
  // The slot stays booked: the order still exists, without its customer.
  CHECK(f.shopping->orders().Slot(slot.id)->booked == 1);
}
