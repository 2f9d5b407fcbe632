#include "platform/schema/text.hpp"

namespace tongban::schema::internal {

std::size_t CountCodePoints(std::string_view text) {
  std::size_t n = 0;
  for (unsigned char c : text) n += (c & 0xC0) != 0x80;
  return n;
}

std::wstring DecodeUtf8(std::string_view text) {
  static_assert(sizeof(wchar_t) == 4, "patterns run over UTF-32 code points");
  constexpr wchar_t kReplacement = 0xFFFD;
  std::wstring out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    const unsigned char lead = text[i];
    int extra;
    char32_t cp;
    if (lead < 0x80) {
      out += static_cast<wchar_t>(lead);
      ++i;
      continue;
    } else if ((lead & 0xE0) == 0xC0) {
      extra = 1, cp = lead & 0x1F;
    } else if ((lead & 0xF0) == 0xE0) {
      extra = 2, cp = lead & 0x0F;
    } else if ((lead & 0xF8) == 0xF0) {
      extra = 3, cp = lead & 0x07;
    } else {
      out += kReplacement;
      ++i;
      continue;
    }
    bool ok = i + extra < text.size();
    for (int k = 1; ok && k <= extra; ++k) {
      const unsigned char c = text[i + k];
      if ((c & 0xC0) != 0x80) ok = false;
      else cp = (cp << 6) | (c & 0x3F);
    }
    // Overlong forms and surrogates are malformed, as are values past U+10FFFF.
    static constexpr char32_t kMin[] = {0, 0x80, 0x800, 0x10000};
    if (ok && (cp < kMin[extra] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))) ok = false;
    if (!ok) {
      out += kReplacement;
      ++i;
      continue;
    }
    out += static_cast<wchar_t>(cp);
    i += extra + 1;
  }
  return out;
}

}  // namespace tongban::schema::internal
