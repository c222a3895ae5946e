#include "core/speech.h"

#include <catch2/catch.hpp>

using chariot::EscapeSsml;
using chariot::Speech;

TEST_CASE("SSML escaping neutralises markup in data", "[core][ssml]") {
  CHECK(EscapeSsml("Lait <b>&</b> \"bio\" l'entier") ==
        "Lait &lt;b&gt;&amp;&lt;/b&gt; &quot;bio&quot; l&apos;entier");
  CHECK(EscapeSsml("é ü 🥛") == "é ü 🥛");
  CHECK(EscapeSsml(std::string("a\x01"
                               "b\xff"
                               "c",
                               5)) == "abc");
}

TEST_CASE("Speech builds text and SSML together", "[core][ssml]") {
  Speech speech;
  speech.Say("J'ajoute <du lait>.").Pause(300).Say("Autre chose ?");
  CHECK(speech.text() == "J'ajoute <du lait>. Autre chose ?");
  CHECK(speech.Ssml() ==
        "<speak>J&apos;ajoute &lt;du lait&gt;.<break time=\"300ms\"/> Autre chose ?</speak>");
  Speech phone;
  phone.Say("Appelez le").Telephone("0 800 47 33 33");
  CHECK(phone.Ssml() ==
        "<speak>Appelez le <say-as interpret-as=\"telephone\">0 800 47 33 33</say-as></speak>");
}
