#include "core/upn.h"

#include <cstddef>

#include <fmt/format.h>

#include "core/la_codes.h"

namespace waymark {

namespace {

// The DfE check alphabet: I, O and S are left out because they are easily misread as 1, 0 and 5.
constexpr std::string_view kCheckAlphabet = "ABCDEFGHJKLMNPQRTUVWXYZ";
constexpr std::size_t kUpnLength = 13;

// Stands in for any character outside ASCII so that a 13-character UPN containing, say, an
// accented letter is still checked position by position and fails at the right position.
constexpr char kNotAscii = '?';

bool is_digit(char character) {
  return character >= '0' && character <= '9';
}
bool is_upper_letter(char character) {
  return character >= 'A' && character <= 'Z';
}

bool all_digits(std::string_view text) {
  for (char character : text)
    if (!is_digit(character)) return false;
  return true;
}

bool is_space(char character) {
  return character == ' ' || character == '\t' || character == '\r' || character == '\n' ||
         character == '\f' || character == '\v';
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
  return text;
}

// Upper-cases ASCII letters and replaces each UTF-8 sequence by one kNotAscii, so that the
// result has one byte per character the user sees and "got N" counts characters, not bytes.
std::string normalise(std::string_view text) {
  std::string result;
  result.reserve(text.size());
  for (char character : text) {
    auto byte = static_cast<unsigned char>(character);
    if (byte < 0x80) {
      result.push_back(character >= 'a' && character <= 'z' ? character - 'a' + 'A' : character);
    } else if ((byte & 0xC0) != 0x80) {
      // A lead byte (or a stray byte that is not a continuation): one character.
      result.push_back(kNotAscii);
    }
  }
  return result;
}

// A character's value for the check sum: a digit is itself, a letter its index in the alphabet.
int check_value(char character) {
  if (is_digit(character)) return character - '0';
  std::size_t index = kCheckAlphabet.find(character);
  return index == std::string_view::npos ? 0 : static_cast<int>(index);
}

char check_letter_for(std::string_view last12) {
  int sum = 0;
  // Character i of the UPN (i = 2..13) has weight i; last12[0] is character 2.
  for (std::size_t index = 0; index < last12.size(); ++index) {
    sum += check_value(last12[index]) * static_cast<int>(index + 2);
  }
  return kCheckAlphabet[static_cast<std::size_t>(sum % 23)];
}

}  // namespace

std::string upn_check_letter(std::string_view last12) {
  return std::string(1, check_letter_for(last12));
}

Result<Upn> Upn::parse(std::string_view text, const std::string& field) {
  std::string upn = normalise(trim(text));
  if (upn.size() != kUpnLength) {
    return Error::invalid(field,
                          fmt::format("UPN invalid (must be 13 characters, got {})", upn.size()));
  }
  if (!is_upper_letter(upn[0])) {
    return Error::invalid(field, "UPN invalid (character 1 must be a letter)");
  }
  std::string_view view = upn;
  if (!all_digits(view.substr(4, 8))) {
    return Error::invalid(field, "UPN invalid (characters 5-12 not all numeric)");
  }
  char last = upn[12];
  if (!is_digit(last) && kCheckAlphabet.find(last) == std::string_view::npos) {
    return Error::invalid(field, "UPN invalid (character 13 not a recognised value)");
  }
  std::string_view la_digits = view.substr(1, 3);
  if (!all_digits(la_digits) ||
      !is_la_code((la_digits[0] - '0') * 100 + (la_digits[1] - '0') * 10 + (la_digits[2] - '0'))) {
    return Error::invalid(field, "UPN invalid (characters 2-4 not a recognised LA code)");
  }
  if (check_letter_for(view.substr(1)) != upn[0]) {
    return Error::invalid(field, "UPN invalid (wrong check letter at character 1)");
  }
  return Upn(std::move(upn));
}

bool Upn::temporary() const {
  return !value_.empty() && is_upper_letter(value_.back());
}

}  // namespace waymark
