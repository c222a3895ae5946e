#include "core/ids.h"

#include <random>

namespace chariot {

std::string RandomHex(size_t bytes) {
  // std::random_device reads the kernel's generator (getrandom) on Linux with libstdc++.
  thread_local std::random_device device;
  static const char* digits = "0123456789abcdef";
  std::string out;
  out.reserve(bytes * 2);
  for (size_t i = 0; i < bytes; i += 4) {
    uint32_t word = device();
    for (size_t k = 0; k < 4 && i + k < bytes; ++k) {
      unsigned char byte = (word >> (8 * k)) & 0xFF;
      out += digits[byte >> 4];
      out += digits[byte & 0xF];
    }
  }
  return out;
}

bool ConstantTimeEquals(const std::string& a, const std::string& b) {
  if (a.size() != b.size()) return false;
  unsigned char difference = 0;
  for (size_t i = 0; i < a.size(); ++i) {
    difference |= static_cast<unsigned char>(a[i] ^ b[i]);
  }
  return difference == 0;
}

}  // namespace chariot
