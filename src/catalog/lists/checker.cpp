#include "catalog/lists/checker.hpp"

#include <fmt/format.h>

#include <cctype>
#include <charconv>

#include "platform/codes/credit_code.hpp"
#include "platform/http/input.hpp"

namespace tongban::catalog::lists {
namespace {

constexpr std::string_view kIdeographicSpace = "\xE3\x80\x80";

bool IsDigits(std::string_view s) { return !s.empty() && s.find_first_not_of("0123456789") == std::string_view::npos; }

bool SameIgnoringAsciiCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) return false;
  return true;
}

}  // namespace

std::string TrimValue(std::string_view text) {
  for (;;) {
    const auto before = text.size();
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
    if (text.substr(0, 3) == kIdeographicSpace) text.remove_prefix(3);
    if (text.size() >= 3 && text.substr(text.size() - 3) == kIdeographicSpace) text.remove_suffix(3);
    if (text.size() == before) return std::string(text);
  }
}

CheckedRow RowChecker::Check(const Fields& raw, int line) const {
  CheckedRow out;
  for (const auto& [key, value] : raw)
    if (!kind_.FindColumn(key))
      out.errors.push_back({line, key, "unknown_column", fmt::format("{}中没有“{}”这一列", kind_.name_zh, key),
                            fmt::format("{} has no column \"{}\"", kind_.name_en, key)});
  for (const auto& column : kind_.columns) {
    const auto it = raw.find(column.key);
    const std::string value = it == raw.end() ? "" : TrimValue(it->second);
    if (value.empty()) {
      if (column.required)
        out.errors.push_back({line, column.key, "required", fmt::format("「{}」必填", column.label_zh),
                              fmt::format("\"{}\" is required", column.label_en)});
      continue;
    }
    CheckValue(column, value, line, out);
  }
  return out;
}

void RowChecker::CheckValue(const Column& column, const std::string& value, int line, CheckedRow& out) const {
  const auto fail = [&](const char* code, const std::string& zh, const std::string& en) {
    out.errors.push_back({line, column.key, code, fmt::format("「{}」{}", column.label_zh, zh),
                          fmt::format("\"{}\" {}", column.label_en, en)});
  };
  const std::size_t chars = http::CharCount(value);
  if (column.type != ColumnType::kInt && chars > column.max)
    return fail("too_long", fmt::format("超过 {} 个字符（现有 {} 个）", column.max, chars),
                fmt::format("is longer than {} characters ({})", column.max, chars));

  switch (column.type) {
    case ColumnType::kText:
    case ColumnType::kLongText:
      out.fields[column.key] = value;
      return;

    case ColumnType::kEnum: {
      std::string allowed_zh, allowed_en;
      for (const auto& o : column.options) {
        const bool match = o.value == value || (source_ == Source::kImported &&
                                                (o.label_zh == value || SameIgnoringAsciiCase(o.label_en, value)));
        if (match) {
          out.fields[column.key] = o.value;
          return;
        }
        allowed_zh += (allowed_zh.empty() ? "" : "、") + o.label_zh;
        allowed_en += (allowed_en.empty() ? "" : ", ") + o.value;
      }
      return fail("bad_enum", fmt::format("“{}”不是可选值（可选：{}）", value, allowed_zh),
                  fmt::format("\"{}\" is not one of {}", value, allowed_en));
    }

    case ColumnType::kDepartment: {
      const identity::Department* department = nullptr;
      if (source_ == Source::kTyped) {
        std::int64_t id = 0;
        const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), id);
        if (ec != std::errc{} || end != value.data() + value.size() || id <= 0)
          return fail("bad_department", "应为部门编号", "must be a department id");
        department = departments_.Find(id);
        if (!department)
          return fail("unknown_department", fmt::format("部门编号 {} 不存在", id),
                      fmt::format("department {} does not exist", id));
      } else {
        const auto named = departments_.Named(value);
        if (named.empty())
          return fail("unknown_department", fmt::format("没有名为“{}”的部门", value),
                      fmt::format("no department is called \"{}\"", value));
        if (named.size() > 1)
          return fail("ambiguous_department",
                      fmt::format("有 {} 个部门名为“{}”，请联系管理员区分", named.size(), value),
                      fmt::format("{} departments are called \"{}\"", named.size(), value));
        department = named.front();
      }
      if (department->status != "active")
        return fail("disabled_department", fmt::format("部门“{}”已停用", department->name),
                    fmt::format("department \"{}\" is disabled", department->name));
      if (column.key == kind_.department_column && scope_ && !scope_->count(department->id))
        return fail("out_of_scope", fmt::format("部门“{}”不在您的管理范围内", department->name),
                    fmt::format("department \"{}\" is outside your scope", department->name));
      out.fields[column.key] = std::to_string(department->id);
      return;
    }

    case ColumnType::kDivision:
      if (!IsDigits(value) || (value.size() != 6 && value.size() != 9))
        return fail("bad_division", fmt::format("“{}”应为 6 位或 9 位数字的行政区划代码", value),
                    fmt::format("\"{}\" must be a division code of 6 or 9 digits", value));
      if (divisions_ && !divisions_->Find(value))
        return fail("unknown_division", fmt::format("行政区划代码 {} 不存在", value),
                    fmt::format("division code {} does not exist", value));
      out.fields[column.key] = value;
      return;

    case ColumnType::kCreditCode: {
      const auto check = codes::CheckCreditCode(value, divisions_);
      if (check.valid) {
        out.fields[column.key] = check.normalized;
        return;
      }
      if (source_ == Source::kImported && check.only_check_character_fails) {
        // A registry's own slip is more likely than an invention: keep it for a person to verify.
        out.fields[column.key] = check.normalized;
        out.needs_review = true;
        const std::string zh = fmt::format("「{}」{} 的校验位不符（按规则应为 {}），已保留并标记待核实",
                                           column.label_zh, check.normalized, check.expected_check_character);
        const std::string en =
            fmt::format("\"{}\" {} fails its check character (expected {}); kept, flagged for review", column.label_en,
                        check.normalized, check.expected_check_character);
        out.review_note += (out.review_note.empty() ? "待核实：" : "；") + zh;
        out.warnings.push_back({line, column.key, "check_character", zh, en});
        return;
      }
      return fail("bad_credit_code", check.reason_zh, check.reason_en);
    }

    case ColumnType::kInt: {
      std::int64_t v = 0;
      const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), v);
      if (ec != std::errc{} || end != value.data() + value.size() || v < 0 || v > static_cast<std::int64_t>(column.max))
        return fail("bad_int", fmt::format("应为 0 到 {} 的整数", column.max),
                    fmt::format("must be a whole number from 0 to {}", column.max));
      out.fields[column.key] = std::to_string(v);
      return;
    }
  }
}

}  // namespace tongban::catalog::lists
