// Random identifiers and secrets.
#pragma once

#include <cstddef>
#include <string>

namespace chariot {

// `bytes` random bytes from the operating system's generator, as lower-case hex.
std::string RandomHex(size_t bytes);

// Compares two secrets in time that depends only on their lengths, not on where they differ.
bool ConstantTimeEquals(const std::string& a, const std::string& b);

}  // namespace chariot
