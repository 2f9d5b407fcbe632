// The served OpenAPI document and the router agree in both directions (DESIGN.md rule 6): a route
// without documentation, or documentation without a route, fails here.
#include "platform/openapi/openapi.hpp"

#include <gtest/gtest.h>

#include <filesystem>

#include "app/app.hpp"
#include "platform/crypto/hash.hpp"

namespace tongban::openapi {
namespace {

TEST(OpenApiTest, DocumentMatchesEveryRoute) {
  const auto path = std::filesystem::temp_directory_path() / ("tongban-openapi-" + crypto::RandomHex(4) + ".db");
  Config config;
  config.db = "sqlite://" + path.string();
  {
    App app(config);
    const auto doc = BuildDocument();
    EXPECT_EQ(doc["openapi"], "3.0.3");
    const auto problems = CompareWithRoutes(doc, app.router());
    for (const auto& p : problems) ADD_FAILURE() << p;
    // Every route names its permission, and the document says the same one.
    for (const auto& route : app.router().routes()) {
      EXPECT_FALSE(route.permission.empty()) << route.pattern;
      std::string method = route.method;
      std::transform(method.begin(), method.end(), method.begin(), ::tolower);
      const auto op = doc["paths"].value(route.pattern, nlohmann::json::object()).value(method, nlohmann::json::object());
      if (route.permission != "public" && route.permission != "test") {
        EXPECT_EQ(op.value("x-permission", ""), route.permission) << route.method << " " << route.pattern;
      }
    }
  }
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path.string() + suffix);
}

TEST(OpenApiTest, MissingDocumentationIsReported) {
  http::Router router;
  router.Add({"GET", "/api/v1/undocumented", "public", [](http::Request&) { return http::Response::NoContent(); }});
  const auto problems = CompareWithRoutes(BuildDocument(), router);
  EXPECT_NE(std::find(problems.begin(), problems.end(), "route GET /api/v1/undocumented is not documented"),
            problems.end());
  EXPECT_NE(std::find(problems.begin(), problems.end(), "documented GET /healthz has no route"), problems.end());
}

}  // namespace
}  // namespace tongban::openapi
