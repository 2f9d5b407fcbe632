#include "platform/schema/schema.hpp"

#include <fmt/format.h>

#include "platform/schema/compiler.hpp"
#include "platform/schema/evaluation.hpp"

namespace tongban::schema {

using internal::Compiled;
using internal::Evaluation;

namespace {
std::shared_ptr<const Compiled> AcceptEverything() {
  static const auto compiled = [] {
    auto c = std::make_shared<Compiled>();
    c->nodes.push_back(std::make_unique<internal::Node>());  // Kind::kAlways
    c->root = c->nodes.back().get();
    return std::shared_ptr<const Compiled>(std::move(c));
  }();
  return compiled;
}

std::vector<Violation> Run(const Compiled& compiled, const nlohmann::json& instance, std::optional<time::Date> today) {
  std::vector<Violation> violations;
  Evaluation eval(&violations, today);
  eval.Apply(*compiled.root, instance);
  eval.Finish();
  return violations;
}
}  // namespace

Schema::Schema() : compiled_(AcceptEverything()) {}
Schema::Schema(std::shared_ptr<const Compiled> compiled) : compiled_(std::move(compiled)) {}

Schema Schema::Compile(const nlohmann::json& schema, const CompileOptions& options) {
  return Schema(internal::Compiler(options).Run(schema));
}

std::vector<Violation> Schema::Validate(const nlohmann::json& instance) const {
  return Run(*compiled_, instance, std::nullopt);
}

std::vector<Violation> Schema::Validate(const nlohmann::json& instance, time::Date today) const {
  return Run(*compiled_, instance, today);
}

bool Schema::IsValid(const nlohmann::json& instance) const {
  Evaluation eval(nullptr, std::nullopt);
  return eval.Apply(*compiled_->root, instance) && !eval.stopped();
}

Error ToError(const std::vector<Violation>& violations, std::string code) {
  std::vector<FieldError> errors;
  errors.reserve(violations.size());
  for (const auto& v : violations) errors.push_back({v.pointer, v.keyword, v.zh, v.en});
  const std::size_t n = violations.size();
  const std::string first_zh = n ? violations[0].zh : "", first_en = n ? violations[0].en : "";
  return Error::Unprocessable(
      std::move(code),
      n <= 1 ? fmt::format("填写的内容不符合要求：{}", first_zh)
             : fmt::format("填写的内容有 {} 处不符合要求，第一处：{}", n, first_zh),
      n <= 1 ? fmt::format("The form is not valid: {}", first_en)
             : fmt::format("The form has {} problems; the first: {}", n, first_en),
      std::move(errors));
}

}  // namespace tongban::schema
