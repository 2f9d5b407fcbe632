#pragma once
// Cases over HTTP (docs/cases.md "API"): /api/v1/cases and its actions — one route per row of the
// lifecycle table — materials, notices, deadlines, 帮办代办 consents, and the public verification
// of notices under /api/v1/public/documents. Documented in openapi.json beside this file.
#include "app/context.hpp"
#include "platform/http/router.hpp"

namespace tongban::cases {
void RegisterRoutes(http::Router& router, AppContext& ctx);
// "cases.deadline_scan": daily, then queues the next day's run (dedupe key per date).
void RegisterJobHandlers(jobs::JobRunner& runner, AppContext& ctx);
}  // namespace tongban::cases
