// required, properties, patternProperties, additionalProperties, minProperties, maxProperties,
// dependencies, propertyNames: objects only; any other type passes.
#include <algorithm>
#include <set>
#include <vector>

#include <fmt/format.h>

#include "platform/schema/evaluation.hpp"
#include "platform/schema/keywords.hpp"
#include "platform/schema/pointer.hpp"
#include "platform/schema/regex.hpp"

namespace tongban::schema::internal {
namespace {

using nlohmann::json;

// A property the object must have, with the sentence that says it is missing.
struct RequiredName {
  std::string name;
  Text missing;
};

// required, and the array form of dependencies: report each missing property at its own pointer.
class RequiredNames final : public Keyword {
 public:
  RequiredNames(const char* keyword, std::vector<RequiredName> names) : keyword_(keyword), names_(std::move(names)) {}
  bool Check(const json& instance, Evaluation& eval) const override {
    if (!instance.is_object()) return true;
    bool valid = true;
    for (const auto& r : names_) {
      if (instance.contains(r.name)) continue;
      valid = false;
      if (!eval.collecting()) return false;
      eval.ReportAbout(Segment::Name(r.name), keyword_, r.missing);
    }
    return valid;
  }

 private:
  const char* keyword_;
  std::vector<RequiredName> names_;
};

class Properties final : public Keyword {
 public:
  Properties(std::vector<std::pair<std::string, const Node*>> named,
             std::vector<std::pair<Regex, const Node*>> patterns, const Node* additional)
      : named_(std::move(named)), patterns_(std::move(patterns)), additional_(additional) {
    std::sort(named_.begin(), named_.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  }
  bool Check(const json& instance, Evaluation& eval) const override {
    if (!instance.is_object()) return true;
    bool valid = true;
    for (auto it = instance.begin(); it != instance.end(); ++it) {
      if (!CheckProperty(it.key(), it.value(), eval)) {
        valid = false;
        if (!eval.collecting()) return false;
      }
    }
    return valid;
  }

 private:
  bool CheckProperty(const std::string& name, const json& value, Evaluation& eval) const {
    const Segment where = Segment::Name(name);
    bool matched = false, valid = true;
    const auto named = std::lower_bound(named_.begin(), named_.end(), name,
                                        [](const auto& entry, const std::string& n) { return entry.first < n; });
    if (named != named_.end() && named->first == name) {
      matched = true;
      valid = eval.ApplyTo(*named->second, value, where);
    }
    for (const auto& [regex, schema] : patterns_) {
      if (!valid && !eval.collecting()) return false;
      switch (regex.Search(name)) {
        case Regex::Match::kNotFound: continue;
        case Regex::Match::kFound:
          matched = true;
          valid = eval.ApplyTo(*schema, value, where) && valid;
          continue;
        case Regex::Match::kTooComplex:
          eval.ReportAbout(where, "patternProperties",
                           {"字段名过长或正则表达式过于复杂，无法检查", "the property name is too long for its patterns to be checked"});
          return false;
      }
    }
    if (matched || !additional_) return valid;
    if (additional_->kind == Node::Kind::kNever) {
      eval.ReportAbout(where, "additionalProperties",
                       {"不允许的字段 " + name, name + " is not an allowed property"});
      return false;
    }
    return eval.ApplyTo(*additional_, value, where) && valid;
  }

  std::vector<std::pair<std::string, const Node*>> named_;  // sorted by name
  std::vector<std::pair<Regex, const Node*>> patterns_;
  const Node* additional_;  // null: any other property is fine
};

class PropertyCount final : public Keyword {
 public:
  PropertyCount(std::optional<std::uint64_t> min, std::optional<std::uint64_t> max) : min_(min), max_(max) {}
  bool Check(const json& instance, Evaluation& eval) const override {
    if (!instance.is_object()) return true;
    const std::size_t n = instance.size();
    bool valid = true;
    if (min_ && n < *min_) {
      valid = false;
      eval.Report("minProperties", {fmt::format("至少应有 {} 个字段（现有 {} 个）", *min_, n),
                                    fmt::format("must have at least {} properties (has {})", *min_, n)});
    }
    if (max_ && n > *max_) {
      valid = false;
      eval.Report("maxProperties", {fmt::format("至多应有 {} 个字段（现有 {} 个）", *max_, n),
                                    fmt::format("must have at most {} properties (has {})", *max_, n)});
    }
    return valid;
  }

