#include "platform/schema/compiler.hpp"

#include <array>
#include <utility>

#include <fmt/format.h>

#include "platform/schema/keywords.hpp"
#include "platform/schema/metaschema.hpp"
#include "platform/schema/pointer.hpp"
#include "platform/schema/uri.hpp"
#include "platform/schema/value.hpp"

namespace tongban::schema::internal {

using nlohmann::json;

namespace {

struct KeywordGroup {
  std::array<std::string_view, 4> names;  // a group is compiled when any of them is present
  KeywordFactory compile;
};

// The order of this table is the order violations of one value are reported in: its type first,
// then what it holds, then the combinators.
const KeywordGroup kKeywordGroups[] = {
    {{"type"}, CompileType},
    {{"enum"}, CompileEnum},
    {{"const"}, CompileConst},
    {{"minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"}, CompileBounds},
    {{"multipleOf"}, CompileMultipleOf},
    {{"minLength", "maxLength"}, CompileLength},
    {{"pattern"}, CompilePattern},
    {{"format"}, CompileFormat},
    {{"minItems", "maxItems"}, CompileItemCount},
    {{"uniqueItems"}, CompileUniqueItems},
    {{"items", "additionalItems"}, CompileItems},
    {{"contains"}, CompileContains},
    {{"minProperties", "maxProperties"}, CompilePropertyCount},
    {{"required"}, CompileRequired},
    {{"properties", "patternProperties", "additionalProperties"}, CompileProperties},
    {{"dependencies"}, CompileDependencies},
    {{"propertyNames"}, CompilePropertyNames},
    {{"allOf"}, CompileAllOf},
    {{"anyOf"}, CompileAnyOf},
    {{"oneOf"}, CompileOneOf},
    {{"not"}, CompileNot},
    {{"if", "then", "else"}, CompileConditional},
    {{"definitions"}, CompileDefinitions},
};

// Annotation keywords: no effect on validation, but the meta-schema gives their types.
struct Annotation {
  std::string_view name;
  json::value_t type;
};
constexpr Annotation kAnnotations[] = {
    {"title", json::value_t::string},         {"description", json::value_t::string},
    {"$comment", json::value_t::string},      {"$schema", json::value_t::string},
    {"readOnly", json::value_t::boolean},     {"writeOnly", json::value_t::boolean},
    {"examples", json::value_t::array},       {"contentMediaType", json::value_t::string},
    {"contentEncoding", json::value_t::string},
};

std::string UnescapeSegment(std::string_view segment) {
  std::string out;
  for (std::size_t i = 0; i < segment.size(); ++i) {
    if (segment[i] == '~' && i + 1 < segment.size() && (segment[i + 1] == '0' || segment[i + 1] == '1')) {
      out += segment[i + 1] == '0' ? '~' : '/';
      ++i;
    } else {
      out += segment[i];
    }
  }
  return out;
}

// The value at an escaped JSON Pointer, or nullptr when there is none (or the pointer is bad).
const json* ValueAt(const json& document, const std::string& pointer) {
  try {
    const json::json_pointer p(pointer);
    return document.contains(p) ? &document.at(p) : nullptr;
  } catch (const json::exception&) {
    return nullptr;
  }
}

}  // namespace

const json* Site::Find(std::string_view keyword) const {
  const auto it = schema.find(keyword);
  return it == schema.end() ? nullptr : &*it;
}

std::string Site::At(std::string_view keyword) const {
  std::string out = pointer;
  AppendSegment(out, keyword);
  return out;
}

Compiler::Compiler(const CompileOptions& options) : options_(options) {}

std::shared_ptr<const Compiled> Compiler::Run(const json& schema) {
  compiled_ = std::make_shared<Compiled>();
  documents_.push_back({"", std::nullopt, &schema, true});
  documents_by_uri_[""] = 0;
  compiled_->root = CompileAt(schema, "", "", 0, 0);
  ResolveRefs();
  if (problems_.empty()) FindInPlaceCycles();
  if (!problems_.empty()) {
    const auto n = problems_.size();
    std::string zh = fmt::format("表单定义不是有效的 JSON Schema（draft-07），共 {} 处问题：{}", n, problems_[0].message_zh);
    std::string en = fmt::format("The form definition is not a valid JSON Schema (draft-07); {} problem{}: {}", n,
                                 n == 1 ? "" : "s", problems_[0].message_en);
    throw Error::Unprocessable("schema.invalid", std::move(zh), std::move(en), std::move(problems_));
  }
  return compiled_;
}

// ---- subschemas

const Node* Compiler::CompileAt(const json& value, std::string pointer, std::string base,
                                std::size_t document, int depth) {
  const auto key = std::make_pair(document, pointer);
  if (const auto it = nodes_by_location_.find(key); it != nodes_by_location_.end()) return it->second;
  auto owned = std::make_unique<Node>();
  Node& node = *owned;
  compiled_->nodes.push_back(std::move(owned));
  nodes_by_location_[key] = &node;  // before the children, so a cycle finds it
  node.location = document == 0 ? pointer : documents_[document].uri + "#" + pointer;

  const Site site{value, pointer, base, document, depth};
  if (value.is_boolean()) {
    node.kind = value.get<bool>() ? Node::Kind::kAlways : Node::Kind::kNever;
  } else if (!value.is_object()) {
    Problem(site, pointer, "schema", {"应为 JSON Schema：对象或布尔值", "must be a schema: an object or a boolean"});
  } else if (depth > kMaxNesting) {
    Problem(site, pointer, "schema",
            {fmt::format("嵌套超过 {} 层", kMaxNesting), fmt::format("nested deeper than {} levels", kMaxNesting)});
  } else {
    node.kind = Node::Kind::kKeywords;
    if (const auto title = value.find("title"); title != value.end() && title->is_string())
      node.title = title->get<std::string>();
    CompileKeywords(node, site);
  }
  return &node;
}

void Compiler::CompileKeywords(Node& node, const Site& outer) {
  CheckAnnotations(outer);
  if (outer.Find("$ref")) {
    // Draft-07: "All other properties in a $ref object MUST be ignored", $id included; the
    // definitions beside it are still compiled, since a $ref may point into them.
    if (auto ref = CompileRef(*this, outer)) node.keywords.push_back(std::move(ref));
    CompileDefinitions(*this, outer);
    return;
  }
  std::string base = outer.base;
  if (const json* id = outer.Find("$id")) {
    if (!id->is_string()) {
      Problem(outer, outer.At("$id"), "$id", {"应为字符串（URI）", "must be a string (a URI)"});
    } else {
      base = RegisterId(outer, id->get<std::string>());
    }
  }
  const Site site{outer.schema, outer.pointer, base, outer.document, outer.depth};
  for (const auto& group : kKeywordGroups) {
    bool present = false;
    for (const auto name : group.names) present = present || (!name.empty() && site.Find(name));
    if (!present) continue;
    if (auto keyword = group.compile(*this, site)) node.keywords.push_back(std::move(keyword));
  }
}

void Compiler::CheckAnnotations(const Site& site) {
  for (const auto& a : kAnnotations) {
    const json* v = site.Find(a.name);
    if (!v || v->type() == a.type) continue;
    const Text expected = a.type == json::value_t::string    ? Text{"应为字符串", "must be a string"}
                          : a.type == json::value_t::boolean ? Text{"应为布尔值", "must be a boolean"}
                                                             : Text{"应为数组", "must be an array"};
    Problem(site, site.At(a.name), a.name, expected);
  }
}

const Node* Compiler::Subschema(const Site& site, std::string_view keyword) {
  return CompileAt(site.schema.at(keyword), site.At(keyword), site.base, site.document, site.depth + 1);
}

const Node* Compiler::Subschema(const Site& site, std::string_view keyword, std::string_view name) {
  std::string pointer = site.At(keyword);
  AppendSegment(pointer, name);
  return CompileAt(site.schema.at(keyword).at(name), std::move(pointer), site.base, site.document,
                   site.depth + 1);
}

const Node* Compiler::Subschema(const Site& site, std::string_view keyword, std::size_t index) {
  std::string pointer = site.At(keyword);
  AppendIndex(pointer, index);
  return CompileAt(site.schema.at(keyword).at(index), std::move(pointer), site.base, site.document, site.depth + 1);
}

// ---- problems and typed values

void Compiler::Problem(const Site& site, const std::string& pointer, std::string_view keyword, const Text& text) {
  // Problems in a referenced document name it, so the pointer is never mistaken for one into
  // the compiled schema.
  const std::string where =
      site.document == 0 ? pointer : documents_[site.document].uri + "#" + pointer;
  Text said = AboutField(where, {}, text);
  problems_.push_back({where, std::string(keyword), std::move(said.zh), std::move(said.en)});
}

const json* Compiler::ExpectNumber(const Site& site, std::string_view keyword) {
  const json* v = site.Find(keyword);
  if (v->is_number()) return v;
  Problem(site, site.At(keyword), keyword, {"应为数字", "must be a number"});
  return nullptr;
}

const json* Compiler::ExpectString(const Site& site, std::string_view keyword) {
  const json* v = site.Find(keyword);
  if (v->is_string()) return v;
  Problem(site, site.At(keyword), keyword, {"应为字符串", "must be a string"});
  return nullptr;
}

const json* Compiler::ExpectArray(const Site& site, std::string_view keyword) {
  const json* v = site.Find(keyword);
  if (v->is_array()) return v;
  Problem(site, site.At(keyword), keyword, {"应为数组", "must be an array"});
  return nullptr;
}

const json* Compiler::ExpectObject(const Site& site, std::string_view keyword) {
  const json* v = site.Find(keyword);
  if (v->is_object()) return v;
  Problem(site, site.At(keyword), keyword, {"应为对象", "must be an object"});
  return nullptr;
}

std::optional<bool> Compiler::ExpectBoolean(const Site& site, std::string_view keyword) {
  const json* v = site.Find(keyword);
  if (v->is_boolean()) return v->get<bool>();
  Problem(site, site.At(keyword), keyword, {"应为布尔值", "must be a boolean"});
  return std::nullopt;
}

std::optional<std::uint64_t> Compiler::ExpectNonNegativeInteger(const Site& site, std::string_view keyword) {
  const json* v = site.Find(keyword);
  if (v->is_number_unsigned()) return v->get<std::uint64_t>();
  if (v->is_number_integer() && v->get<std::int64_t>() >= 0) return v->get<std::uint64_t>();
  // 2.0 is an integer in draft-07; beyond 2^64 a limit means "no limit" in practice.
  if (v->is_number_float() && IsIntegral(*v) && v->get<double>() >= 0)
    return v->get<double>() >= 1.8e19 ? UINT64_MAX : static_cast<std::uint64_t>(v->get<double>());
  Problem(site, site.At(keyword), keyword, {"应为非负整数", "must be a non-negative integer"});
  return std::nullopt;
}

// ---- $id and $ref

std::string Compiler::RegisterId(const Site& site, const std::string& id) {
  const std::string resolved = ResolveUri(site.base, id);
  const auto [document_uri, fragment] = SplitFragment(resolved);
  const Location here{site.document, site.pointer};
  if (fragment.empty()) {
    ids_.emplace(document_uri, here);
    return document_uri;
  }
  if (fragment[0] != '/') {
    ids_.emplace(resolved, here);  // a plain-name anchor: "$id": "#address"
    return resolved;
  }
  Problem(site, site.At("$id"), "$id",
          {"不应带 JSON Pointer 片段", "must not carry a JSON Pointer fragment"});
  return site.base;
}

void Compiler::DeferRef(const Site& site, const Node** slot) {
  const std::string& ref = site.schema.at("$ref").get_ref<const std::string&>();
  pending_refs_.push_back({slot, ResolveUri(site.base, ref), site.At("$ref"), site.document});
}

void Compiler::ResolveRefs() {
  // Resolving may compile more of a document (a pointer to a place no keyword reached) or load
  // another one, which may add references of its own: hence a work list.
  while (!pending_refs_.empty()) {
    const PendingRef ref = std::move(pending_refs_.front());
    pending_refs_.pop_front();
    if (const auto location = Locate(ref.uri)) {
      *ref.slot = NodeAt(*location);
    } else {
      const Site site{*documents_[ref.document].json, "", "", ref.document, 0};
      Problem(site, ref.pointer, "$ref",
              {fmt::format("无法解析引用 {}：只能引用本文档内的位置（如 #/definitions/name）", ref.uri),
               fmt::format("cannot resolve {}: a reference must point into this document (as #/definitions/name)",
                           ref.uri)});
    }
  }
}

std::optional<Compiler::Location> Compiler::Locate(const std::string& uri) {
  if (const auto it = ids_.find(uri); it != ids_.end()) return it->second;
  const auto [document_uri, fragment] = SplitFragment(uri);
  std::optional<Location> start;
  if (const auto it = ids_.find(document_uri); it != ids_.end()) {
    start = it->second;
  } else if (const auto known = documents_by_uri_.find(document_uri); known != documents_by_uri_.end()) {
    start = Location{known->second, ""};
  } else if (const auto loaded = LoadDocument(document_uri)) {
    // Its own $id may name it differently from the URI it was fetched by; both lead here.
    start = Location{*loaded, ""};
  }
  if (!start) return std::nullopt;
  if (fragment.empty()) return start;
  if (fragment[0] != '/') return std::nullopt;  // an anchor no $id declared
  const auto decoded = PercentDecode(fragment);
  if (!decoded) return std::nullopt;
  Location target{start->document, start->pointer + *decoded};
  if (!ValueAt(*documents_[target.document].json, target.pointer)) return std::nullopt;
  return target;
}

std::optional<std::size_t> Compiler::LoadDocument(const std::string& uri) {
  std::optional<json> loaded;
  if (const json* builtin = BuiltinDocument(uri)) {
    loaded = *builtin;
  } else if (options_.load_document && !uri.empty()) {
    loaded = options_.load_document(uri);
  }
  if (!loaded) return std::nullopt;
  const std::size_t index = documents_.size();
  documents_.push_back({uri, std::move(loaded), nullptr, false});
  documents_.back().json = &*documents_.back().owned;
  documents_by_uri_[uri] = index;
  CompileAt(*documents_.back().json, "", uri, index, 0);  // registers the $ids inside it
  return index;
}

const Node* Compiler::NodeAt(const Location& location) {
  const auto key = std::make_pair(location.document, location.pointer);
  if (const auto it = nodes_by_location_.find(key); it != nodes_by_location_.end()) return it->second;
  // A place no keyword led to ("#/tilda~0field", or under an unknown keyword): compile it now,
  // with the base URI the $ids above it give.
  const json& document = *documents_[location.document].json;
  return CompileAt(*ValueAt(document, location.pointer), location.pointer,
                   BaseAt(location.document, location.pointer), location.document, 0);
}

std::string Compiler::BaseAt(std::size_t document, const std::string& pointer) const {
  std::string base = documents_[document].uri;
  const json* at = documents_[document].json;
  std::size_t start = 1;  // pointer is "" or starts with '/'
  while (at && start <= pointer.size()) {
    if (at->is_object()) {
      const auto id = at->find("$id");
      if (id != at->end() && id->is_string() && !at->contains("$ref"))
        base = SplitFragment(ResolveUri(base, id->get<std::string>())).first;
    }
    auto end = pointer.find('/', start);
    if (end == std::string::npos) end = pointer.size();
    const std::string segment = UnescapeSegment(std::string_view(pointer).substr(start, end - start));
    if (at->is_object() && at->contains(segment)) {
      at = &at->at(segment);
    } else if (at->is_array() && !segment.empty() && segment.find_first_not_of("0123456789") == std::string::npos &&
               std::stoull(segment) < at->size()) {
      at = &at->at(std::stoull(segment));
    } else {
      at = nullptr;
    }
    start = end + 1;
  }
  return base;
}

void Compiler::FindInPlaceCycles() {
  // Iterative depth-first search over the in-place edges; a node met again while still on the
  // path closes a cycle that would apply schemas to the same value for ever.
  enum class Mark { kNew, kOnPath, kDone };
  std::map<const Node*, Mark> marks;
  for (const auto& start : compiled_->nodes) {
    if (marks[start.get()] != Mark::kNew) continue;
    struct Frame {
      const Node* node;
      std::vector<const Node*> next;
      std::size_t i = 0;
    };
    std::vector<Frame> stack;
    auto push = [&](const Node* n) {
      marks[n] = Mark::kOnPath;
      Frame f{n, {}, 0};
      for (const auto& k : n->keywords) k->AppendInPlace(f.next);
      stack.push_back(std::move(f));
    };
    push(start.get());
    while (!stack.empty()) {
      Frame& top = stack.back();
      if (top.i == top.next.size()) {
        marks[top.node] = Mark::kDone;
        stack.pop_back();
        continue;
      }
      const Node* next = top.next[top.i++];
      if (!next) continue;
      const Mark m = marks[next];
      if (m == Mark::kNew) {
        push(next);
      } else if (m == Mark::kOnPath) {
        const Site site{*documents_[0].json, "", "", 0, 0};
        Problem(site, top.node->location, "$ref",
                {"引用形成循环，且循环中没有进入数据的下一层（如 properties、items），校验永远不会结束",
                 "the references form a cycle that never descends into the data (through properties, items, …); "
                 "validation would never end"});
        return;  // one cycle is enough to refuse the schema
      }
    }
  }
}

}  // namespace tongban::schema::internal
