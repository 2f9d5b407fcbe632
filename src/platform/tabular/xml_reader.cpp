#include "platform/tabular/xml_reader.hpp"

#include <expat.h>

#include <climits>
#include <exception>
#include <memory>

#include "platform/tabular/table_builder.hpp"

namespace tongban::tabular::internal {
namespace {

constexpr char kNamespaceSeparator = '\x01';  // never in a name or a URI

struct State {
  XML_Parser parser;
  XmlHandler& handler;
  bool doctype = false;
  std::exception_ptr thrown;
};

std::string_view LocalName(std::string_view name, bool* namespaced) {
  const auto sep = name.rfind(kNamespaceSeparator);
  if (namespaced) *namespaced = sep != std::string_view::npos;
  return sep == std::string_view::npos ? name : name.substr(sep + 1);
}

bool Stopped(State& s) { return s.doctype || s.thrown; }

// Runs a handler call; an exception stops the parser and waits in `s.thrown`.
template <class F>
void Guarded(State& s, F&& call) {
  if (Stopped(s)) return;
  try {
    call();
  } catch (...) {
    s.thrown = std::current_exception();
    XML_StopParser(s.parser, XML_FALSE);
  }
}

void XMLCALL OnStart(void* data, const XML_Char* name, const XML_Char** attrs) {
  auto& s = *static_cast<State*>(data);
  Guarded(s, [&] {
    std::vector<XmlAttribute> attributes;
    for (int i = 0; attrs[i]; i += 2) {
      XmlAttribute a;
      a.name = LocalName(attrs[i], &a.namespaced);
      a.value = attrs[i + 1];
      attributes.push_back(a);
    }
    s.handler.Start(LocalName(name, nullptr), attributes);
  });
}

void XMLCALL OnEnd(void* data, const XML_Char* name) {
  auto& s = *static_cast<State*>(data);
  Guarded(s, [&] { s.handler.End(LocalName(name, nullptr)); });
}

void XMLCALL OnText(void* data, const XML_Char* text, int len) {
  auto& s = *static_cast<State*>(data);
  Guarded(s, [&] { s.handler.Text(std::string_view(text, static_cast<std::size_t>(len))); });
}

void XMLCALL OnDoctype(void* data, const XML_Char*, const XML_Char*, const XML_Char*, int) {
  auto& s = *static_cast<State*>(data);
  s.doctype = true;
  XML_StopParser(s.parser, XML_FALSE);
}

}  // namespace

void ParseXml(std::string_view xml, XmlHandler& handler, const std::string& part) {
  std::unique_ptr<std::remove_pointer_t<XML_Parser>, void (*)(XML_Parser)> parser(
      XML_ParserCreateNS(nullptr, kNamespaceSeparator), XML_ParserFree);
  if (!parser) throw std::bad_alloc();
  State state{parser.get(), handler};
  XML_SetUserData(parser.get(), &state);
  XML_SetElementHandler(parser.get(), OnStart, OnEnd);
  XML_SetCharacterDataHandler(parser.get(), OnText);
  XML_SetStartDoctypeDeclHandler(parser.get(), OnDoctype);
  // Parts are capped at kMaxPartBytes (20 MB) < INT_MAX, so one call takes the whole part.
  if (xml.size() > INT_MAX) throw BadFile(part + " 过大", part + " is too large");
  const auto status = XML_Parse(parser.get(), xml.data(), static_cast<int>(xml.size()), XML_TRUE);
  if (state.doctype)
    throw BadFile(part + " 含有 DTD 声明，出于安全原因不予读取", part + " has a DTD, which is refused for safety");
  if (state.thrown) std::rethrow_exception(state.thrown);
  if (status != XML_STATUS_OK)
    throw BadFile(part + " 不是有效的 XML（第 " + std::to_string(XML_GetCurrentLineNumber(parser.get())) + " 行：" +
                      XML_ErrorString(XML_GetErrorCode(parser.get())) + "）",
                  part + " is not well-formed XML (line " + std::to_string(XML_GetCurrentLineNumber(parser.get())) +
                      ": " + XML_ErrorString(XML_GetErrorCode(parser.get())) + ")");
}

std::string_view Attribute(const std::vector<XmlAttribute>& attributes, std::string_view name, bool namespaced) {
  for (const auto& a : attributes)
    if (a.name == name && a.namespaced == namespaced) return a.value;
  return {};
}

}  // namespace tongban::tabular::internal
