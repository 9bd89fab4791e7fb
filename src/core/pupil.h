// A pupil: identity, characteristics (flags), medical needs, barriers to learning and contacts.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/ids.h"
#include "core/result.h"
#include "core/upn.h"

namespace waymark {

enum class Sex { Female, Male, Unknown };
const char* to_string(Sex sex);  // "F", "M", "U" (the census codes)
Result<Sex> parse_sex(std::string_view text, const std::string& field = "sex");

// SEN provision, census codes: N none, K SEN support, E education, health and care plan.
enum class SenStatus { None, Support, Ehcp };
const char* to_string(SenStatus sen);  // "N", "K", "E"
Result<SenStatus> parse_sen_status(std::string_view text, const std::string& field = "sen");

// Barriers to learning (policy 004 §2).
enum class Barrier {
  Attendance,
  LearningDifficulty,
  Behaviour,
  EmotionalSocial,
  Medical,
  Disengagement
};
const char* to_string(Barrier barrier);  // "attendance", "learning_difficulty", ...
const char* label(Barrier barrier);  // "Learning difficulties (identified or not yet recognised)"
Result<Barrier> parse_barrier(std::string_view text, const std::string& field = "barriers");
const std::vector<Barrier>& all_barriers();

// Yes/no characteristics shown as flags. SEN is separate (three values).
struct PupilFlags {
  bool pupil_premium = false;
  bool fsm = false;               // free school meals
  bool looked_after = false;      // LAC / CLA
  bool child_in_need = false;     // CIN
  bool child_protection = false;  // CP plan
  bool eal = false;               // English as an additional language
  bool young_carer = false;
  bool operator==(const PupilFlags&) const = default;
};

// Names the flags for filters, CSV columns and forms: {"pupil_premium",
// &PupilFlags::pupil_premium}, ...
struct FlagField {
  const char* key;
  const char* label;
  bool PupilFlags::*member;
};
const std::vector<FlagField>& flag_fields();

struct BarrierNote {
  Barrier barrier = Barrier::Attendance;
  std::string notes;
  bool operator==(const BarrierNote&) const = default;
};

struct Contact {
  Id id = 0;
  std::string name;
  std::string relationship;  // "Mother", "Foster carer", ...
  bool parental_responsibility = false;
  std::string phone;
  std::string phone_alt;
  std::string email;
  int priority = 1;  // 1 = call first
  bool operator==(const Contact&) const = default;
};

struct Pupil {
  Id id = 0;
  std::optional<Upn> upn;  // a pupil without a UPN is allowed and shown as such
  std::string legal_forename;
  std::string legal_surname;
  std::string preferred_forename;  // empty = same as legal
  std::string preferred_surname;
  Date dob;
  Sex sex = Sex::Unknown;
  std::optional<int> nc_year_override;  // for pupils outside their year group
  SenStatus sen = SenStatus::None;
  PupilFlags flags;
  std::string medical_needs;
  std::vector<BarrierNote> barriers;
  std::vector<Contact> contacts;
  std::int64_t updated_at = 0;  // UTC seconds; used for optimistic concurrency by edit forms

  std::string display_name() const;  // preferred names where given: "Sam Smith"
  std::string sort_name() const;     // "Smith, Sam"
  // The NC year in the academic year that starts in `academic_year_start`: the override when set,
  // else derived from the date of birth (nullopt when that falls outside Reception..Year 13).
  std::optional<int> nc_year(int academic_year_start) const;
};

// Field limits, checked by validate_pupil.
inline constexpr std::size_t kMaxNameLength = 100;
inline constexpr std::size_t kMaxFreeTextLength = 4000;

// Validates a pupil for create or update. Every problem is reported, each with its field:
// names required and at most 100 characters; date of birth a real date that puts the pupil in
// Reception..Year 13 in the academic year containing `today` (or an override given); override in
// 0..14; contacts each with a name, a relationship, some way to reach them, a plausible email, and
// a priority 1..9; no barrier twice.
Status validate_pupil(const Pupil& pupil, Date today);

}  // namespace waymark
