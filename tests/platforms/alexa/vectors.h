// The genuine Amazon-signed requests of /work/shared/testdata/alexa-signed (see its README.md).
#pragma once

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

namespace chariot::testing {

struct AlexaVector {
  std::string folder;
  int64_t epoch;  // request timestamp + 5 s, inside the certificate validity
};

inline const std::vector<AlexaVector>& AlexaVectors() {
  static const std::vector<AlexaVector> vectors = {
      {"2019-07-15-launch-request-amazon-ca", 1563230668},
      {"2017-11-20-intent-request-raw-whitespace", 1511167507},
      {"2017-04-05-intent-request-utf8", 1491393761},
      {"2017-02-10-intent-request", 1486711684},
      {"2015-08-02-launch-request", 1438548626},
  };
  return vectors;
}

inline std::string ReadFileBytes(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  if (!file) throw std::runtime_error("cannot read " + path);
  std::stringstream text;
  text << file.rdbuf();
  return text.str();
}

inline std::string AlexaVectorPath(const std::string& folder, const std::string& file) {
  return std::string(CHARIOT_SHARED_DIR) + "/testdata/alexa-signed/" + folder + "/" + file;
}

}  // namespace chariot::testing
