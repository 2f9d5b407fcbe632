// minimum, maximum, exclusiveMinimum, exclusiveMaximum, multipleOf: numbers only; any other type
// passes (type says what a value must be).
#include <cmath>
#include <vector>

#include <fmt/format.h>

#include "platform/schema/evaluation.hpp"
#include "platform/schema/keywords.hpp"
#include "platform/schema/value.hpp"

namespace tongban::schema::internal {
namespace {

using nlohmann::json;

struct Bound {
  const char* keyword;
  json limit;
  // The comparisons of instance to limit that fail: -1 below, 0 equal, 1 above.
  bool fails_below, fails_equal, fails_above;
  Text text;
};

class Bounds final : public Keyword {
 public:
  explicit Bounds(std::vector<Bound> bounds) : bounds_(std::move(bounds)) {}
  bool Check(const json& instance, Evaluation& eval) const override {
    if (!instance.is_number()) return true;
    bool valid = true;
    for (const auto& b : bounds_) {
      const int c = CompareNumbers(instance, b.limit);
      if ((c < 0 && b.fails_below) || (c == 0 && b.fails_equal) || (c > 0 && b.fails_above)) {
        valid = false;
        if (!eval.collecting()) return false;
        eval.Report(b.keyword, b.text);
      }
    }
    return valid;
  }

 private:
  std::vector<Bound> bounds_;
};

// Whether x is an integer multiple of m (> 0). Exact for integers. For floats, the quotient is
// allowed to miss an integer by 1e-9, because decimal fractions have no exact binary form:
// 0.0075 / 0.0001 is 74.99999999999999 in doubles, and the official suite calls it a multiple.
// A quotient too large to be finite is not a multiple (1e308 of 0.123456789).
bool IsMultiple(const json& x, const json& m) {
  if (x.is_number_integer() && m.is_number_integer()) {
    const auto magnitude = [](const json& v) -> std::uint64_t {
      if (v.is_number_unsigned()) return v.get<std::uint64_t>();
      const auto s = v.get<std::int64_t>();
      return s < 0 ? 0 - static_cast<std::uint64_t>(s) : static_cast<std::uint64_t>(s);
    };
    return magnitude(x) % magnitude(m) == 0;
  }
  const double q = x.get<double>() / m.get<double>();
  return std::isfinite(q) && std::fabs(q - std::nearbyint(q)) < 1e-9;
}

class MultipleOf final : public Keyword {
 public:
  explicit MultipleOf(json divisor) : divisor_(std::move(divisor)) {
    const std::string d = QuoteJson(divisor_);
    text_ = {"应为 " + d + " 的整数倍", "must be a multiple of " + d};
  }
  bool Check(const json& instance, Evaluation& eval) const override {
    if (!instance.is_number() || IsMultiple(instance, divisor_)) return true;
    eval.Report("multipleOf", text_);
    return false;
  }

 private:
  json divisor_;
  Text text_;
};

}  // namespace

std::unique_ptr<Keyword> CompileBounds(Compiler& compiler, const Site& site) {
  struct Spec {
    const char* keyword;
    bool below, equal, above;
    const char* zh;
    const char* en;
  };
  static constexpr Spec kSpecs[] = {
      {"minimum", true, false, false, "应不小于 {}", "must be at least {}"},
      {"exclusiveMinimum", true, true, false, "应大于 {}", "must be greater than {}"},
      {"maximum", false, false, true, "应不大于 {}", "must be at most {}"},
      {"exclusiveMaximum", false, true, true, "应小于 {}", "must be less than {}"},
  };
  std::vector<Bound> bounds;
  for (const auto& s : kSpecs) {
    if (!site.Find(s.keyword)) continue;
    const json* limit = compiler.ExpectNumber(site, s.keyword);
    if (!limit) continue;
    const std::string shown = QuoteJson(*limit);
    bounds.push_back({s.keyword, *limit, s.below, s.equal, s.above,
                      {fmt::format(fmt::runtime(s.zh), shown), fmt::format(fmt::runtime(s.en), shown)}});
  }
  if (bounds.empty()) return nullptr;
  return std::make_unique<Bounds>(std::move(bounds));
}

std::unique_ptr<Keyword> CompileMultipleOf(Compiler& compiler, const Site& site) {
  const json* divisor = compiler.ExpectNumber(site, "multipleOf");
  if (!divisor) return nullptr;
  if (divisor->get<double>() <= 0) {
    compiler.Problem(site, site.At("multipleOf"), "multipleOf", {"应大于 0", "must be greater than 0"});
    return nullptr;
  }
  return std::make_unique<MultipleOf>(*divisor);
}

}  // namespace tongban::schema::internal
