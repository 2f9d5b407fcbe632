// Codes people type: the credit-code and citizen-ID checks never crash, and whatever they call
// valid really has a correct check character.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "platform/codes/citizen_id.hpp"
#include "platform/codes/credit_code.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace tongban;
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const auto credit = codes::CheckCreditCode(input);
  if (credit.valid && codes::ComputeCreditCodeCheckChar(credit.normalized.substr(0, 17)) != credit.normalized[17])
    std::abort();
  const auto id = codes::CheckCitizenId(input, *time::Date::Parse("2026-11-23"));
  if (id.valid && codes::ComputeCitizenIdCheckChar(id.normalized.substr(0, 17)) != id.normalized[17]) std::abort();
  return 0;
}
