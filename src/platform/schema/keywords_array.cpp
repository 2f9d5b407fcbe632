// items, additionalItems, minItems, maxItems, uniqueItems, contains: arrays only; any other type
// passes.
#include <unordered_map>
#include <vector>

#include <fmt/format.h>

#include "platform/schema/evaluation.hpp"
#include "platform/schema/keywords.hpp"
#include "platform/schema/value.hpp"

namespace tongban::schema::internal {
namespace {

using nlohmann::json;

// items as one schema for every item, or as a tuple (one schema per position) with
// additionalItems for the positions after it.
class Items final : public Keyword {
 public:
  Items(const Node* every, std::vector<const Node*> tuple, const Node* additional)
      : every_(every), tuple_(std::move(tuple)), additional_(additional) {}
  bool Check(const json& instance, Evaluation& eval) const override {
    if (!instance.is_array()) return true;
    bool valid = true;
    for (std::size_t i = 0; i < instance.size(); ++i) {
      const Node* schema = every_ ? every_ : i < tuple_.size() ? tuple_[i] : additional_;
      if (!schema) break;  // a tuple without additionalItems: anything may follow
      if (!every_ && i >= tuple_.size() && schema->kind == Node::Kind::kNever) {
        eval.Report("additionalItems",
                    {fmt::format("至多应有 {} 项（现有 {} 项）", tuple_.size(), instance.size()),
                     fmt::format("must have at most {} items (has {})", tuple_.size(), instance.size())});
        return false;
      }
      if (!eval.ApplyTo(*schema, instance[i], Segment::Index(i))) {
        valid = false;
        if (!eval.collecting()) return false;
      }
    }
    return valid;
  }

 private:
  const Node* every_;
  std::vector<const Node*> tuple_;
  const Node* additional_;
};

class ItemCount final : public Keyword {
 public:
  ItemCount(std::optional<std::uint64_t> min, std::optional<std::uint64_t> max) : min_(min), max_(max) {}
  bool Check(const json& instance, Evaluation& eval) const override {
    if (!instance.is_array()) return true;
    const std::size_t n = instance.size();
    bool valid = true;
    if (min_ && n < *min_) {
      valid = false;
      eval.Report("minItems", {fmt::format("至少应有 {} 项（现有 {} 项）", *min_, n),
                               fmt::format("must have at least {} items (has {})", *min_, n)});
    }
    if (max_ && n > *max_) {
      valid = false;
      eval.Report("maxItems", {fmt::format("至多应有 {} 项（现有 {} 项）", *max_, n),
                               fmt::format("must have at most {} items (has {})", *max_, n)});
    }
    return valid;
  }

 private:
  std::optional<std::uint64_t> min_, max_;
};

// Items compare by JSON equality (1 == 1.0, objects whatever their key order), found in linear
// time through a hash consistent with it.
class UniqueItems final : public Keyword {
 public:
  bool Check(const json& instance, Evaluation& eval) const override {
    if (!instance.is_array()) return true;
    std::unordered_multimap<std::size_t, std::size_t> seen;
    seen.reserve(instance.size());
    bool valid = true;
    for (std::size_t i = 0; i < instance.size(); ++i) {
      if (NestedDeeperThan(instance[i], Evaluation::kMaxValueDepth)) return eval.StopTooDeep();
      const std::size_t h = HashJson(instance[i]);
      const auto [first, last] = seen.equal_range(h);
      std::optional<std::size_t> earlier;
      for (auto it = first; it != last && !earlier; ++it)
        if (instance[it->second] == instance[i]) earlier = it->second;
      if (!earlier) {
        seen.emplace(h, i);
        continue;
      }
      valid = false;
      if (!eval.collecting()) return false;
      eval.ReportAbout(Segment::Index(i), "uniqueItems",
                       {fmt::format("第 {} 项与第 {} 项重复，各项不能相同", i + 1, *earlier + 1),
                        fmt::format("item #{} repeats item #{}; items must be unique", i + 1, *earlier + 1)});
    }
    return valid;
  }
};

class Contains final : public Keyword {
 public:
  explicit Contains(const Node* schema) : schema_(schema) {}
  bool Check(const json& instance, Evaluation& eval) const override {
    if (!instance.is_array()) return true;
    for (std::size_t i = 0; i < instance.size(); ++i)
      if (eval.TestPart(*schema_, instance[i], Segment::Index(i))) return true;
    eval.Report("contains", {"至少应有一项符合要求", "must contain at least one matching item"});
    return false;
  }

 private:
  const Node* schema_;
};

}  // namespace

std::unique_ptr<Keyword> CompileItems(Compiler& compiler, const Site& site) {
  const Node* additional = site.Find("additionalItems") ? compiler.Subschema(site, "additionalItems") : nullptr;
  const json* items = site.Find("items");
  if (!items) return nullptr;  // additionalItems alone means nothing
  if (!items->is_array()) return std::make_unique<Items>(compiler.Subschema(site, "items"), std::vector<const Node*>{}, nullptr);
  if (items->empty()) {
    compiler.Problem(site, site.At("items"), "items",
                     {"应为 schema 或非空的 schema 数组", "must be a schema or a non-empty array of schemas"});
    return nullptr;
  }
  std::vector<const Node*> tuple;
  for (std::size_t i = 0; i < items->size(); ++i) tuple.push_back(compiler.Subschema(site, "items", i));
  return std::make_unique<Items>(nullptr, std::move(tuple), additional);
}

std::unique_ptr<Keyword> CompileItemCount(Compiler& compiler, const Site& site) {
  std::optional<std::uint64_t> min, max;
  if (site.Find("minItems")) min = compiler.ExpectNonNegativeInteger(site, "minItems");
  if (site.Find("maxItems")) max = compiler.ExpectNonNegativeInteger(site, "maxItems");
  if (!min && !max) return nullptr;
  return std::make_unique<ItemCount>(min, max);
}

std::unique_ptr<Keyword> CompileUniqueItems(Compiler& compiler, const Site& site) {
  const auto unique = compiler.ExpectBoolean(site, "uniqueItems");
  if (!unique || !*unique) return nullptr;
  return std::make_unique<UniqueItems>();
}

std::unique_ptr<Keyword> CompileContains(Compiler& compiler, const Site& site) {
  return std::make_unique<Contains>(compiler.Subschema(site, "contains"));
}

}  // namespace tongban::schema::internal
