#include "platforms/token_introspection.h"

#include "platforms/fake_oauth_server.h"

#include <catch2/catch.hpp>

namespace chariot::platforms {
namespace {

TEST_CASE("Token introspection links an active token, once per token", "[platforms][alexa]") {
  FixedClock clock(1767225600);
  testing::FakeOAuthServer oauth(1767225600 + 1800);
  auto linker = IntrospectionAccountLinker::Create(oauth.Url(), "chariot", "s3cret", clock);
  REQUIRE(linker.ok());
  CHECK((*linker)->CustomerForToken("alexa", "Atza|valid-token") ==
        std::optional<std::string>("customer-42"));
  CHECK(oauth.saw_basic_auth);
  for (int i = 0; i < 20; ++i) (*linker)->CustomerForToken("alexa", "Atza|valid-token");
  CHECK(oauth.calls == 1);
  clock.Advance(1801);  // past exp: asked again
  (*linker)->CustomerForToken("alexa", "Atza|valid-token");
  CHECK(oauth.calls == 2);
}

TEST_CASE("Unknown tokens and an unreachable server link nobody", "[platforms][alexa]") {
  FixedClock clock(1767225600);
  testing::FakeOAuthServer oauth(1767225600 + 1800);
  auto linker = IntrospectionAccountLinker::Create(oauth.Url(), "chariot", "s3cret", clock);
  REQUIRE(linker.ok());
  CHECK_FALSE((*linker)->CustomerForToken("alexa", "Atza|forged").has_value());
  CHECK_FALSE((*linker)->CustomerForToken("alexa", "Atza|forged").has_value());
  CHECK(oauth.calls == 1);  // the refusal is remembered for a minute
  CHECK_FALSE((*linker)->CustomerForToken("alexa", "").has_value());

  auto wrong_secret = IntrospectionAccountLinker::Create(oauth.Url(), "chariot", "wrong", clock);
  CHECK_FALSE((*wrong_secret)->CustomerForToken("alexa", "Atza|valid-token").has_value());

  auto unreachable =
      IntrospectionAccountLinker::Create("http://127.0.0.1:1/introspect", "c", "s", clock);
  REQUIRE(unreachable.ok());
  CHECK_FALSE((*unreachable)->CustomerForToken("alexa", "Atza|valid-token").has_value());
  CHECK_FALSE(IntrospectionAccountLinker::Create("ftp://x/y", "c", "s", clock).ok());
}

}  // namespace
}  // namespace chariot::platforms
