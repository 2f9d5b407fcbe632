#pragma once
// The catalogue's HTTP routes: administration under /api/v1/catalog (routes.cpp) and the public
// portal's under /api/v1/public (public_routes.cpp). Wire shapes: wire.hpp; documented in
// openapi.json beside this file.
#include "app/context.hpp"
#include "platform/http/router.hpp"

namespace tongban::catalog {

// Every catalogue route, public ones included.
void RegisterRoutes(http::Router& router, AppContext& ctx);
// The public ones alone (called by RegisterRoutes).
void RegisterPublicRoutes(http::Router& router, AppContext& ctx);

}  // namespace tongban::catalog
