#pragma once
// The province-level codes of GB/T 2260 (the first two digits of a division code), built in
// because they change far more rarely than the division data: the last one added was Chongqing
// (50) in 1997. Checks that must work without the data files (citizen IDs) use these.
//
// Pure functions over constant data; thread-safe.
#include <optional>
#include <string_view>

namespace tongban::codes {

// True for the two digits of a province-level division: the 31 of the mainland, 71 Taiwan, 81 Hong
// Kong, 82 Macao. False for anything else, including input that is not two ASCII digits.
bool IsProvinceCode(std::string_view two_digits);

// Also true for 83, which GB/T 2260 does not have but the residence permits for residents of Hong
// Kong, Macao and Taiwan (港澳台居民居住证, 2018) use as the first digits of their ID numbers:
// 810000 Hong Kong, 820000 Macao, 830000 Taiwan. Citizen ID checks use this set.
bool IsIdNumberProvinceCode(std::string_view two_digits);

// The province's name, "山东省"; nullopt when IsProvinceCode is false.
std::optional<std::string_view> ProvinceName(std::string_view two_digits);

}  // namespace tongban::codes
