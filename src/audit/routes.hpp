#pragma once
// The audit trail over HTTP: read-only (no route changes or deletes a record), the published
// checkpoints, the daily checkpoint job, and AppContext::audit for platform routes.
#include "app/context.hpp"
#include "platform/http/router.hpp"

namespace tongban::audit {
void RegisterRoutes(http::Router& router, AppContext& context);
// "audit.checkpoint": signs today's head, then queues tomorrow's run (dedupe key per date).
void RegisterJobHandlers(jobs::JobRunner& runner, AppContext& context);
}  // namespace tongban::audit
