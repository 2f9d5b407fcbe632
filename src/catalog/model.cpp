#include "catalog/model.hpp"

#include <algorithm>

namespace tongban::catalog {

const std::vector<std::string>& PowerTypes() {
  static const std::vector<std::string> kTypes = {"licensing",  "penalty", "enforcement", "levy",
                                                  "payment",    "inspection", "confirmation", "reward",
                                                  "adjudication", "other"};
  return kTypes;
}

const std::vector<std::string>& Levels() {
  static const std::vector<std::string> kLevels = {"city", "district", "street"};
  return kLevels;
}

std::string LevelOfDivision(const std::string& division_code) {
  if (division_code.size() == 9) return "street";
  if (division_code.size() == 6 && division_code.compare(4, 2, "00") == 0) return "city";
  return "district";
}

int LevelRank(const std::string& level) { return level == "city" ? 0 : level == "district" ? 1 : 2; }

bool IsCatalogueCode(const std::string& code) {
  return !code.empty() && code.size() <= 64 && std::all_of(code.begin(), code.end(), [](char c) {
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '-' || c == '_' || c == '.';
  });
}

}  // namespace tongban::catalog
