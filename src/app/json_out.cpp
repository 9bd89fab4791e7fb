#include "app/json_out.h"

namespace waymark::app {

bool valid_utf8(std::string_view text) {
  std::size_t index = 0;
  const std::size_t size = text.size();
  while (index < size) {
    const auto byte = static_cast<unsigned char>(text[index]);
    if (byte < 0x80) {
      ++index;
      continue;
    }
    std::size_t length = 0;
    std::uint32_t code = 0;
    if ((byte & 0xE0) == 0xC0) {
      length = 2;
      code = byte & 0x1F;
    } else if ((byte & 0xF0) == 0xE0) {
      length = 3;
      code = byte & 0x0F;
    } else if ((byte & 0xF8) == 0xF0) {
      length = 4;
      code = byte & 0x07;
    } else {
      return false;
    }
    if (index + length > size) return false;
    for (std::size_t offset = 1; offset < length; ++offset) {
      const auto next = static_cast<unsigned char>(text[index + offset]);
      if ((next & 0xC0) != 0x80) return false;
      code = (code << 6) | (next & 0x3F);
    }
    // No overlong forms, no surrogates, nothing past U+10FFFF.
    if ((length == 2 && code < 0x80) || (length == 3 && code < 0x800) ||
        (length == 4 && code < 0x10000) || (code >= 0xD800 && code <= 0xDFFF) || code > 0x10FFFF)
      return false;
    index += length;
  }
  return true;
}

void JsonOut::value(std::string_view text) {
  if (valid_utf8(text)) {
    writer_.String(text.data(), static_cast<rapidjson::SizeType>(text.size()));
    return;
  }
  // Replace each byte that does not start a well-formed sequence with U+FFFD.
  std::string cleaned;
  std::size_t index = 0;
  while (index < text.size()) {
    std::size_t length = 1;
    const auto byte = static_cast<unsigned char>(text[index]);
    if (byte >= 0xC0) length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2;
    if (byte < 0x80 || (index + length <= text.size() && valid_utf8(text.substr(index, length)))) {
      cleaned.append(text.substr(index, byte < 0x80 ? 1 : length));
      index += byte < 0x80 ? 1 : length;
    } else {
      cleaned += "\xEF\xBF\xBD";
      index += 1;
    }
  }
  writer_.String(cleaned.data(), static_cast<rapidjson::SizeType>(cleaned.size()));
}

}  // namespace waymark::app
