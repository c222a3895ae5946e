// Spoken items: how a product and a list quantity are said in a sentence, with the right number,
// gender, unit and elision: "deux litres de lait demi-écrémé", "un kilo et demi de pommes
// Golden", "une boîte de six œufs frais", "deux baguettes tradition", "un paquet de douze
// rouleaux de papier toilette"; en: "two liters of semi-skimmed milk".
//
// Thread safety: pure functions.
#pragma once

#include <string>
#include <string_view>

#include "store/catalog_store.h"

namespace chariot::commerce {

// The product with its quantity, as said in the middle of a sentence.
std::string SpokenItem(const store::Product& product, double quantity, std::string_view locale);
// The product's name as said in a sentence, without quantity ("lait demi-écrémé").
std::string SpokenName(const store::Product& product, std::string_view locale);
// The product's name with its definite article: "le lait demi-écrémé", "la baguette tradition",
// "l'huile d'olive", "les pommes Golden"; en: "the semi-skimmed milk".
std::string TheName(const store::Product& product, std::string_view locale);
// "de X" or "d'X" in French (elision before a vowel or a mute h); "of X" in English.
std::string Of(const std::string& phrase, std::string_view locale);

}  // namespace chariot::commerce
