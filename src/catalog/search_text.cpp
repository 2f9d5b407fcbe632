#include "catalog/search_text.hpp"

#include <cctype>

namespace tongban::catalog {
namespace {

enum class Kind { kSeparator, kAscii, kHan };

struct CodePoint {
  char32_t value;
  std::size_t length;  // bytes
};

// Decodes the code point at `i`; an invalid byte decodes as a one-byte separator.
CodePoint Decode(std::string_view s, std::size_t i) {
  const auto b = static_cast<unsigned char>(s[i]);
  auto cont = [&](std::size_t k) { return i + k < s.size() && (static_cast<unsigned char>(s[i + k]) & 0xC0) == 0x80; };
  if (b < 0x80) return {b, 1};
  if ((b & 0xE0) == 0xC0 && cont(1)) return {char32_t((b & 0x1F) << 6 | (s[i + 1] & 0x3F)), 2};
  if ((b & 0xF0) == 0xE0 && cont(1) && cont(2))
    return {char32_t((b & 0x0F) << 12 | (s[i + 1] & 0x3F) << 6 | (s[i + 2] & 0x3F)), 3};
  if ((b & 0xF8) == 0xF0 && cont(1) && cont(2) && cont(3))
    return {char32_t((b & 0x07) << 18 | (s[i + 1] & 0x3F) << 12 | (s[i + 2] & 0x3F) << 6 | (s[i + 3] & 0x3F)), 4};
  return {0xFFFD, 1};
}

// Letters of CJK scripts count as words; CJK punctuation (、。《》“”…) and full-width forms are
// separators, as are ASCII punctuation and space.
Kind Classify(char32_t c) {
  if (c < 0x80) return std::isalnum(static_cast<int>(c)) ? Kind::kAscii : Kind::kSeparator;
  if (c >= 0x3000 && c <= 0x303F) return Kind::kSeparator;  // CJK symbols and punctuation
  if (c >= 0xFE30 && c <= 0xFE4F) return Kind::kSeparator;  // CJK compatibility forms
  if (c >= 0xFF00 && c <= 0xFFEF) return Kind::kSeparator;  // full-width forms
  if (c == 0xFFFD || (c >= 0x2000 && c <= 0x206F)) return Kind::kSeparator;  // general punctuation
  if (c >= 0x2E80) return Kind::kHan;
  return Kind::kSeparator;
}

struct Run {
  Kind kind;
  std::vector<std::string> chars;  // one UTF-8 string per code point
};

std::vector<Run> Runs(std::string_view text) {
  std::vector<Run> runs;
  for (std::size_t i = 0; i < text.size();) {
    const auto cp = Decode(text, i);
    const Kind kind = Classify(cp.value);
    std::string ch(text.substr(i, cp.length));
    i += cp.length;
    if (kind == Kind::kSeparator) {
      runs.push_back({Kind::kSeparator, {}});
      continue;
    }
    if (kind == Kind::kAscii) ch[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(ch[0])));
    if (runs.empty() || runs.back().kind != kind) runs.push_back({kind, {}});
    runs.back().chars.push_back(std::move(ch));
  }
  return runs;
}

}  // namespace

std::string GramText(std::string_view text) {
  std::string out;
  auto emit = [&out](const std::string& token) {
    if (!out.empty()) out += ' ';
    out += token;
  };
  for (const auto& run : Runs(text)) {
    if (run.kind == Kind::kAscii) {
      std::string word;
      for (const auto& c : run.chars) word += c;
      emit(word);
    } else if (run.kind == Kind::kHan) {
      for (std::size_t i = 0; i < run.chars.size(); ++i) {
        emit(run.chars[i]);
        if (i + 1 < run.chars.size()) emit(run.chars[i] + run.chars[i + 1]);
      }
    }
  }
  return out;
}

std::vector<std::string> QueryTerms(std::string_view query, std::size_t max_terms) {
  constexpr std::size_t kMaxChars = 32;
  std::vector<std::string> terms;
  std::string term;
  std::size_t chars = 0;
  auto flush = [&] {
    if (!term.empty() && terms.size() < max_terms) terms.push_back(term);
    term.clear();
    chars = 0;
  };
  // Mixed runs ("A级") stay one term: the trigram index matches them as written.
  for (const auto& run : Runs(query)) {
    if (run.kind == Kind::kSeparator) {
      flush();
      continue;
    }
    for (const auto& c : run.chars)
      if (chars < kMaxChars) {
        term += c;
        ++chars;
      }
  }
  flush();
  return terms;
}

std::string ShortFormsIn(std::string_view text) {
  // Official wording → what people type. Kept small and uncontroversial; a city extends it here.
  static const std::pair<std::string_view, std::string_view> kShortForms[] = {
      {"社会保险", "社保"},     {"医疗保险", "医保"},       {"住房公积金", "公积金"}, {"个体工商户", "个体户"},
      {"机动车驾驶证", "驾照"}, {"居民身份证", "身份证"},   {"网络预约出租汽车", "网约车"},
      {"营业执照", "执照"},     {"不动产权证书", "房产证"}, {"残疾人证", "残疾证"},
  };
  std::string out;
  for (const auto& [full, short_form] : kShortForms)
    if (text.find(full) != std::string_view::npos) {
      if (!out.empty()) out += ' ';
      out += short_form;
    }
  return out;
}

std::string FirstCodePoints(std::string_view text, std::size_t n) {
  std::size_t end = 0;
  for (std::size_t i = 0; i < n && end < text.size(); ++i) end += Decode(text, end).length;
  return std::string(text.substr(0, end));
}

std::size_t CodePoints(std::string_view text) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < text.size(); i += Decode(text, i).length) ++n;
  return n;
}

}  // namespace tongban::catalog
