#include "platform/schema/value.hpp"

#include <cmath>
#include <functional>

#include "platform/schema/messages.hpp"

namespace tongban::schema::internal {

using nlohmann::json;

bool IsIntegral(const json& value) {
  if (value.is_number_integer()) return true;  // signed and unsigned alike
  if (!value.is_number_float()) return false;
  const double d = value.get<double>();
  return std::isfinite(d) && std::floor(d) == d;
}

bool HasType(const json& value, std::uint8_t mask) {
  switch (value.type()) {
    case json::value_t::null: return mask & kNullType;
    case json::value_t::boolean: return mask & kBooleanType;
    case json::value_t::object: return mask & kObjectType;
    case json::value_t::array: return mask & kArrayType;
    case json::value_t::string: return mask & kStringType;
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
    case json::value_t::number_float:
      return (mask & kNumberType) || ((mask & kIntegerType) && IsIntegral(value));
    default: return false;  // binary and discarded values are not JSON
  }
}

int CompareNumbers(const json& a, const json& b) {
  const auto sign = [](auto x, auto y) { return x < y ? -1 : (y < x ? 1 : 0); };
  if (a.is_number_float() || b.is_number_float()) return sign(a.get<double>(), b.get<double>());
  // Both integers: an unsigned beyond int64's range is larger than every signed value.
  if (a.is_number_unsigned() && b.is_number_unsigned())
    return sign(a.get<std::uint64_t>(), b.get<std::uint64_t>());
  if (a.is_number_unsigned()) {
    const auto ua = a.get<std::uint64_t>();
    const auto sb = b.get<std::int64_t>();
    return sb < 0 ? 1 : sign(ua, static_cast<std::uint64_t>(sb));
  }
  if (b.is_number_unsigned()) return -CompareNumbers(b, a);
  return sign(a.get<std::int64_t>(), b.get<std::int64_t>());
}

bool NestedDeeperThan(const json& value, int levels) {
  if (!value.is_structured()) return false;
  if (levels <= 0) return true;
  for (const auto& child : value)
    if (NestedDeeperThan(child, levels - 1)) return true;
  return false;
}

namespace {
std::size_t Mix(std::size_t seed, std::size_t h) { return seed ^ (h + 0x9e3779b97f4a7c15ULL + (seed << 6) + (seed >> 2)); }
}  // namespace

std::size_t HashJson(const json& value) {
  std::size_t h = static_cast<std::size_t>(value.type() == json::value_t::number_unsigned ||
                                                   value.type() == json::value_t::number_float
                                               ? json::value_t::number_integer
                                               : value.type());
  switch (value.type()) {
    case json::value_t::object:
      for (auto it = value.begin(); it != value.end(); ++it)
        h = Mix(Mix(h, std::hash<std::string>{}(it.key())), HashJson(it.value()));
      return h;
    case json::value_t::array:
      for (const auto& item : value) h = Mix(h, HashJson(item));
      return h;
    case json::value_t::string: return Mix(h, std::hash<std::string>{}(value.get_ref<const std::string&>()));
    case json::value_t::boolean: return Mix(h, value.get<bool>());
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
    case json::value_t::number_float:
      return Mix(h, std::hash<double>{}(value.get<double>()));  // -0.0 and 0.0 hash alike
    default: return h;
  }
}

}  // namespace tongban::schema::internal
