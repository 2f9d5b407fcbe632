#include "platform/codes/text_input.hpp"

namespace tongban::codes::internal {

std::string NormalizeTyped(std::string_view text) {
  const auto is_space = [](char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
  };
  while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
  std::string out(text);
  for (char& c : out) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return out;
}

std::vector<std::string_view> SplitUtf8(std::string_view text) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t j = i + 1;
    // Continuation bytes are 10xxxxxx; they join the character a lead byte opened.
    if (static_cast<unsigned char>(text[i]) >= 0xC0) {
      while (j < text.size() && (static_cast<unsigned char>(text[j]) & 0xC0) == 0x80) ++j;
    }
    out.push_back(text.substr(i, j - i));
    i = j;
  }
  return out;
}

std::string QuoteIfPrintable(std::string_view character) {
  if (character.size() == 1 && character[0] >= 0x21 && character[0] <= 0x7E) {
    return std::string("\"") + character[0] + "\"";
  }
  return "";
}

}  // namespace tongban::codes::internal
