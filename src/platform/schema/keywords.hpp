#pragma once
// Keyword factories (internal to platform/schema): each reads its keyword(s) from the schema
// object at `site`, records a problem with the compiler for a value draft-07 does not allow, and
// returns the check, or nullptr when there is nothing to check. Compiler calls them from one
// table (compiler.cpp), in the order violations are reported. Grouped by what they constrain.
#include <memory>

#include "platform/schema/compiler.hpp"
#include "platform/schema/node.hpp"

namespace tongban::schema::internal {

using KeywordFactory = std::unique_ptr<Keyword> (*)(Compiler&, const Site&);

// keywords_any.cpp
std::unique_ptr<Keyword> CompileType(Compiler&, const Site&);
std::unique_ptr<Keyword> CompileEnum(Compiler&, const Site&);
std::unique_ptr<Keyword> CompileConst(Compiler&, const Site&);

// keywords_number.cpp
std::unique_ptr<Keyword> CompileBounds(Compiler&, const Site&);  // minimum, maximum, exclusive*
std::unique_ptr<Keyword> CompileMultipleOf(Compiler&, const Site&);

// keywords_string.cpp
std::unique_ptr<Keyword> CompileLength(Compiler&, const Site&);  // minLength, maxLength
std::unique_ptr<Keyword> CompilePattern(Compiler&, const Site&);
std::unique_ptr<Keyword> CompileFormat(Compiler&, const Site&);

// keywords_array.cpp
std::unique_ptr<Keyword> CompileItems(Compiler&, const Site&);  // items, additionalItems
std::unique_ptr<Keyword> CompileItemCount(Compiler&, const Site&);  // minItems, maxItems
std::unique_ptr<Keyword> CompileUniqueItems(Compiler&, const Site&);
std::unique_ptr<Keyword> CompileContains(Compiler&, const Site&);

// keywords_object.cpp
std::unique_ptr<Keyword> CompileRequired(Compiler&, const Site&);
// properties, patternProperties, additionalProperties
std::unique_ptr<Keyword> CompileProperties(Compiler&, const Site&);
std::unique_ptr<Keyword> CompilePropertyCount(Compiler&, const Site&);  // min/maxProperties
std::unique_ptr<Keyword> CompileDependencies(Compiler&, const Site&);
std::unique_ptr<Keyword> CompilePropertyNames(Compiler&, const Site&);

// keywords_logic.cpp
std::unique_ptr<Keyword> CompileRef(Compiler&, const Site&);
std::unique_ptr<Keyword> CompileAllOf(Compiler&, const Site&);
std::unique_ptr<Keyword> CompileAnyOf(Compiler&, const Site&);
std::unique_ptr<Keyword> CompileOneOf(Compiler&, const Site&);
std::unique_ptr<Keyword> CompileNot(Compiler&, const Site&);
std::unique_ptr<Keyword> CompileConditional(Compiler&, const Site&);  // if, then, else
std::unique_ptr<Keyword> CompileDefinitions(Compiler&, const Site&);  // compiles; checks nothing

}  // namespace tongban::schema::internal
