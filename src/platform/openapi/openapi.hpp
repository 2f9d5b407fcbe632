#pragma once
// The OpenAPI 3 document served at /api/v1/openapi.json: every module's hand-written fragment
// (src/<module>/openapi.json: paths, components.schemas, tags) merged into one. Written by hand, not
// generated from the route table, so that the parity check below means something.
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "platform/http/router.hpp"

namespace tongban::openapi {

// Throws std::logic_error when a fragment is not JSON or two fragments define the same path+method.
nlohmann::json BuildDocument();

// Differences between the document and the routes: "route GET /x is not documented" and
// "documented GET /y has no route". Test-only routes are ignored. Empty when they agree.
std::vector<std::string> CompareWithRoutes(const nlohmann::json& document, const http::Router& router);

}  // namespace tongban::openapi
