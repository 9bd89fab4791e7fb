// Users' roles. A user belongs to one organisation and holds one or more roles there.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace waymark {

enum class Role : std::uint8_t {
  Admin,         // manages the organisation's users and data
  Teacher,       // records and edits pupils' data
  Head,          // leadership: everything a teacher can, plus the audit trail
  Commissioner,  // staff of a commissioning school or LA: sees only the pupils the organisation
                 // placed
  Auditor,       // read-only
};

const char* to_string(Role role);
Result<Role> parse_role(std::string_view text, const std::string& field = "roles");

// A small set of roles, as bits.
class Roles {
 public:
  Roles() = default;
  Roles(std::initializer_list<Role> roles) {
    for (Role role : roles) add(role);
  }
  void add(Role role) { bits_ |= bit(role); }
  bool has(Role role) const { return (bits_ & bit(role)) != 0; }
  bool empty() const { return bits_ == 0; }
  std::vector<Role> list() const;
  std::string joined() const;  // "admin,teacher": the stored form
  static Result<Roles> parse_joined(std::string_view text, const std::string& field = "roles");
  bool operator==(const Roles&) const = default;

 private:
  static std::uint8_t bit(Role role) {
    return static_cast<std::uint8_t>(1u << static_cast<unsigned>(role));
  }
  std::uint8_t bits_ = 0;
};

}  // namespace waymark
