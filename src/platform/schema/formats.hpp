#pragma once
// The values of "format" the validator checks (internal to platform/schema): the draft-07 ones
// forms need (date, date-time, email) and Tongban's own (credit-code, citizen-id, division-code,
// phone-cn), the codes checked by platform/codes so that a form and the rest of the platform
// agree on what a valid code is. A format applies to strings only; other types pass.
//
// Pure functions over constant tables; thread-safe.
#include <optional>
#include <string>
#include <string_view>

#include "platform/schema/messages.hpp"
#include "platform/time/date.hpp"

namespace tongban::schema::internal {

struct Format {
  std::string_view name;
  // nullopt when `value` has the format; else what is wrong with it, as a sentence about the field.
  std::optional<Text> (*check)(std::string_view value, time::Date today);
  bool needs_today;  // citizen-id: a birth date after today is refused
};

// The format called `name`; nullptr for one the validator does not know.
const Format* FindFormat(std::string_view name);

// "date, date-time, …", for the message about an unknown format.
std::string KnownFormatNames();

}  // namespace tongban::schema::internal
