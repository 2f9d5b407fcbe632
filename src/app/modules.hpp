#pragma once
// The one list of modules: each adds its route table and job handlers here, in dependency order.
#include "app/context.hpp"
#include "demo/demo.hpp"
#include "platform/http/router.hpp"

namespace tongban {

void RegisterAllRoutes(http::Router& router, AppContext& context);
void RegisterAllJobHandlers(jobs::JobRunner& runner, AppContext& context);
// Each module's demo-city steps (`tongban demo`), in the order they run.
void RegisterAllDemoSteps(demo::Registry& registry);

}  // namespace tongban
