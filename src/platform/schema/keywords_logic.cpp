// $ref, allOf, anyOf, oneOf, not, if/then/else, definitions: schemas applied to the same value.
#include <vector>

#include <fmt/format.h>

#include "platform/schema/evaluation.hpp"
#include "platform/schema/keywords.hpp"

namespace tongban::schema::internal {
namespace {

using nlohmann::json;

class Ref final : public Keyword {
 public:
  bool Check(const json& instance, Evaluation& eval) const override {
    return !target_ || eval.Apply(*target_, instance);  // null only while Compile is failing
  }
  void AppendInPlace(std::vector<const Node*>& out) const override { out.push_back(target_); }
  const Node** slot() { return &target_; }

 private:
  const Node* target_ = nullptr;  // set by Compiler once every document is compiled
};

// The base of allOf, anyOf and oneOf: a list of subschemas for the same value.
class Alternatives : public Keyword {
 public:
  explicit Alternatives(std::vector<const Node*> schemas) : schemas_(std::move(schemas)) {}
  void AppendInPlace(std::vector<const Node*>& out) const override {
    out.insert(out.end(), schemas_.begin(), schemas_.end());
  }

 protected:
  std::vector<const Node*> schemas_;
};

// Every violation of every subschema is the value's own: reported as they are.
class AllOf final : public Alternatives {
 public:
  using Alternatives::Alternatives;
  bool Check(const json& instance, Evaluation& eval) const override {
    bool valid = true;
    for (const Node* schema : schemas_) {
      if (eval.Apply(*schema, instance)) continue;
      valid = false;
      if (!eval.collecting()) return false;
    }
    return valid;
  }
};

class AnyOf final : public Alternatives {
 public:
  using Alternatives::Alternatives;
  bool Check(const json& instance, Evaluation& eval) const override {
    for (const Node* schema : schemas_)
      if (eval.Test(*schema, instance)) return true;
    eval.Report("anyOf", {"应符合几种可选要求中的至少一种，但一种也不符合",
                          "must match at least one of the alternatives, and matches none"});
    return false;
  }
};

class OneOf final : public Alternatives {
 public:
  using Alternatives::Alternatives;
  bool Check(const json& instance, Evaluation& eval) const override {
    std::vector<std::size_t> matched;
    for (std::size_t i = 0; i < schemas_.size() && matched.size() < 2; ++i)
      if (eval.Test(*schemas_[i], instance)) matched.push_back(i);
    if (matched.size() == 1) return true;
    if (matched.empty()) {
      eval.Report("oneOf", {"应恰好符合几种可选要求中的一种，但一种也不符合",
                            "must match exactly one of the alternatives, and matches none"});
    } else {
      eval.Report("oneOf", {fmt::format("应恰好符合几种可选要求中的一种，但同时符合了第 {} 种和第 {} 种",
                                        matched[0] + 1, matched[1] + 1),
                            fmt::format("must match exactly one of the alternatives, and matches #{} and #{}",
                                        matched[0] + 1, matched[1] + 1)});
    }
    return false;
  }
};

class Not final : public Keyword {
 public:
  explicit Not(const Node* schema) : schema_(schema) {}
  bool Check(const json& instance, Evaluation& eval) const override {
    if (!eval.Test(*schema_, instance)) return true;
    eval.Report("not", {"不应符合被排除的要求", "must not match the excluded schema"});
    return false;
  }
  void AppendInPlace(std::vector<const Node*>& out) const override { out.push_back(schema_); }

 private:
  const Node* schema_;
};

// "if" only chooses: its own failures are not violations. Those of then/else are the value's.
class Conditional final : public Keyword {
 public:
  Conditional(const Node* condition, const Node* then, const Node* otherwise)
      : if_(condition), then_(then), else_(otherwise) {}
  bool Check(const json& instance, Evaluation& eval) const override {
    const Node* chosen = eval.Test(*if_, instance) ? then_ : else_;
    return !chosen || eval.Apply(*chosen, instance);
  }
  void AppendInPlace(std::vector<const Node*>& out) const override {
    out.push_back(if_);
    if (then_) out.push_back(then_);
    if (else_) out.push_back(else_);
  }

 private:
  const Node* if_;
  const Node* then_;
  const Node* else_;
};

// allOf, anyOf, oneOf: a non-empty array of schemas.
std::vector<const Node*> SchemaArray(Compiler& compiler, const Site& site, std::string_view keyword) {
  std::vector<const Node*> schemas;
  const json* list = compiler.ExpectArray(site, keyword);
  if (list && list->empty())
    compiler.Problem(site, site.At(keyword), keyword, {"至少应有一个 schema", "must hold at least one schema"});
  if (list)
    for (std::size_t i = 0; i < list->size(); ++i) schemas.push_back(compiler.Subschema(site, keyword, i));
  return schemas;
}

template <typename K>
std::unique_ptr<Keyword> CompileAlternatives(Compiler& compiler, const Site& site, std::string_view keyword) {
  auto schemas = SchemaArray(compiler, site, keyword);
  if (schemas.empty()) return nullptr;
  return std::make_unique<K>(std::move(schemas));
}

}  // namespace

std::unique_ptr<Keyword> CompileRef(Compiler& compiler, const Site& site) {
  if (!compiler.ExpectString(site, "$ref")) return nullptr;
  auto ref = std::make_unique<Ref>();
  compiler.DeferRef(site, ref->slot());
  return ref;
}

std::unique_ptr<Keyword> CompileAllOf(Compiler& compiler, const Site& site) {
  return CompileAlternatives<AllOf>(compiler, site, "allOf");
}
std::unique_ptr<Keyword> CompileAnyOf(Compiler& compiler, const Site& site) {
  return CompileAlternatives<AnyOf>(compiler, site, "anyOf");
}
std::unique_ptr<Keyword> CompileOneOf(Compiler& compiler, const Site& site) {
  return CompileAlternatives<OneOf>(compiler, site, "oneOf");
}

std::unique_ptr<Keyword> CompileNot(Compiler& compiler, const Site& site) {
  return std::make_unique<Not>(compiler.Subschema(site, "not"));
}

std::unique_ptr<Keyword> CompileConditional(Compiler& compiler, const Site& site) {
  // then and else are compiled even without if, so a mistake in them is still reported.
  const Node* then = site.Find("then") ? compiler.Subschema(site, "then") : nullptr;
  const Node* otherwise = site.Find("else") ? compiler.Subschema(site, "else") : nullptr;
  if (!site.Find("if")) return nullptr;
  return std::make_unique<Conditional>(compiler.Subschema(site, "if"), then, otherwise);
}

std::unique_ptr<Keyword> CompileDefinitions(Compiler& compiler, const Site& site) {
  if (!site.Find("definitions")) return nullptr;
  const json* definitions = compiler.ExpectObject(site, "definitions");
  if (!definitions) return nullptr;
  for (auto it = definitions->begin(); it != definitions->end(); ++it) compiler.Subschema(site, "definitions", it.key());
  return nullptr;
}

}  // namespace tongban::schema::internal
