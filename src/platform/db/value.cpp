#include "platform/db/value.hpp"

#include <charconv>
#include <stdexcept>

#include <fmt/format.h>

namespace tongban::db {

bool Row::IsNull(std::size_t i) const { return std::holds_alternative<std::monostate>(cells_.at(i)); }

std::int64_t Row::Int(std::size_t i) const {
  const Cell& c = cells_.at(i);
  if (auto* v = std::get_if<std::int64_t>(&c)) return *v;
  if (auto* d = std::get_if<double>(&c)) return static_cast<std::int64_t>(*d);
  if (auto* s = std::get_if<std::string>(&c)) {
    if (*s == "t") return 1;  // a PostgreSQL boolean, e.g. from EXISTS(...)
    if (*s == "f") return 0;
    std::int64_t out = 0;
    auto [end, ec] = std::from_chars(s->data(), s->data() + s->size(), out);
    if (ec != std::errc{} || end != s->data() + s->size())
      throw std::logic_error("column " + std::to_string(i) + " is not an integer: " + *s);
    return out;
  }
  return 0;
}

double Row::Double(std::size_t i) const {
  const Cell& c = cells_.at(i);
  if (auto* v = std::get_if<double>(&c)) return *v;
  if (auto* n = std::get_if<std::int64_t>(&c)) return static_cast<double>(*n);
  if (auto* s = std::get_if<std::string>(&c)) return std::stod(*s);
  return 0;
}

std::string Row::Text(std::size_t i) const {
  const Cell& c = cells_.at(i);
  if (auto* s = std::get_if<std::string>(&c)) return *s;
  if (auto* n = std::get_if<std::int64_t>(&c)) return std::to_string(*n);
  if (auto* d = std::get_if<double>(&c)) return fmt::format("{}", *d);
  return {};
}

std::optional<std::int64_t> Row::OptInt(std::size_t i) const {
  if (IsNull(i)) return std::nullopt;
  return Int(i);
}
std::optional<std::string> Row::OptText(std::size_t i) const {
  if (IsNull(i)) return std::nullopt;
  return Text(i);
}

}  // namespace tongban::db
