#include "app/modules.hpp"

#include "platform/config/config.hpp"
#include "platform/jobs/routes.hpp"
#include "platform/ops/routes.hpp"
#include "platform/ops/test_routes.hpp"

namespace tongban {

void RegisterAllRoutes(http::Router& router, AppContext& context) {
  ops::RegisterRoutes(router, context);
  jobs::RegisterRoutes(router, context);
  if (TestModeEnabled()) ops::RegisterTestRoutes(router, context);
}

void RegisterAllJobHandlers(jobs::JobRunner& runner, AppContext& context) {
  if (TestModeEnabled()) ops::RegisterTestJobHandlers(runner, context);
}

}  // namespace tongban
