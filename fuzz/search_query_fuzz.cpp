// What people type into the portal's search box: the terms never carry quotes, spaces, operators
// or broken UTF-8 into the FTS5 / tsquery syntax they are quoted into, and the gram text never holds
// an empty token (array_to_tsvector refuses them).
#include <cstdint>
#include <cctype>
#include <cstdlib>
#include <string_view>

#include "catalog/search_text.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace tongban::catalog;
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const auto terms = QueryTerms(input);
  if (terms.size() > 6) std::abort();
  for (const auto& term : terms) {
    if (term.empty() || CodePoints(term) > 32) std::abort();
    for (unsigned char c : term)
      if (c < 0x80 && !std::isalnum(c)) std::abort();  // ASCII inside a term is letters and digits only
  }
  const std::string grams = GramText(input);
  if (!grams.empty() && (grams.front() == ' ' || grams.back() == ' ' || grams.find("  ") != std::string::npos))
    std::abort();
  return 0;
}
