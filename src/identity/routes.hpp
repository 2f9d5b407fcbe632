#pragma once
// Identity over HTTP: login/logout/me, the administration of departments, users, roles, sessions,
// API keys and applicants, applicant self-registration. Sets AppContext::authenticator (session
// cookie with CSRF, or bearer API key).
#include "app/context.hpp"
#include "platform/http/router.hpp"

namespace tongban::identity {
void RegisterRoutes(http::Router& router, AppContext& context);
}
