#include "platform/http/input.hpp"

#include <charconv>

#include "platform/time/date.hpp"

namespace tongban::http {
namespace {

std::string Trim(std::string s) {
  s.erase(0, s.find_first_not_of(" \t\r\n"));
  s.erase(s.find_last_not_of(" \t\r\n") + 1);
  return s;
}

std::string ListText(const std::vector<std::string>& allowed) {
  std::string out;
  for (const auto& a : allowed) out += (out.empty() ? "" : ", ") + a;
  return out;
}

}  // namespace

std::size_t CharCount(std::string_view text) {
  std::size_t n = 0;
  for (unsigned char c : text)
    if ((c & 0xC0) != 0x80) ++n;
  return n;
}

std::int64_t ParseId(const std::string& text) {
  std::int64_t id = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (ec != std::errc{} || end != text.data() + text.size() || id <= 0)
    throw Error::BadRequest("http.bad_id", "编号应为正整数", "The id must be a positive integer");
  return id;
}

std::optional<time::Instant> QueryInstant(const Request& request, const std::string& name, bool end_of_day) {
  auto value = request.QueryParam(name);
  if (!value || value->empty()) return std::nullopt;
  if (auto date = time::Date::Parse(*value)) {
    const auto day = std::chrono::sys_days{std::chrono::days{date->serial() + (end_of_day ? 1 : 0)}};
    const time::Instant start = std::chrono::time_point_cast<std::chrono::microseconds>(day) - time::kShanghaiOffset;
    return end_of_day ? start - std::chrono::microseconds(1) : start;
  }
  if (auto at = time::ParseRfc3339(*value)) return at;
  throw Error::BadRequest("http.bad_query", "参数 " + name + " 应为日期（YYYY-MM-DD）或 RFC 3339 时间",
                          "Parameter " + name + " must be a date (YYYY-MM-DD) or an RFC 3339 time")
      .WithDetails({{"parameter", name}, {"value", *value}});
}

std::optional<std::int64_t> QueryId(const Request& request, const std::string& name) {
  auto value = request.QueryParam(name);
  if (!value || value->empty()) return std::nullopt;
  try {
    return ParseId(*value);
  } catch (const Error&) {
    throw Error::BadRequest("http.bad_query", "参数 " + name + " 应为正整数", "Parameter " + name + " must be a positive integer")
        .WithDetails({{"parameter", name}, {"value", *value}});
  }
}

std::string BodyReader::Label(const std::string& key) const {
  return prefix_.empty() ? key : prefix_.substr(1) + "/" + key;
}

void BodyReader::FailAt(std::string pointer, std::string code, std::string zh, std::string en) {
  errors_.push_back({std::move(pointer), std::move(code), std::move(zh), std::move(en)});
}

void BodyReader::Absorb(const BodyReader& child) {
  errors_.insert(errors_.end(), child.errors_.begin(), child.errors_.end());
}

void BodyReader::Fail(const std::string& key, std::string code, std::string zh, std::string en) {
  errors_.push_back({prefix_ + "/" + key, std::move(code), std::move(zh), std::move(en)});
}

std::optional<std::string> BodyReader::OptString(const std::string& key, std::size_t max_chars) {
  if (!Has(key)) return std::nullopt;
  if (!body_[key].is_string()) {
    Fail(key, "type", Label(key) + " 应为字符串", Label(key) + " must be a string");
    return std::nullopt;
  }
  std::string v = Trim(body_[key].get<std::string>());
  if (CharCount(v) > max_chars) {
    Fail(key, "max_length", Label(key) + " 最多 " + std::to_string(max_chars) + " 个字符",
         Label(key) + " must be at most " + std::to_string(max_chars) + " characters");
    return std::nullopt;
  }
  return v;
}

std::string BodyReader::String(const std::string& key, std::size_t min_chars, std::size_t max_chars) {
  if (!Has(key)) {
    Fail(key, "required", Label(key) + " 必填", Label(key) + " is required");
    return "";
  }
  auto v = OptString(key, max_chars);
  if (!v) return "";
  if (CharCount(*v) < min_chars) {
    Fail(key, min_chars <= 1 ? "required" : "min_length",
         min_chars <= 1 ? Label(key) + " 不能为空" : Label(key) + " 至少 " + std::to_string(min_chars) + " 个字符",
         min_chars <= 1 ? Label(key) + " must not be empty" : Label(key) + " must be at least " + std::to_string(min_chars) + " characters");
    return "";
  }
  return *v;
}

std::optional<std::string> BodyReader::OptEnum(const std::string& key, const std::vector<std::string>& allowed) {
  auto v = OptString(key, 100);
  if (!v) return std::nullopt;
  for (const auto& a : allowed)
    if (*v == a) return v;
  Fail(key, "enum", Label(key) + " 应为以下之一：" + ListText(allowed), Label(key) + " must be one of: " + ListText(allowed));
  return std::nullopt;
}

std::string BodyReader::Enum(const std::string& key, const std::vector<std::string>& allowed) {
  if (!Has(key)) {
    Fail(key, "required", Label(key) + " 必填", Label(key) + " is required");
    return "";
  }
  return OptEnum(key, allowed).value_or("");
}

std::optional<bool> BodyReader::OptBool(const std::string& key) {
  if (!Has(key)) return std::nullopt;
  if (!body_[key].is_boolean()) {
    Fail(key, "type", Label(key) + " 应为 true 或 false", Label(key) + " must be true or false");
    return std::nullopt;
  }
  return body_[key].get<bool>();
}

bool BodyReader::Bool(const std::string& key, bool fallback) { return OptBool(key).value_or(fallback); }

std::optional<std::int64_t> BodyReader::OptInt(const std::string& key, std::int64_t min, std::int64_t max) {
  if (!Has(key)) return std::nullopt;
  if (!body_[key].is_number_integer()) {
    Fail(key, "type", Label(key) + " 应为整数", Label(key) + " must be an integer");
    return std::nullopt;
  }
  const auto v = body_[key].get<std::int64_t>();
  if (v < min || v > max) {
    Fail(key, "range", Label(key) + " 应在 " + std::to_string(min) + " 到 " + std::to_string(max) + " 之间",
         Label(key) + " must be from " + std::to_string(min) + " to " + std::to_string(max));
    return std::nullopt;
  }
  return v;
}

std::int64_t BodyReader::Int(const std::string& key, std::int64_t min, std::int64_t max, std::int64_t fallback) {
  return OptInt(key, min, max).value_or(fallback);
}

std::optional<std::vector<std::string>> BodyReader::OptStringList(const std::string& key, std::size_t max_items) {
  if (!Has(key)) return std::nullopt;
  const auto& v = body_[key];
  if (!v.is_array() || v.size() > max_items) {
    Fail(key, "type", Label(key) + " 应为最多 " + std::to_string(max_items) + " 项的字符串数组",
         Label(key) + " must be an array of at most " + std::to_string(max_items) + " strings");
    return std::nullopt;
  }
  std::vector<std::string> out;
  for (const auto& item : v) {
    if (!item.is_string()) {
      Fail(key, "type", Label(key) + " 的每一项应为字符串", "every item of " + Label(key) + " must be a string");
      return std::nullopt;
    }
    out.push_back(item.get<std::string>());
  }
  return out;
}

std::vector<std::string> BodyReader::StringList(const std::string& key, std::size_t max_items) {
  if (!Has(key)) {
    Fail(key, "required", Label(key) + " 必填", Label(key) + " is required");
    return {};
  }
  return OptStringList(key, max_items).value_or(std::vector<std::string>{});
}

void BodyReader::Check(const std::string& code) const {
  if (errors_.empty()) return;
  std::string zh = "输入有误：", en = "Invalid input: ";
  for (std::size_t i = 0; i < errors_.size(); ++i) {
    zh += (i ? "；" : "") + errors_[i].message_zh;
    en += (i ? "; " : "") + errors_[i].message_en;
  }
  throw Error::Unprocessable(code, zh, en, errors_);
}

}  // namespace tongban::http
