// A fast JSON writer (RapidJSON's Writer) for responses on hot paths and for the codec, which
// defines each record's JSON shape once. Strings are made valid UTF-8 on the way out (bad bytes
// become U+FFFD), so a response is always well-formed JSON.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

namespace waymark::app {

class JsonOut {
 public:
  JsonOut() : writer_(buffer_) {}
  JsonOut(const JsonOut&) = delete;
  JsonOut& operator=(const JsonOut&) = delete;

  void begin_object() { writer_.StartObject(); }
  void end_object() { writer_.EndObject(); }
  void begin_array() { writer_.StartArray(); }
  void end_array() { writer_.EndArray(); }
  void key(std::string_view name) {
    writer_.Key(name.data(), static_cast<rapidjson::SizeType>(name.size()));
  }

  void value(std::string_view text);
  void value(const char* text) { value(std::string_view(text)); }
  void value(const std::string& text) { value(std::string_view(text)); }
  void value(bool flag) { writer_.Bool(flag); }
  void value(int number) { writer_.Int(number); }
  void value(std::int64_t number) { writer_.Int64(number); }
  void value(double number) { writer_.Double(number); }
  void null() { writer_.Null(); }
  template <typename T>
  void value(const std::optional<T>& maybe) {
    if (maybe) {
      value(*maybe);
    } else {
      null();
    }
  }
  // An id, or null when 0 ("none").
  void id_or_null(std::int64_t id) {
    if (id == 0) {
      null();
    } else {
      value(id);
    }
  }

  // `key` then `value`.
  template <typename T>
  void field(std::string_view name, const T& item) {
    key(name);
    value(item);
  }

  std::string text() const { return std::string(buffer_.GetString(), buffer_.GetSize()); }

 private:
  rapidjson::StringBuffer buffer_;
  rapidjson::Writer<rapidjson::StringBuffer> writer_;
};

// True when `text` is well-formed UTF-8.
bool valid_utf8(std::string_view text);

}  // namespace waymark::app
