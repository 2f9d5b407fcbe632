#pragma once
// URI references for $id and $ref (RFC 3986 section 5: resolution against a base). Draft-07 lets
// $id change the base URI inside a document, and a $ref is resolved against the base in force.
// The base may itself be relative or empty (a schema without $id): resolution then works on the
// path alone, which is all a document without an absolute name needs. Internal; pure.
#include <string>
#include <string_view>
#include <utility>

namespace tongban::schema::internal {

// `reference` resolved against `base` ("http://x/a/b.json" + "c.json#/d" → "http://x/a/c.json#/d").
std::string ResolveUri(std::string_view base, std::string_view reference);

// {"http://x/a.json", "/definitions/b"} from "http://x/a.json#/definitions/b"; the fragment is ""
// when there is none (or it is empty).
std::pair<std::string, std::string> SplitFragment(std::string_view uri);

}  // namespace tongban::schema::internal
