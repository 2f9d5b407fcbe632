// Untrusted request targets: the dispatcher must never crash, and no target may read a file outside
// the web directory (a secret sits beside it).
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "platform/http/dispatcher.hpp"

namespace {
using namespace tongban::http;

struct Fixture {
  std::filesystem::path web;
  Router router;
  std::unique_ptr<StaticFiles> files;
  std::unique_ptr<Dispatcher> dispatcher;
  Fixture() {
    const auto base = std::filesystem::temp_directory_path() / ("tongban-fuzz-web-" + std::to_string(::getpid()));
    web = base / "dist";
    std::filesystem::create_directories(web / "assets");
    std::ofstream(web / "index.html") << "index";
    std::ofstream(web / "assets" / "a.js") << "asset";
    std::ofstream(base / "secret.txt") << "FUZZ-SECRET";
    router.AddAll({{"GET", "/api/v1/items/{code}", "public", [](Request& r) { return Response::Text(r.Param("code")); }},
                   {"POST", "/api/v1/items", "catalog.item.edit", [](Request&) { return Response::NoContent(); }}});
    files = std::make_unique<StaticFiles>(web);
    dispatcher = std::make_unique<Dispatcher>(router, files.get(), 1024);
  }
};
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static Fixture fixture;
  const std::string input(reinterpret_cast<const char*>(data), size);
  const auto split = input.find(' ');
  const std::string method = split == std::string::npos ? "GET" : input.substr(0, split);
  const std::string target = split == std::string::npos ? input : input.substr(split + 1);
  const DispatchPlan plan = fixture.dispatcher->Plan(method, target);
  Request request;
  request.method = method;
  request.target = target;
  request.path = plan.path;
  request.query = plan.query;
  request.path_params = plan.params;
  const Response response = fixture.dispatcher->Run(request, plan);
  if (response.body.find("FUZZ-SECRET") != std::string::npos) std::abort();  // escaped the web dir
  if (response.status < 200 || response.status > 599) std::abort();
  return 0;
}
