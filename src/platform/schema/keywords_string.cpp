// minLength, maxLength, pattern, format: strings only; any other type passes.
#include <fmt/format.h>

#include "platform/schema/evaluation.hpp"
#include "platform/schema/formats.hpp"
#include "platform/schema/keywords.hpp"
#include "platform/schema/regex.hpp"
#include "platform/schema/text.hpp"

namespace tongban::schema::internal {
namespace {

using nlohmann::json;

// Lengths are counted in code points ("characters" in JSON Schema): "张三" is 2, not 6 bytes.
class Length final : public Keyword {
 public:
  Length(std::optional<std::uint64_t> min, std::optional<std::uint64_t> max) : min_(min), max_(max) {}
  bool Check(const json& instance, Evaluation& eval) const override {
    if (!instance.is_string()) return true;
    const std::size_t n = CountCodePoints(instance.get_ref<const std::string&>());
    bool valid = true;
    if (min_ && n < *min_) {
      valid = false;
      eval.Report("minLength", {fmt::format("长度应不少于 {} 个字符（现有 {} 个）", *min_, n),
                                fmt::format("must be at least {} characters long (has {})", *min_, n)});
    }
    if (max_ && n > *max_) {
      valid = false;
      eval.Report("maxLength", {fmt::format("长度应不超过 {} 个字符（现有 {} 个）", *max_, n),
                                fmt::format("must be at most {} characters long (has {})", *max_, n)});
    }
    return valid;
  }

 private:
  std::optional<std::uint64_t> min_, max_;
};

class Pattern final : public Keyword {
 public:
  explicit Pattern(Regex regex) : regex_(std::move(regex)) {}
  bool Check(const json& instance, Evaluation& eval) const override {
    if (!instance.is_string()) return true;
    switch (regex_.Search(instance.get_ref<const std::string&>())) {
      case Regex::Match::kFound: return true;
      case Regex::Match::kNotFound:
        eval.Report("pattern", {"格式不符合要求（应匹配正则表达式 " + regex_.source() + "）",
                                "must match the pattern " + regex_.source()});
        return false;
      case Regex::Match::kTooComplex:
      default:
        eval.Report("pattern", {"无法按格式要求完成检查：内容过长或正则表达式过于复杂",
                                "could not be checked against its pattern: too long, or the pattern too complex"});
        return false;
    }
  }

 private:
  Regex regex_;
};

class FormatCheck final : public Keyword {
 public:
  explicit FormatCheck(const Format& format) : format_(format) {}
  bool Check(const json& instance, Evaluation& eval) const override {
    if (!instance.is_string()) return true;
    const time::Date today = format_.needs_today ? eval.Today() : time::Date();
    const auto problem = format_.check(instance.get_ref<const std::string&>(), today);
    if (!problem) return true;
    eval.Report("format", *problem);
    return false;
  }

 private:
  const Format& format_;
};

}  // namespace

std::unique_ptr<Keyword> CompileLength(Compiler& compiler, const Site& site) {
  std::optional<std::uint64_t> min, max;
  if (site.Find("minLength")) min = compiler.ExpectNonNegativeInteger(site, "minLength");
  if (site.Find("maxLength")) max = compiler.ExpectNonNegativeInteger(site, "maxLength");
  if (!min && !max) return nullptr;
  return std::make_unique<Length>(min, max);
}

std::unique_ptr<Keyword> CompilePattern(Compiler& compiler, const Site& site) {
  const json* pattern = compiler.ExpectString(site, "pattern");
  if (!pattern) return nullptr;
  auto compiled = Regex::Compile(pattern->get_ref<const std::string&>());
  if (auto* why = std::get_if<std::string>(&compiled)) {
    compiler.Problem(site, site.At("pattern"), "pattern",
                     {"不是有效的正则表达式（ECMAScript）：" + *why, "is not a valid regular expression (ECMAScript): " + *why});
    return nullptr;
  }
  return std::make_unique<Pattern>(std::get<Regex>(std::move(compiled)));
}

std::unique_ptr<Keyword> CompileFormat(Compiler& compiler, const Site& site) {
  const json* name = compiler.ExpectString(site, "format");
  if (!name) return nullptr;
  if (const Format* format = FindFormat(name->get_ref<const std::string&>()))
    return std::make_unique<FormatCheck>(*format);
  // An unknown format would check nothing, silently: in a form that is a typo to point out.
  if (compiler.StrictFormats(site))
    compiler.Problem(site, site.At("format"), "format",
                     {"不支持的格式 " + QuoteJson(*name) + "，可用：" + KnownFormatNames(),
                      "unknown format " + QuoteJson(*name) + "; known: " + KnownFormatNames()});
  return nullptr;
}

}  // namespace tongban::schema::internal
