#include "platform/http/request.hpp"

#include <algorithm>

#include "platform/errors/error.hpp"

namespace tongban::http {

bool Principal::HasPermission(std::string_view permission) const {
  return std::binary_search(permissions.begin(), permissions.end(), permission,
                            [](std::string_view a, std::string_view b) { return a < b; });
}

std::string_view Request::Header(std::string_view name) const {
  for (const auto& [k, v] : headers)
    if (k == name) return v;
  return {};
}

std::optional<std::string> Request::QueryParam(std::string_view name) const {
  for (const auto& [k, v] : query)
    if (k == name) return v;
  return std::nullopt;
}

bool Request::PrefersEnglish() const { return tongban::PrefersEnglish(Header("accept-language")); }

nlohmann::json Request::JsonBody() const {
  std::string_view type = Header("content-type");
  const auto semi = type.find(';');
  if (semi != std::string_view::npos) type = type.substr(0, semi);
  while (!type.empty() && type.back() == ' ') type.remove_suffix(1);
  std::string lower(type);
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
  if (lower != "application/json" && !(lower.size() > 5 && lower.ends_with("+json")))
    throw Error::UnsupportedMediaType("application/json");
  if (body.empty())
    throw Error::BadRequest("http.empty_body", "请求体为空，应为 JSON", "The request body is empty; JSON expected");
  // Deeply nested bodies are refused while parsing: copying or destroying a value nested 100,000
  // deep recurses once per level and would overflow the stack. No form or API body nests past 64.
  constexpr int kMaxDepth = 64;
  struct TooDeep {};
  try {
    return nlohmann::json::parse(body, [](int depth, nlohmann::json::parse_event_t, nlohmann::json&) {
      if (depth > kMaxDepth) throw TooDeep{};
      return true;
    });
  } catch (const TooDeep&) {
    throw Error::BadRequest("http.json_too_deep", "请求体的 JSON 嵌套超过 64 层",
                            "The request body's JSON nests deeper than 64 levels");
  } catch (const nlohmann::json::parse_error& e) {
    throw Error::BadRequest("http.malformed_json",
                            "请求体不是合法的 JSON（第 " + std::to_string(e.byte) + " 字节附近）",
                            "The request body is not valid JSON (near byte " + std::to_string(e.byte) + ")")
        .WithDetails({{"byte", e.byte}});
  }
}

nlohmann::json Request::JsonObjectBody() const {
  nlohmann::json j = JsonBody();
  if (!j.is_object())
    throw Error::Unprocessable("http.body_not_object", "请求体应为 JSON 对象", "The request body must be a JSON object",
                               {{"", "type", "应为对象", "must be an object"}});
  return j;
}

namespace {
int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}
}  // namespace

std::optional<std::string> PercentDecode(std::string_view in) {
  std::string out;
  out.reserve(in.size());
  for (std::size_t i = 0; i < in.size(); ++i) {
    if (in[i] != '%') {
      if (in[i] == '\0') return std::nullopt;
      out.push_back(in[i]);
      continue;
    }
    if (i + 2 >= in.size()) return std::nullopt;
    const int hi = HexValue(in[i + 1]), lo = HexValue(in[i + 2]);
    if (hi < 0 || lo < 0) return std::nullopt;
    const char c = static_cast<char>(hi * 16 + lo);
    if (c == '\0') return std::nullopt;
    out.push_back(c);
    i += 2;
  }
  return out;
}

std::vector<std::pair<std::string, std::string>> ParseQuery(std::string_view query) {
  std::vector<std::pair<std::string, std::string>> out;
  while (!query.empty()) {
    const auto amp = query.find('&');
    std::string_view part = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view{} : query.substr(amp + 1);
    if (part.empty()) continue;
    const auto eq = part.find('=');
    std::string key(part.substr(0, eq));
    std::string value(eq == std::string_view::npos ? std::string_view{} : part.substr(eq + 1));
    std::replace(key.begin(), key.end(), '+', ' ');
    std::replace(value.begin(), value.end(), '+', ' ');
    auto k = PercentDecode(key), v = PercentDecode(value);
    if (!k || !v)
      throw Error::BadRequest("http.bad_query", "查询参数编码错误", "Malformed percent-encoding in the query string");
    out.emplace_back(std::move(*k), std::move(*v));
  }
  return out;
}

}  // namespace tongban::http
