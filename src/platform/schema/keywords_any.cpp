// type, enum, const: what a value may be, whatever its type.
#include <fmt/format.h>

#include "platform/schema/evaluation.hpp"
#include "platform/schema/keywords.hpp"
#include "platform/schema/value.hpp"

namespace tongban::schema::internal {
namespace {

using nlohmann::json;

class Type final : public Keyword {
 public:
  explicit Type(std::uint8_t mask) : mask_(mask), expected_(DescribeTypes(mask)) {}
  bool Check(const json& instance, Evaluation& eval) const override {
    if (HasType(instance, mask_)) return true;
    if (eval.collecting()) {
      const Text actual = DescribeValueType(instance);
      eval.Report("type", {fmt::format("应为{}，实际是{}", expected_.zh, actual.zh),
                           fmt::format("must be {}, not {}", expected_.en, actual.en)});
    }
    return false;
  }

 private:
  std::uint8_t mask_;
  Text expected_;
};

// enum and const: the value must equal one of `allowed` (JSON equality: 1 == 1.0).
class OneOfValues final : public Keyword {
 public:
  OneOfValues(const char* keyword, json allowed, Text text)
      : keyword_(keyword), allowed_(std::move(allowed)), text_(std::move(text)) {}
  bool Check(const json& instance, Evaluation& eval) const override {
    for (const auto& value : allowed_)
      if (value == instance) return true;
    eval.Report(keyword_, text_);
    return false;
  }

 private:
  const char* keyword_;
  json allowed_;
  Text text_;
};

// enum and const values are copied and compared whole: their nesting is bounded like a schema's,
// so neither can exhaust the stack.
bool TooDeep(Compiler& compiler, const Site& site, std::string_view keyword) {
  if (!NestedDeeperThan(*site.Find(keyword), Compiler::kMaxNesting)) return false;
  compiler.Problem(site, site.At(keyword), keyword,
                   {fmt::format("嵌套超过 {} 层", Compiler::kMaxNesting),
                    fmt::format("nested deeper than {} levels", Compiler::kMaxNesting)});
  return true;
}

}  // namespace

std::unique_ptr<Keyword> CompileType(Compiler& compiler, const Site& site) {
  const json& value = *site.Find("type");
  const Text problem = {"应为类型名（object、array、string、integer、number、boolean、null）或由它们组成的不重复的非空数组",
                        "must be a type name (object, array, string, integer, number, boolean, null) or a non-empty "
                        "array of distinct type names"};
  std::uint8_t mask = 0;
  bool ok = true;
  if (value.is_string()) {
    mask = TypeBitOf(value.get_ref<const std::string&>());
    ok = mask != 0;
  } else if (value.is_array() && !value.empty()) {
    for (const auto& name : value) {
      const std::uint8_t bit = name.is_string() ? TypeBitOf(name.get_ref<const std::string&>()) : 0;
      ok = ok && bit != 0 && !(mask & bit);
      mask |= bit;
    }
  } else {
    ok = false;
  }
  if (!ok) {
    compiler.Problem(site, site.At("type"), "type", problem);
    return nullptr;
  }
  return std::make_unique<Type>(mask);
}

std::unique_ptr<Keyword> CompileEnum(Compiler& compiler, const Site& site) {
  const json* values = compiler.ExpectArray(site, "enum");
  if (!values || TooDeep(compiler, site, "enum")) return nullptr;
  // Listed in the message up to a point; a long list is summarised.
  constexpr std::size_t kListed = 10;
  std::string zh, en;
  for (std::size_t i = 0; i < values->size() && i < kListed; ++i) {
    const std::string quoted = QuoteJson((*values)[i]);
    zh += (i ? "、" : "") + quoted;
    en += (i ? ", " : "") + quoted;
  }
  if (values->size() > kListed) {
    zh += fmt::format(" 等 {} 项", values->size());
    en += fmt::format(", … ({} in all)", values->size());
  }
  Text text = values->empty() ? Text{"没有可选的值", "no value is allowed"}
                              : Text{"应为以下值之一：" + zh, "must be one of: " + en};
  return std::make_unique<OneOfValues>("enum", *values, std::move(text));
}

std::unique_ptr<Keyword> CompileConst(Compiler& compiler, const Site& site) {
  if (TooDeep(compiler, site, "const")) return nullptr;
  const json& value = *site.Find("const");
  const std::string quoted = QuoteJson(value);
  return std::make_unique<OneOfValues>("const", json::array({value}),
                                       Text{"应等于 " + quoted, "must equal " + quoted});
}

}  // namespace tongban::schema::internal
