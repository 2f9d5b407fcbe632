#pragma once
// The message centre over HTTP (/api/v1/messages, the caller's own messages only) and the job
// messages.send that hands queued messages to the outbound sender.
#include "app/context.hpp"
#include "platform/http/router.hpp"

namespace tongban::messages {
void RegisterRoutes(http::Router& router, AppContext& ctx);
void RegisterJobHandlers(jobs::JobRunner& runner, AppContext& ctx);
}  // namespace tongban::messages
