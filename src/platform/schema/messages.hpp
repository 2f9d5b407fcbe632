#pragma once
// The words violations and schema problems share, in Chinese first and English second. Each
// keyword's own sentence lives beside its check (keywords_*.cpp); what they all need is here:
// the pair type, how a JSON value or a set of types is named, and how a sentence is put after
// the field it is about ("/age：应不小于 18" / "/age: must be at least 18"). Internal; pure.
#include <cstdint>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace tongban::schema::internal {

struct Text {
  std::string zh;
  std::string en;
};

// JSON types as a bit set, for "type" and for naming what a value is.
enum TypeBit : std::uint8_t {
  kNullType = 1,
  kBooleanType = 2,
  kObjectType = 4,
  kArrayType = 8,
  kNumberType = 16,
  kStringType = 32,
  kIntegerType = 64,  // a number with no fractional part (1.0 included, as draft-07 says)
};
// The bit of a draft-07 type name; 0 when the name is not one of the seven.
std::uint8_t TypeBitOf(std::string_view name);
// "字符串或空值" / "a string or null".
Text DescribeTypes(std::uint8_t mask);
// What `value` is: "数字" / "a number".
Text DescribeValueType(const nlohmann::json& value);

// A value as it may appear in a message: compact JSON, at most ~60 bytes, cut on a character
// boundary with "…", never throwing on malformed UTF-8.
std::string QuoteJson(const nlohmann::json& value);

// `text` said of the field at `pointer` (titled `title` in the schema, shown in Chinese only):
// "/age（年龄）：应不小于 18" / "/age: must be at least 18"; the whole document has no prefix.
Text AboutField(std::string_view pointer, std::string_view title, const Text& text);

}  // namespace tongban::schema::internal
