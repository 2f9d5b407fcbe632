// Untrusted case requests: an action's body and a new case's body either read into their structs
// or throw tongban::Error 4xx (with every field problem), never anything else; the sniffer names
// any bytes without reading past them.
#include <cstdint>
#include <cstdlib>

#include "cases/wire.hpp"
#include "platform/errors/error.hpp"
#include "platform/files/sniff.hpp"
#include "platform/http/request.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  const auto type = tongban::files::SniffMediaType(bytes);
  if (!type.empty() && type != "application/pdf" && type != "image/png" && type != "image/jpeg") std::abort();
  tongban::http::Request request;
  request.headers.emplace_back("content-type", "application/json");
  request.body = bytes;
  try {
    const auto body = request.JsonObjectBody();
    tongban::http::BodyReader action(body);
    tongban::cases::wire::ReadActionInput(action);
    tongban::http::BodyReader create(body);
    tongban::cases::wire::ReadNewCase(create);
  } catch (const tongban::Error& e) {
    if (e.status() < 400 || e.status() >= 500) std::abort();
  }
  return 0;
}
