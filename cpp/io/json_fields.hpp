// Reading JSON documents with field-named refusals (ScenarioError "field: what is wrong"): the
// helpers shared by the scenario parser and the data-spec parser. Messages stay one line of valid
// UTF-8, whatever the document holds.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

#include "error.hpp"
#include "limits.hpp"
#include "matrix.hpp"

namespace backprop::json_fields {

// One JSON type for reading and writing (one copy of nlohmann's code in the module): objects keep
// their keys in the order given, so results are written in the order they are built.
using json = nlohmann::ordered_json;

// Length of the valid UTF-8 sequence at s[i], 0 when there is none.
inline size_t utf8_length(std::string_view s, size_t i) {
  const auto at = [&](size_t k) { return k < s.size() ? unsigned(static_cast<unsigned char>(s[k])) : 0u; };
  const unsigned c = at(i);
  if (c < 0x80) return 1;
  size_t n = 2;
  unsigned low = 0x80, high = 0xBF;  // range of the second byte: no overlong forms, surrogates or > U+10FFFF
  if (c >= 0xE0 && c <= 0xEF) n = 3, low = c == 0xE0 ? 0xA0 : low, high = c == 0xED ? 0x9F : high;
  else if (c >= 0xF0 && c <= 0xF4) n = 4, low = c == 0xF0 ? 0x90 : low, high = c == 0xF4 ? 0x8F : high;
  else if (c < 0xC2 || c > 0xDF) return 0;
  if (at(i + 1) < low || at(i + 1) > high) return 0;
  for (size_t k = 2; k < n; ++k)
    if ((at(i + k) & 0xC0) != 0x80) return 0;
  return n;
}

// Messages quote the document (unknown keys, bad values, the JSON parser's last token): keep them
// one line of valid UTF-8 by escaping control characters (\u001b) and bytes that are not UTF-8 (\xff).
inline std::string printable(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    const size_t n = utf8_length(s, i);
    const unsigned c = static_cast<unsigned char>(s[i]);
    const bool c1_control = n == 2 && c == 0xC2 && static_cast<unsigned char>(s[i + 1]) < 0xA0;  // U+0080..9F
    if (n > 0 && c >= 0x20 && c != 0x7F && !c1_control) {
      out.append(s, i, n);
      i += n;
      continue;
    }
    char escape[8];
    if (n == 0) std::snprintf(escape, sizeof escape, "\\x%02x", c);
    else std::snprintf(escape, sizeof escape, "\\u%04x", n == 2 ? static_cast<unsigned char>(s[i + 1]) : c);
    out += escape;
    i += n == 0 ? 1 : n;
  }
  return out;
}

// At most `max` bytes of s, cut at a character boundary, with "…" when cut.
inline std::string shorten(std::string_view s, size_t max) {
  if (s.size() <= max) return std::string(s);
  while (max > 0 && (static_cast<unsigned char>(s[max]) & 0xC0) == 0x80) --max;
  return std::string(s.substr(0, max)) + "…";
}

// Refuses: the field and every argument printable (they may quote the document).
[[noreturn]] inline void fail(const std::string& field, Reason reason, ReasonArgs args = {}) {
  for (ReasonArg& a : args) a.value = printable(a.value);
  throw ScenarioError(printable(field), reason, std::move(args));
}

inline std::string key_path(const std::string& path, const std::string& key) {
  return path.empty() ? key : path + "." + key;
}
inline std::string item_path(const std::string& path, size_t i) { return path + "[" + std::to_string(i) + "]"; }

inline std::string show(double x) {
  char buffer[32];
  const bool whole = x == std::floor(x) && std::abs(x) < 1e16;
  std::snprintf(buffer, sizeof buffer, whole ? "%.0f" : "%.10g", x);
  return buffer;
}

inline std::string type_name(const json& j) {
  switch (j.type()) {
    case json::value_t::null: return "null";
    case json::value_t::boolean: return "boolean";
    case json::value_t::string: return "string";
    case json::value_t::array: return "list";
    case json::value_t::object: return "object";
    default: return "number";  // binary and discarded values never come out of the parser
  }
}

// Before parsing: nlohmann's parser keeps its own stack, but a depth limit keeps every later walk
// cheap and safe; and a count of objects and lists bounds the parsed document's memory (a few
// bytes of "{}," cost a map each).
inline void prescan(std::string_view text, const char* what) {
  int depth = 0;
  double objects = 0, lists = 0;
  bool in_string = false, escaped = false;
  for (char ch : text) {
    if (in_string) {
      if (escaped) escaped = false;
      else if (ch == '\\') escaped = true;
      else if (ch == '"') in_string = false;
    } else if (ch == '"') {
      in_string = true;
    } else if (ch == '[' || ch == '{') {
      if (++depth > limits::max_nesting)
        fail(what, Reason::too_deep, {{"limit", std::to_string(limits::max_nesting)}});
      if (ch == '{' && ++objects > limits::max_json_objects)
        fail(what, Reason::too_many_objects, {{"limit", show(limits::max_json_objects)}});
      if (ch == '[' && ++lists > limits::max_json_lists)
        fail(what, Reason::too_many_lists, {{"limit", show(limits::max_json_lists)}});
    } else if (ch == ']' || ch == '}') {
      --depth;
    }
  }
}

