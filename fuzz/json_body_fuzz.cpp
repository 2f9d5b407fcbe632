// Untrusted request bodies: JsonBody/JsonObjectBody either parse or throw tongban::Error (a 4xx),
// never anything else.
#include <cstdint>
#include <cstdlib>

#include "platform/errors/error.hpp"
#include "platform/http/request.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  tongban::http::Request request;
  request.headers.emplace_back("content-type", "application/json; charset=utf-8");
  request.body.assign(reinterpret_cast<const char*>(data), size);
  try {
    request.JsonObjectBody();
  } catch (const tongban::Error& e) {
    if (e.status() < 400 || e.status() >= 500) std::abort();
  }
  return 0;
}