 private:
  std::optional<std::uint64_t> min_, max_;
};

// dependencies: when the object has `name`, it must also satisfy a schema or have other properties.
class Dependencies final : public Keyword {
 public:
  struct Dependency {
    std::string name;
    const Node* schema = nullptr;   // the schema form
    std::unique_ptr<RequiredNames> properties;  // the array form
  };
  explicit Dependencies(std::vector<Dependency> dependencies) : dependencies_(std::move(dependencies)) {}
  bool Check(const json& instance, Evaluation& eval) const override {
    if (!instance.is_object()) return true;
    bool valid = true;
    for (const auto& d : dependencies_) {
      if (!instance.contains(d.name)) continue;
      const bool ok = d.schema ? eval.Apply(*d.schema, instance) : d.properties->Check(instance, eval);
      if (!ok) {
        valid = false;
        if (!eval.collecting()) return false;
      }
    }
    return valid;
  }
  void AppendInPlace(std::vector<const Node*>& out) const override {
    for (const auto& d : dependencies_)
      if (d.schema) out.push_back(d.schema);
  }

 private:
  std::vector<Dependency> dependencies_;
};

class PropertyNames final : public Keyword {
 public:
  explicit PropertyNames(const Node* schema) : schema_(schema) {}
  bool Check(const json& instance, Evaluation& eval) const override {
    if (!instance.is_object()) return true;
    bool valid = true;
    for (auto it = instance.begin(); it != instance.end(); ++it) {
      if (eval.TestPart(*schema_, json(it.key()), Segment::Name(it.key()))) continue;
      valid = false;
      if (!eval.collecting()) return false;
      eval.ReportAbout(Segment::Name(it.key()), "propertyNames",
                       {"字段名 " + it.key() + " 不符合要求", "the property name " + it.key() + " is not allowed"});
    }
    return valid;
  }

