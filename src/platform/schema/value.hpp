#pragma once
// JSON values as JSON Schema sees them (internal to platform/schema): numbers compare by value
// whatever their C++ representation (1 == 1.0; 18446744073709551615 exactly), "integer" means a
// number without a fractional part, and equality (enum, const, uniqueItems) is nlohmann's, which
// already compares numbers by value and objects without regard to key order. Pure; thread-safe.
#include <cstddef>
#include <cstdint>

#include <nlohmann/json.hpp>

namespace tongban::schema::internal {

// True for a number with no fractional part: 3, 3.0, 1e52.
bool IsIntegral(const nlohmann::json& value);

// True when `value` is one of the types in `mask` (messages.hpp's TypeBit).
bool HasType(const nlohmann::json& value, std::uint8_t mask);

// <0, 0, >0 as a is less than, equal to, greater than b; both must be numbers. Exact between
// integers of any sign and size; in double precision as soon as either is a float.
int CompareNumbers(const nlohmann::json& a, const nlohmann::json& b);

// True when `value` holds arrays or objects nested more than `levels` deep. Recurses at most
// `levels` times: the guard to call before anything that walks a whole value (==, HashJson, a copy),
// since nlohmann's recursive operations overflow the stack on data nested 100,000 deep.
bool NestedDeeperThan(const nlohmann::json& value, int levels);

// A hash consistent with nlohmann's ==: values that compare equal hash equal (numbers by their
// value as double, so 1 and 1.0 collide on purpose). For uniqueItems in linear time.
std::size_t HashJson(const nlohmann::json& value);

}  // namespace tongban::schema::internal