// Reads a document into a `json` in one pass, in time linear in the document, refusing a key given
// twice in one object (naming it by its path): a stack of the open containers, each with its path,
// its keys so far (objects) or its next index (arrays). Keys are appended without a search
// (ordered_json's own parser looks each key up in its object first: quadratic in an object of many
// keys). A syntax error stops the pass quietly, keeping nlohmann's message and byte for the refusal.
class DocumentReader final : public nlohmann::json_sax<json> {
 public:
  explicit DocumentReader(std::string root) : root_(std::move(root)) {}
  bool null() override { return value(nullptr); }
  bool boolean(bool b) override { return value(b); }
  bool number_integer(number_integer_t x) override { return value(x); }
  bool number_unsigned(number_unsigned_t x) override { return value(x); }
  bool number_float(number_float_t x, const string_t&) override { return value(x); }
  bool string(string_t& s) override { return value(std::move(s)); }
  bool binary(binary_t&) override { return false; }  // never out of the text parser
  bool start_object(std::size_t) override { return open(json::object()); }
  bool start_array(std::size_t) override { return open(json::array()); }
  bool end_object() override { return close(); }
  bool end_array() override { return close(); }
  bool key(string_t& key) override {
    Frame& f = open_.back();
    f.key = key;
    if (!f.keys.insert(key).second) fail(key_path(f.path, key.empty() ? "\"\"" : shorten(key, 60)), Reason::duplicate_key);
    return true;
  }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception& e) override {
    error_ = e.what();
    // A parse_error carries the byte; an out_of_range (a number too large) does not.
    if (const auto* syntax = dynamic_cast<const json::parse_error*>(&e)) syntax_ = true, byte_ = syntax->byte;
    return false;
  }

  json& document() { return document_; }
  const std::string& error() const { return error_; }
  bool syntax_error() const { return syntax_; }
  std::size_t byte() const { return byte_; }

 private:
  struct Frame {
    json* container;
    std::string path;
    size_t index = 0;
    std::unordered_set<std::string> keys;
    std::string key;  // the key whose value is being read
  };
  std::string child_path() {
    if (open_.empty()) return root_;
    Frame& f = open_.back();
    // A long key shortened: a path is kept for every open container below it.
    return f.container->is_array() ? item_path(f.path, f.index++) : key_path(f.path, shorten(f.key, 60));
  }
  // Places v in the innermost open container (or as the document), returning where it went.
  template <class V>
  json* place(V&& v) {
    if (open_.empty()) {
      document_ = json(std::forward<V>(v));
      return &document_;
    }
    Frame& f = open_.back();
    if (f.container->is_array()) {
      auto& items = *f.container->get_ptr<json::array_t*>();
      items.emplace_back(std::forward<V>(v));
      return &items.back();
    }
    // Keys are unique (checked above): append, as the vector under ordered_json's map.
    auto& entries = static_cast<json::object_t::Container&>(*f.container->get_ptr<json::object_t*>());
    entries.emplace_back(f.key, json(std::forward<V>(v)));
    return &entries.back().second;
  }
  template <class V>
  bool value(V&& v) {
    if (!open_.empty() && open_.back().container->is_array()) ++open_.back().index;
    place(std::forward<V>(v));
    return true;
  }
  bool open(json empty) {
    Frame frame;
    frame.path = child_path();
    frame.container = place(std::move(empty));
    open_.push_back(std::move(frame));
    return true;
  }
  bool close() {
    if (!open_.empty()) open_.pop_back();
    return true;
  }
  std::string root_;
  std::vector<Frame> open_;
  json document_;
  std::string error_;
  bool syntax_ = false;
  std::size_t byte_ = 0;
};

// A whole document, strictly: at most max_text_bytes, nested at most max_nesting deep, no NUL
// byte (nlohmann's lexer would end the input there and accept what follows), no key twice in an
// object (nlohmann keeps the last silently). `what` names the document in refusals ("scenario",
// "data"); a duplicate key is named by its path ("model.kind: appears twice in its object").
inline json parse_document(std::string_view source, const char* what, const std::string& root_path = "") {
  if (source.size() > limits::max_text_bytes)
    fail(what, Reason::too_many_bytes,
         {{"size", std::to_string(source.size())}, {"limit", std::to_string(limits::max_text_bytes)}});
  if (const size_t nul = source.find('\0'); nul != std::string_view::npos)
    fail(what, Reason::nul_byte, {{"offset", std::to_string(nul)}});
  prescan(source, what);
  DocumentReader reader(root_path);
  if (!json::sax_parse(source, &reader)) {
    const std::string& message = reader.error();  // "[json.exception.parse_error.101] parse error at line 1, …"
    const auto start = message.find("] ");
    if (!reader.syntax_error())
      fail(what, Reason::not_json, {{"detail", message}, {"byte", "0"}});
    fail(what, Reason::not_json,
         {{"detail", start == std::string::npos ? message : message.substr(start + 2)}, {"byte", std::to_string(reader.byte())}});
  }
  return std::move(reader.document());
}