 private:
  const Node* schema_;
};

// A non-empty-or-empty array of distinct strings (required, the array form of dependencies);
// records a problem at `pointer` and answers nullopt otherwise.
std::optional<std::vector<std::string>> DistinctStrings(Compiler& compiler, const Site& site, const json& value,
                                                        const std::string& pointer, std::string_view keyword) {
  std::vector<std::string> names;
  std::set<std::string> seen;
  bool ok = value.is_array();
  if (ok) {
    for (const auto& v : value) {
      ok = ok && v.is_string() && seen.insert(v.get<std::string>()).second;
      if (ok) names.push_back(v.get<std::string>());
    }
  }
  if (ok) return names;
  compiler.Problem(site, pointer, keyword, {"应为由不重复的字符串组成的数组", "must be an array of distinct strings"});
  return std::nullopt;
}

// The sentence for a missing property, naming it and, in Chinese, its title when the schema's
// own "properties" gives one.
Text Missing(const Site& site, const std::string& name) {
  std::string title;
  if (const json* properties = site.Find("properties"); properties && properties->is_object()) {
    const auto p = properties->find(name);
    if (p != properties->end() && p->is_object()) {
      const auto t = p->find("title");
      if (t != p->end() && t->is_string()) title = "（" + t->get<std::string>() + "）";
    }
  }
  return {"缺少必填项 " + name + title, name + " is required"};
}

}  // namespace

std::unique_ptr<Keyword> CompileRequired(Compiler& compiler, const Site& site) {
  const auto names = DistinctStrings(compiler, site, *site.Find("required"), site.At("required"), "required");
  if (!names || names->empty()) return nullptr;
  std::vector<RequiredName> required;
  for (const auto& name : *names) required.push_back({name, Missing(site, name)});
  return std::make_unique<RequiredNames>("required", std::move(required));
}

std::unique_ptr<Keyword> CompileProperties(Compiler& compiler, const Site& site) {
  std::vector<std::pair<std::string, const Node*>> named;
  std::vector<std::pair<Regex, const Node*>> patterns;
  if (site.Find("properties") && compiler.ExpectObject(site, "properties")) {
    const json& properties = *site.Find("properties");
    for (auto it = properties.begin(); it != properties.end(); ++it)
      named.emplace_back(it.key(), compiler.Subschema(site, "properties", it.key()));
  }
  if (site.Find("patternProperties") && compiler.ExpectObject(site, "patternProperties")) {
    const json& pattern_properties = *site.Find("patternProperties");
    for (auto it = pattern_properties.begin(); it != pattern_properties.end(); ++it) {
      const Node* schema = compiler.Subschema(site, "patternProperties", it.key());
      auto regex = Regex::Compile(it.key());
      if (auto* why = std::get_if<std::string>(&regex)) {
        std::string pointer = site.At("patternProperties");
        AppendSegment(pointer, it.key());
        compiler.Problem(site, pointer, "patternProperties",
                         {"字段名模式不是有效的正则表达式（ECMAScript）：" + *why,
                          "the property name pattern is not a valid regular expression (ECMAScript): " + *why});
        continue;
      }
      patterns.emplace_back(std::get<Regex>(std::move(regex)), schema);
    }
  }
  const Node* additional = site.Find("additionalProperties") ? compiler.Subschema(site, "additionalProperties") : nullptr;
  if (named.empty() && patterns.empty() && !additional) return nullptr;
  return std::make_unique<Properties>(std::move(named), std::move(patterns), additional);
}

std::unique_ptr<Keyword> CompilePropertyCount(Compiler& compiler, const Site& site) {
  std::optional<std::uint64_t> min, max;
  if (site.Find("minProperties")) min = compiler.ExpectNonNegativeInteger(site, "minProperties");
  if (site.Find("maxProperties")) max = compiler.ExpectNonNegativeInteger(site, "maxProperties");
  if (!min && !max) return nullptr;
  return std::make_unique<PropertyCount>(min, max);
}

std::unique_ptr<Keyword> CompileDependencies(Compiler& compiler, const Site& site) {
  const json* dependencies = compiler.ExpectObject(site, "dependencies");
  if (!dependencies) return nullptr;
  std::vector<Dependencies::Dependency> out;
  for (auto it = dependencies->begin(); it != dependencies->end(); ++it) {
    Dependencies::Dependency d;
    d.name = it.key();
    if (it.value().is_array()) {
      std::string pointer = site.At("dependencies");
      AppendSegment(pointer, it.key());
      const auto names = DistinctStrings(compiler, site, it.value(), pointer, "dependencies");
      if (!names) continue;
      std::vector<RequiredName> required;
      for (const auto& name : *names)
        required.push_back({name, {"填写了 " + d.name + " 时，还须填写 " + name, name + " is required when " + d.name + " is present"}});
      d.properties = std::make_unique<RequiredNames>("dependencies", std::move(required));
    } else {
      d.schema = compiler.Subschema(site, "dependencies", it.key());
    }
    out.push_back(std::move(d));
  }
  if (out.empty()) return nullptr;
  return std::make_unique<Dependencies>(std::move(out));
}

std::unique_ptr<Keyword> CompilePropertyNames(Compiler& compiler, const Site& site) {
  return std::make_unique<PropertyNames>(compiler.Subschema(site, "propertyNames"));
}

}  // namespace tongban::schema::internal
