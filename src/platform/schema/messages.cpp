#include "platform/schema/messages.hpp"

#include <array>

namespace tongban::schema::internal {
namespace {

struct TypeName {
  std::uint8_t bit;
  std::string_view name, zh, en;
};
// In the order types are listed in messages.
constexpr std::array<TypeName, 7> kTypes = {{
    {kObjectType, "object", "对象", "an object"},
    {kArrayType, "array", "数组", "an array"},
    {kStringType, "string", "字符串", "a string"},
    {kIntegerType, "integer", "整数", "an integer"},
    {kNumberType, "number", "数字", "a number"},
    {kBooleanType, "boolean", "布尔值", "a boolean"},
    {kNullType, "null", "空值（null）", "null"},
}};

}  // namespace

std::uint8_t TypeBitOf(std::string_view name) {
  for (const auto& t : kTypes)
    if (t.name == name) return t.bit;
  return 0;
}

Text DescribeTypes(std::uint8_t mask) {
  Text out;
  int listed = 0, total = 0;
  for (const auto& t : kTypes) total += (mask & t.bit) != 0;
  for (const auto& t : kTypes) {
    if (!(mask & t.bit)) continue;
    ++listed;
    if (listed > 1) {
      out.zh += "或";
      out.en += listed == total ? " or " : ", ";
    }
    out.zh += t.zh;
    out.en += t.en;
  }
  return out;
}

Text DescribeValueType(const nlohmann::json& value) {
  switch (value.type()) {
    case nlohmann::json::value_t::object: return DescribeTypes(kObjectType);
    case nlohmann::json::value_t::array: return DescribeTypes(kArrayType);
    case nlohmann::json::value_t::string: return DescribeTypes(kStringType);
    case nlohmann::json::value_t::boolean: return DescribeTypes(kBooleanType);
    case nlohmann::json::value_t::null: return DescribeTypes(kNullType);
    default: return DescribeTypes(kNumberType);
  }
}

std::string QuoteJson(const nlohmann::json& value) {
  constexpr std::size_t kMaxBytes = 60;
  std::string text = value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  if (text.size() <= kMaxBytes) return text;
  std::size_t cut = kMaxBytes;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return text.substr(0, cut) + "…";
}

Text AboutField(std::string_view pointer, std::string_view title, const Text& text) {
  if (pointer.empty()) return text;
  Text out;
  out.zh.reserve(pointer.size() + title.size() + text.zh.size() + 8);
  out.zh.append(pointer);
  if (!title.empty()) out.zh.append("（").append(title).append("）");
  out.zh.append("：").append(text.zh);
  out.en.append(pointer).append(": ").append(text.en);
  return out;
}

}  // namespace tongban::schema::internal
