#include "platform/codes/routes.hpp"

#include "platform/codes/citizen_id.hpp"
#include "platform/codes/credit_code.hpp"

namespace tongban::codes {
namespace {

std::string Char(char c) { return c ? std::string(1, c) : std::string(); }

http::Response CreditCode(AppContext& ctx, http::Request& request) {
  const auto check = CheckCreditCode(request.Param("code"), ctx.divisions.get());
  nlohmann::json out = {{"valid", check.valid},
                        {"reason", check.reason},
                        {"reason_zh", check.reason_zh},
                        {"reason_en", check.reason_en},
                        {"normalized", check.normalized},
                        {"only_check_character_fails", check.only_check_character_fails}};
  if (!check.parts.division.empty()) {
    out["registration_authority"] = Char(check.parts.registration_authority);
    out["organisation_type"] = Char(check.parts.organisation_type);
    out["division"] = check.parts.division;
    out["organisation_code"] = check.parts.organisation_code;
    out["division_name"] = check.division_name;
  }
  return http::Response::Json(out);
}

http::Response CitizenId(AppContext& ctx, http::Request& request) {
  const auto today = *time::Date::Parse(time::ShanghaiDate(ctx.clock.Now()));
  const auto check = CheckCitizenId(request.Param("id"), today);
  // The number itself is personal data: the answer never repeats it whole.
  nlohmann::json out = {{"valid", check.valid},
                        {"reason", check.reason},
                        {"reason_zh", check.reason_zh},
                        {"reason_en", check.reason_en},
                        {"only_check_character_fails", check.only_check_character_fails}};
  if (!check.division.empty()) {
    out["division"] = check.division;
    out["division_name"] = ctx.divisions ? ctx.divisions->FullName(check.division) : "";
  }
  if (check.birth_date) out["birth_date"] = check.birth_date->ToString();
  if (check.sex) out["sex"] = *check.sex == Sex::kMale ? "male" : "female";
  return http::Response::Json(out);
}

}  // namespace

void RegisterRoutes(http::Router& router, AppContext& ctx) {
  const std::string pub(http::kPublic);
  router.AddAll({
      {"GET", "/api/v1/public/validate/credit-code/{code}", pub, [&ctx](http::Request& r) { return CreditCode(ctx, r); }},
      {"GET", "/api/v1/public/validate/citizen-id/{id}", pub, [&ctx](http::Request& r) { return CitizenId(ctx, r); }},
  });
}

}  // namespace tongban::codes
