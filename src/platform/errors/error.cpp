#include "platform/errors/error.hpp"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

namespace tongban {

Error::Error(int status, std::string code, std::string message_zh, std::string message_en)
    : status_(status),
      code_(std::move(code)),
      message_zh_(std::move(message_zh)),
      message_en_(std::move(message_en)) {
  log_message_ = code_ + ": " + message_en_;
}

Error Error::BadRequest(std::string code, std::string zh, std::string en) {
  return Error(400, std::move(code), std::move(zh), std::move(en));
}
Error Error::Unauthenticated(std::string code, std::string zh, std::string en) {
  return Error(401, std::move(code), std::move(zh), std::move(en));
}
Error Error::Forbidden(std::string code, std::string zh, std::string en) {
  return Error(403, std::move(code), std::move(zh), std::move(en));
}
Error Error::NotFound(std::string code, std::string zh, std::string en) {
  return Error(404, std::move(code), std::move(zh), std::move(en));
}
Error Error::MethodNotAllowed(std::vector<std::string> allowed) {
  std::string allow;
  for (const auto& m : allowed) allow += (allow.empty() ? "" : ", ") + m;
  Error e(405, "http.method_not_allowed", "此路径不支持该请求方法，允许：" + allow,
          "Method not allowed here; allowed: " + allow);
  e.WithHeader("Allow", allow);
  e.details_["allowed"] = allowed;
  return e;
}
Error Error::Conflict(std::string code, std::string zh, std::string en) {
  return Error(409, std::move(code), std::move(zh), std::move(en));
}
Error Error::PayloadTooLarge(std::size_t limit_bytes) {
  Error e(413, "http.body_too_large", fmt::format("请求体超过上限 {} 字节", limit_bytes),
          fmt::format("Request body exceeds the limit of {} bytes", limit_bytes));
  e.details_["limit_bytes"] = limit_bytes;
  return e;
}
Error Error::UnsupportedMediaType(std::string expected) {
  Error e(415, "http.unsupported_media_type", "请求体的内容类型应为 " + expected,
          "The request body must be " + expected);
  e.details_["expected"] = expected;
  return e;
}
Error Error::Unprocessable(std::string code, std::string zh, std::string en,
                           std::vector<FieldError> errors) {
  Error e(422, std::move(code), std::move(zh), std::move(en));
  e.errors_ = std::move(errors);
  return e;
}
Error Error::TooManyRequests(std::string code, std::string zh, std::string en, int retry_after_s) {
  Error e(429, std::move(code), std::move(zh), std::move(en));
  e.WithHeader("Retry-After", std::to_string(retry_after_s));
  return e;
}
Error Error::Internal(std::string code, std::string what_for_log) {
  Error e(500, std::move(code), "服务器内部错误，请凭请求编号联系管理员",
          "Internal server error; quote the request id to the administrator");
  e.log_message_ = e.code_ + ": " + what_for_log;
  return e;
}
Error Error::Unavailable(std::string code, std::string zh, std::string en, int retry_after_s) {
  Error e(503, std::move(code), std::move(zh), std::move(en));
  e.WithHeader("Retry-After", std::to_string(retry_after_s));
  return e;
}

Error& Error::WithDetails(nlohmann::json details) {
  details_ = std::move(details);
  return *this;
}
Error& Error::WithFieldErrors(std::vector<FieldError> errors) {
  errors_ = std::move(errors);
  return *this;
}
Error& Error::WithHeader(std::string name, std::string value) {
  headers_.emplace_back(std::move(name), std::move(value));
  return *this;
}

namespace {
// Titles by status: short, generic, and stable, as RFC 9457 intends; `detail` says what happened.
std::string_view TitleFor(int status, bool english) {
  switch (status) {
    case 400: return english ? "Bad request" : "请求有误";
    case 401: return english ? "Not logged in" : "未登录";
    case 403: return english ? "Forbidden" : "无权操作";
    case 404: return english ? "Not found" : "未找到";
    case 405: return english ? "Method not allowed" : "方法不允许";
    case 409: return english ? "Conflict" : "状态冲突";
    case 413: return english ? "Payload too large" : "请求体过大";
    case 415: return english ? "Unsupported media type" : "内容类型不支持";
    case 422: return english ? "Invalid input" : "输入不合规";
    case 423: return english ? "Locked" : "已锁定";
    case 429: return english ? "Too many requests" : "请求过于频繁";
    case 503: return english ? "Service unavailable" : "服务暂不可用";
    default: return english ? "Internal server error" : "服务器内部错误";
  }
}
}  // namespace

nlohmann::json ToProblemJson(const Error& error, bool english, const std::string& request_id) {
  nlohmann::json body = {
      {"type", "https://tongban.dev/problems/" + error.code()},
      {"title", TitleFor(error.status(), english)},
      {"status", error.status()},
      {"detail", english ? error.message_en() : error.message_zh()},
      {"code", error.code()},
      {"request_id", request_id},
  };
  if (!error.errors().empty()) {
    auto& list = body["errors"] = nlohmann::json::array();
    for (const auto& fe : error.errors()) {
      list.push_back({{"pointer", fe.pointer},
                      {"code", fe.code},
                      {"message", english ? fe.message_en : fe.message_zh}});
    }
  }
  if (!error.details().empty()) body["details"] = error.details();
  return body;
}

bool PrefersEnglish(std::string_view accept_language) {
  // The first language tag decides: "en-US,en;q=0.9,zh;q=0.8" → English. Quality values beyond the
  // first tag are not weighed: browsers list the preferred language first.
  std::string first;
  for (char c : accept_language) {
    if (c == ',' || c == ';') break;
    if (!std::isspace(static_cast<unsigned char>(c))) first += static_cast<char>(std::tolower(c));
  }
  return first.rfind("en", 0) == 0;
}

}  // namespace tongban
