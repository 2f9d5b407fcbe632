#pragma once
// Routes and job kinds that exist only when TONGBAN_TEST_MODE=1, so API tests can move the clock of
// the real process and prove job semantics across servers. Never registered in production.
#include "app/context.hpp"
#include "platform/http/router.hpp"
#include "platform/jobs/runner.hpp"

namespace tongban::ops {
void RegisterTestRoutes(http::Router& router, AppContext& context);
void RegisterTestJobHandlers(jobs::JobRunner& runner, AppContext& context);
}  // namespace tongban::ops
