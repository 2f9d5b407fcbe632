#include "platform/schema/regex.hpp"

#include <cwctype>
#include <stdexcept>

// Bounds the states one match may visit (Boost's default is 100 million, about a second): a
// pattern that needs more on a form field is pathological. Defined before the include; no other
// file includes Boost.Regex, so every instantiation sees the same value.
#define BOOST_REGEX_MAX_STATE_COUNT 10000000
#include <boost/regex.hpp>

#include "platform/schema/text.hpp"

namespace tongban::schema::internal {

struct Regex::Impl {
  boost::wregex re;
};

namespace {

constexpr std::size_t kMaxPatternBytes = 4096;

bool IsHex(wchar_t c) { return c < 128 && std::iswxdigit(c); }

// JavaScript's \uXXXX and \u{X…} as Boost's \x{…}; everything else is passed through, escapes
// included, so "\\u" (a literal backslash, then u) stays as written.
std::wstring TranslateEscapes(const std::wstring& in) {
  std::wstring out;
  out.reserve(in.size());
  for (std::size_t i = 0; i < in.size(); ++i) {
    if (in[i] != L'\\' || i + 1 >= in.size()) {
      out += in[i];
      continue;
    }
    if (in[i + 1] == L'u') {
      if (i + 5 < in.size() && IsHex(in[i + 2]) && IsHex(in[i + 3]) &&
          IsHex(in[i + 4]) && IsHex(in[i + 5])) {
        out += L"\\x{" + in.substr(i + 2, 4) + L"}";
        i += 5;
        continue;
      }
      if (i + 2 < in.size() && in[i + 2] == L'{') {
        std::size_t end = i + 3;
        while (end < in.size() && IsHex(in[end])) ++end;
        if (end < in.size() && in[end] == L'}' && end > i + 3) {
          out += L"\\x{" + in.substr(i + 3, end - i - 3) + L"}";
          i = end;
          continue;
        }
      }
    }
    out += in[i];
    out += in[i + 1];
    ++i;
  }
  return out;
}

}  // namespace

std::variant<Regex, std::string> Regex::Compile(std::string_view pattern) {
  if (pattern.size() > kMaxPatternBytes)
    return "longer than " + std::to_string(kMaxPatternBytes) + " bytes";
  try {
    auto impl = std::make_shared<Impl>();
    impl->re.assign(TranslateEscapes(DecodeUtf8(pattern)),
                    boost::regex::ECMAScript | boost::regex::no_mod_m | boost::regex::no_mod_s);
    return Regex(std::move(impl), std::string(pattern));
  } catch (const std::exception& e) {  // boost::regex_error, or bad_alloc on an absurd repeat
    std::string why = e.what();
    // Boost appends the pattern with a >>>HERE>>> marker; the caller names the pattern already.
    if (const auto at = why.find("  The error occurred"); at != std::string::npos) why.resize(at);
    return why;
  }
}

Regex::Match Regex::Search(std::string_view text) const {
  const std::wstring subject = DecodeUtf8(text);
  try {
    return boost::regex_search(subject, impl_->re) ? Match::kFound : Match::kNotFound;
  } catch (const std::runtime_error&) {  // complexity or memory bound passed
    return Match::kTooComplex;
  }
}

}  // namespace tongban::schema::internal