// A whole document whose root must be an object; `what` names it in refusals ("surface").
inline json parse_object_document(std::string_view source, const char* what) {
  json root = parse_document(source, what);
  if (!root.is_object()) fail(what, Reason::not_object, {{"type", type_name(root)}});
  return root;
}

// A JSON object being read: remembers which keys were asked for and refuses the others.
class Object {
 public:
  Object(const json& j, std::string path) : j_(j), path_(std::move(path)) {
    if (!j.is_object()) fail(path_.empty() ? "scenario" : path_, Reason::not_object, {{"type", type_name(j)}});
  }
  // nullptr when absent or null.
  const json* get(const std::string& key) {
    known_.push_back(key);
    const auto it = j_.find(key);
    return it == j_.end() || it->is_null() ? nullptr : &*it;
  }
  const json& require(const std::string& key) {
    const json* value = get(key);
    if (!value) fail(path(key), Reason::required);
    return *value;
  }
  std::string path(const std::string& key) const { return key_path(path_, key); }
  // Refuses any key that was not asked for; `variant` and `value` say whose fields these are
  // ("kind", "points"), when it matters.
  void finish(const std::string& variant = "", const std::string& value = "") const {
    // The first unknown key in byte order (the order the refusals have always named), whatever
    // the document's order.
    const std::string* unknown = nullptr;
    for (const auto& item : j_.items())
      if (std::find(known_.begin(), known_.end(), item.key()) == known_.end() && (!unknown || item.key() < *unknown))
        unknown = &item.key();
    if (!unknown) return;
    std::string expected;
    for (const std::string& k : known_) expected += (expected.empty() ? "" : ", ") + k;
    const std::string name = unknown->empty() ? "\"\"" : shorten(*unknown, 60);  // "" stays visible
    if (variant.empty()) fail(path(name), Reason::unknown_field, {{"expected", expected}});
    fail(path(name), Reason::unknown_field_for, {{"key", variant}, {"value", value}, {"expected", expected}});
  }

 private:
  const json& j_;
  std::string path_;
  std::vector<std::string> known_;
};

inline double number(const json& j, const std::string& path) {
  if (!j.is_number()) fail(path, Reason::not_number, {{"type", type_name(j)}});
  const double x = j.get<double>();
  if (!std::isfinite(x)) fail(path, Reason::not_finite, {{"got", show(x)}});
  return x;
}

// high may be infinite: "must be ≥ low".
inline double number_in(const json& j, const std::string& path, double low, double high, bool open_high = false) {
  const double x = number(j, path);
  if (std::isinf(high) && x < low) fail(path, Reason::at_least, {{"low", show(low)}, {"got", show(x)}});
  if (x < low || x > high || (open_high && x == high))
    fail(path, open_high ? Reason::between_excluded : Reason::between,
         {{"low", show(low)}, {"high", show(high)}, {"got", show(x)}});
  return x;
}

inline long long integer(const json& j, const std::string& path, double low, double high) {
  const double x = number(j, path);
  if (x != std::floor(x)) fail(path, Reason::not_whole, {{"got", show(x)}});
  if (x < low || x > high) fail(path, Reason::between, {{"low", show(low)}, {"high", show(high)}, {"got", show(x)}});
  return static_cast<long long>(x);
}

inline bool boolean(const json& j, const std::string& path) {
  if (!j.is_boolean()) fail(path, Reason::not_boolean, {{"type", type_name(j)}});
  return j.get<bool>();
}

inline std::string text(const json& j, const std::string& path) {
  if (!j.is_string()) fail(path, Reason::not_string, {{"type", type_name(j)}});
  return j.get<std::string>();
}

template <class Enum, size_t N>
Enum choice(const json& j, const std::string& path, const std::pair<const char*, Enum> (&options)[N]) {
  const std::string value = text(j, path);
  std::string list;
  for (const auto& [name, e] : options) {
    if (value == name) return e;
    list += (list.empty() ? "" : ", ") + std::string(name);
  }
  fail(path, Reason::not_one_of, {{"options", list}, {"got", shorten(value, 40)}});
}

inline const json& list(const json& j, const std::string& path, const char* of) {
  if (!j.is_array()) fail(path, Reason::not_list, {{"items", of}, {"type", type_name(j)}});
  return j;
}

// Rows of m as lists of numbers; a row whose has_target entry is false is written as null.
inline json rows_json(const Matrix& m, const std::vector<bool>& has_target = {}) {
  json rows = json::array();
  for (Index i = 0; i < m.rows(); ++i) {
    if (!has_target.empty() && !has_target[size_t(i)]) rows.push_back(nullptr);
    else rows.push_back(std::vector<double>(m.row(i).begin(), m.row(i).end()));
  }
  return rows;
}

}  // namespace backprop::json_fields
