#pragma once
// The JSON shape of a version's elements (the body of draft edits, the stored document, and the
// public guide), read with every problem reported at once. Only the rules that need nothing but
// the document live here (committed ≤ statutory, the form is a valid JSON Schema, the workflow's
// days fit the committed limit); rules that need the database (licence types, the proof list,
// roles) are the service's.
#include <nlohmann/json.hpp>

#include "catalog/model.hpp"
#include "platform/http/input.hpp"

namespace tongban::catalog {

// Reads the elements object `reader` wraps, adding each problem to `reader` (pointers below its
// prefix). Returns what could be read; callers Check() the reader before trusting it.
// `compile_form` false skips compiling the form schema, for documents the store wrote (they were
// compiled when saved, and compiling costs far more than reading).
Elements ReadElements(http::BodyReader& reader, bool compile_form = true);

// The canonical JSON of `elements` (what is stored and what the API answers).
nlohmann::json ElementsToJson(const Elements& elements);

// Reads elements the store wrote. A document that does not read is a bug or a corrupt row:
// std::logic_error naming the first problem.
Elements ElementsFromStored(const std::string& text);

}  // namespace tongban::catalog
