// Unique Pupil Number: the DfE's 13-character identifier for a pupil in an English (or Welsh)
// school, validated as in the DfE "Unique pupil numbers" guidance (also CIN census rule 1510): a
// check letter, a three-digit LA number, a four-digit establishment number, two digits of the year
// of allocation and a three-digit serial. A temporary UPN has a two-digit serial and ends in a
// letter.
#pragma once

#include <compare>
#include <string>
#include <string_view>
#include <utility>

#include "core/result.h"

namespace waymark {

class Upn {
 public:
  // Parses a UPN as a person might type or paste it: surrounding whitespace is ignored and
  // lower-case letters are accepted (the stored form is upper case).
  // On success, str() is the canonical 13-character upper-case UPN.
  // On failure, returns Invalid on field `field` with the DfE's own wording as the reason, e.g.
  // "UPN invalid (wrong check letter at character 1)". Checks run in this order and the first
  // failure is reported: length (13 characters), character 1 is a letter, characters 5-12 are
  // digits, character 13 is a digit or a check-alphabet letter, characters 2-4 are a recognised
  // LA number (core/la_codes.h), and finally the check letter.
  static Result<Upn> parse(std::string_view text, const std::string& field = "upn");

  const std::string& str() const { return value_; }

  // True for a temporary UPN (character 13 is a letter), which a school issues while a pupil's
  // permanent UPN is unknown and which should be replaced once it is known.
  bool temporary() const;

  auto operator<=>(const Upn&) const = default;

 private:
  explicit Upn(std::string value) : value_(std::move(value)) {}
  std::string value_;
};

// The check letter for characters 2-13 of a UPN, e.g. "801200001001" -> "H". Used to make valid
// UPNs for demonstration data.
// REQUIRES: last12 has exactly 12 characters, each a digit or an upper-case letter of the check
// alphabet ABCDEFGHJKLMNPQRTUVWXYZ. Other input gives an unspecified letter; it never fails.
std::string upn_check_letter(std::string_view last12);

}  // namespace waymark
