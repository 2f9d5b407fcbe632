#include "platform/db/placeholders.hpp"

#include <algorithm>
#include <cctype>

namespace tongban::db {
namespace {

// Walks `sql` and calls on_code(i) for every character that is SQL code (not inside a literal,
// quoted identifier, comment or dollar-quoted body). Returns nothing; the callback does the work.
template <class OnCode>
void ScanCode(std::string_view sql, OnCode on_code) {
  std::size_t i = 0;
  while (i < sql.size()) {
    const char c = sql[i];
    if (c == '\'' || c == '"') {  // '' and "" escape themselves, so a plain scan to the next quote works
      const std::size_t end = sql.find(c, i + 1);
      i = end == std::string_view::npos ? sql.size() : end + 1;
    } else if (c == '-' && i + 1 < sql.size() && sql[i + 1] == '-') {
      const std::size_t end = sql.find('\n', i);
      i = end == std::string_view::npos ? sql.size() : end + 1;
    } else if (c == '/' && i + 1 < sql.size() && sql[i + 1] == '*') {
      const std::size_t end = sql.find("*/", i + 2);
      i = end == std::string_view::npos ? sql.size() : end + 2;
    } else if (c == '$') {
      // $tag$ ... $tag$ (tag may be empty); a lone $1 parameter is code.
      std::size_t j = i + 1;
      while (j < sql.size() && (std::isalnum(static_cast<unsigned char>(sql[j])) || sql[j] == '_')) ++j;
      if (j < sql.size() && sql[j] == '$' && !std::isdigit(static_cast<unsigned char>(sql[i + 1]))) {
        const std::string_view tag = sql.substr(i, j - i + 1);
        const std::size_t end = sql.find(tag, j + 1);
        i = end == std::string_view::npos ? sql.size() : end + tag.size();
      } else {
        on_code(i++);
      }
    } else {
      on_code(i++);
    }
  }
}

std::string Upper(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::toupper(c); });
  return out;
}

bool IsBlankOrComment(std::string_view s) {
  bool code = false;
  ScanCode(s, [&](std::size_t i) { code |= !std::isspace(static_cast<unsigned char>(s[i])); });
  return !code;
}

std::string Trim(std::string_view s) {
  std::size_t b = 0, e = s.size();
  while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
  return std::string(s.substr(b, e - b));
}

}  // namespace

std::string RewritePlaceholders(std::string_view sql) {
  std::string out;
  out.reserve(sql.size() + 16);
  std::size_t copied = 0;
  int n = 0;
  ScanCode(sql, [&](std::size_t i) {
    if (sql[i] != '?') return;
    out.append(sql.substr(copied, i - copied));
    out += '$' + std::to_string(++n);
    copied = i + 1;
  });
  out.append(sql.substr(copied));
  return out;
}

std::vector<std::string> SplitStatements(std::string_view script) {
  std::vector<std::string> statements;
  std::size_t start = 0;
  std::string last_word, word;
  ScanCode(script, [&](std::size_t i) {
    const char c = script[i];
    if (std::isalnum(static_cast<unsigned char>(c)) || c == '_') {
      word += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      return;
    }
    if (!word.empty()) last_word = std::move(word), word.clear();
    if (c != ';') return;
    const std::string_view candidate = script.substr(start, i - start);
    // Inside a trigger body a `;` ends an inner statement; the trigger ends at `END;`.
    const std::string head = Upper(Trim(candidate).substr(0, 40));
    const bool trigger = head.rfind("CREATE TRIGGER", 0) == 0 || head.rfind("CREATE TEMP TRIGGER", 0) == 0;
    if (trigger && last_word != "END") return;
    if (!IsBlankOrComment(candidate)) statements.push_back(Trim(candidate));
    start = i + 1;
  });
  const std::string_view tail = script.substr(std::min(start, script.size()));
  if (!IsBlankOrComment(tail)) statements.push_back(Trim(tail));
  return statements;
}

}  // namespace tongban::db
