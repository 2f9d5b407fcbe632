#pragma once
// Operations endpoints: /healthz (alive), /readyz (database reachable, migrations applied),
// /metrics (Prometheus), /api/v1/openapi.json, /api/v1/version.
#include "app/context.hpp"
#include "platform/http/router.hpp"

namespace tongban::ops {
void RegisterRoutes(http::Router& router, AppContext& context);
}
