#include "platform/openapi/openapi.hpp"

#include <algorithm>
#include <set>
#include <stdexcept>

#include "platform/embedded.hpp"

namespace tongban::openapi {

nlohmann::json BuildDocument() {
  nlohmann::json doc = {
      {"openapi", "3.0.3"},
      {"info",
       {{"title", "Tongban 通办 API"},
        {"version", TONGBAN_VERSION},
        {"description",
         "一网通办平台接口。错误以 RFC 9457 application/problem+json 返回。 / The Tongban government-services API; "
         "errors are RFC 9457 problem+json."}}},
      {"servers", {{{"url", "/"}}}},
      {"paths", nlohmann::json::object()},
      {"components", {{"schemas", nlohmann::json::object()}}},
      {"tags", nlohmann::json::array()},
  };
  for (const auto& fragment : embedded::OpenApiFragments()) {
    nlohmann::json part;
    try {
      part = nlohmann::json::parse(fragment.json);
    } catch (const std::exception& e) {
      throw std::logic_error(std::string(fragment.path) + " is not JSON: " + e.what());
    }
    // Named copies: items() of a temporary returned by value() would dangle.
    const nlohmann::json paths = part.value("paths", nlohmann::json::object());
    const nlohmann::json components = part.value("components", nlohmann::json::object());
    const nlohmann::json tags = part.value("tags", nlohmann::json::array());
    for (const auto& [path, methods] : paths.items()) {
      for (const auto& [method, operation] : methods.items()) {
        if (doc["paths"].contains(path) && doc["paths"][path].contains(method))
          throw std::logic_error(std::string(fragment.path) + " redefines " + method + " " + path);
        doc["paths"][path][method] = operation;
      }
    }
    for (const auto& [section, entries] : components.items())
      for (const auto& [name, entry] : entries.items()) doc["components"][section][name] = entry;
    // Fragments may share a tag ("public"); the document lists each once.
    for (const auto& tag : tags) {
      bool known = false;
      for (const auto& t : doc["tags"]) known = known || t.value("name", "") == tag.value("name", "");
      if (!known) doc["tags"].push_back(tag);
    }
  }
  return doc;
}

std::vector<std::string> CompareWithRoutes(const nlohmann::json& document, const http::Router& router) {
  std::set<std::string> documented, routed;
  static const std::set<std::string> kMethods = {"get", "put", "post", "delete", "patch", "head", "options"};
  for (auto& [path, methods] : document.at("paths").items())
    for (auto& [method, op] : methods.items())
      if (kMethods.count(method)) {
        std::string upper = method;
        std::transform(upper.begin(), upper.end(), upper.begin(), ::toupper);
        documented.insert(upper + " " + path);
      }
  for (const auto& route : router.routes())
    if (route.permission != http::kTestOnly) routed.insert(route.method + " " + route.pattern);
  std::vector<std::string> problems;
  for (const auto& r : routed)
    if (!documented.count(r)) problems.push_back("route " + r + " is not documented");
  for (const auto& d : documented)
    if (!routed.count(d)) problems.push_back("documented " + d + " has no route");
  return problems;
}

}  // namespace tongban::openapi
