#include "core/pupil.h"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "core/nc_year.h"

namespace waymark {

const char* to_string(Sex sex) {
  switch (sex) {
    case Sex::Female:
      return "F";
    case Sex::Male:
      return "M";
    case Sex::Unknown:
      return "U";
  }
  return "U";
}

Result<Sex> parse_sex(std::string_view text, const std::string& field) {
  std::string upper;
  for (char c : text) upper += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (upper == "F" || upper == "FEMALE") return Sex::Female;
  if (upper == "M" || upper == "MALE") return Sex::Male;
  if (upper == "U" || upper == "UNKNOWN" || upper == "X") return Sex::Unknown;
  if (upper.empty()) return Error::invalid(field, "is required (F, M or U)");
  return Error::invalid(field, fmt::format("'{}' is not F, M or U", text));
}

const char* to_string(SenStatus sen) {
  switch (sen) {
    case SenStatus::None:
      return "N";
    case SenStatus::Support:
      return "K";
    case SenStatus::Ehcp:
      return "E";
  }
  return "N";
}

Result<SenStatus> parse_sen_status(std::string_view text, const std::string& field) {
  if (text.empty() || text == "N" || text == "n") return SenStatus::None;
  if (text == "K" || text == "k") return SenStatus::Support;
  if (text == "E" || text == "e") return SenStatus::Ehcp;
  return Error::invalid(field, fmt::format("'{}' is not a SEN code (N, K or E)", text));
}

namespace {
struct BarrierInfo {
  Barrier barrier;
  const char* key;
  const char* label;
};
constexpr BarrierInfo kBarriers[] = {
    {Barrier::Attendance, "attendance", "Attendance"},
    {Barrier::LearningDifficulty, "learning_difficulty",
     "Learning difficulties (identified or not yet recognised)"},
    {Barrier::Behaviour, "behaviour", "Behavioural difficulties"},
    {Barrier::EmotionalSocial, "emotional_social", "Emotional or social difficulties"},
    {Barrier::Medical, "medical", "Medical needs"},
    {Barrier::Disengagement, "disengagement", "Disengaged attitude to learning"},
};
}  // namespace

const char* to_string(Barrier barrier) {
  for (const auto& info : kBarriers)
    if (info.barrier == barrier) return info.key;
  return "attendance";
}

const char* label(Barrier barrier) {
  for (const auto& info : kBarriers)
    if (info.barrier == barrier) return info.label;
  return "";
}

Result<Barrier> parse_barrier(std::string_view text, const std::string& field) {
  for (const auto& info : kBarriers)
    if (text == info.key) return info.barrier;
  return Error::invalid(field, fmt::format("'{}' is not a barrier to learning", text));
}

const std::vector<Barrier>& all_barriers() {
  static const std::vector<Barrier> all = [] {
    std::vector<Barrier> list;
    for (const auto& info : kBarriers) list.push_back(info.barrier);
    return list;
  }();
  return all;
}

const std::vector<FlagField>& flag_fields() {
  static const std::vector<FlagField> fields = {
      {"pupil_premium", "Pupil premium", &PupilFlags::pupil_premium},
      {"fsm", "Free school meals", &PupilFlags::fsm},
      {"looked_after", "Looked after", &PupilFlags::looked_after},
      {"child_in_need", "Child in need", &PupilFlags::child_in_need},
      {"child_protection", "Child protection plan", &PupilFlags::child_protection},
      {"eal", "EAL", &PupilFlags::eal},
      {"young_carer", "Young carer", &PupilFlags::young_carer},
  };
  return fields;
}

std::string Pupil::display_name() const {
  const std::string& forename = preferred_forename.empty() ? legal_forename : preferred_forename;
  const std::string& surname = preferred_surname.empty() ? legal_surname : preferred_surname;
  return forename + " " + surname;
}

std::string Pupil::sort_name() const {
  const std::string& forename = preferred_forename.empty() ? legal_forename : preferred_forename;
  const std::string& surname = preferred_surname.empty() ? legal_surname : preferred_surname;
  return surname + ", " + forename;
}

std::optional<int> Pupil::nc_year(int academic_year_start) const {
  if (nc_year_override) return nc_year_override;
  auto year = nc_year_for(dob, academic_year_start);
  if (!year.ok()) return std::nullopt;
  return *year;
}

namespace {

bool blank(const std::string& text) {
  return std::all_of(text.begin(), text.end(),
                     [](char c) { return std::isspace(static_cast<unsigned char>(c)); });
}

void check_name(ErrorList& errors, const std::string& field, const std::string& value,
                bool required) {
  if (required && blank(value)) {
    errors.add(field, "is required");
  } else if (value.size() > kMaxNameLength) {
    errors.add(field, fmt::format("must be at most {} characters", kMaxNameLength));
  }
}

bool plausible_email(const std::string& email) {
  auto at = email.find('@');
  return at != std::string::npos && at > 0 && email.find('.', at) != std::string::npos &&
         email.find(' ') == std::string::npos && email.back() != '.';
}

}  // namespace

Status validate_pupil(const Pupil& pupil, Date today) {
  ErrorList errors;
  check_name(errors, "legal_forename", pupil.legal_forename, true);
  check_name(errors, "legal_surname", pupil.legal_surname, true);
  check_name(errors, "preferred_forename", pupil.preferred_forename, false);
  check_name(errors, "preferred_surname", pupil.preferred_surname, false);
  if (pupil.dob > today) errors.add("dob", "is in the future");
  if (pupil.nc_year_override) {
    if (*pupil.nc_year_override < 0 || *pupil.nc_year_override > 14)
      errors.add("nc_year_override", "must be Reception (0) to Year 14");
  } else if (pupil.dob <= today) {
    auto year = nc_year_for(pupil.dob, academic_year_start(today), "dob");
    if (!year.ok()) errors.add_all(year.error());
  }
  if (pupil.medical_needs.size() > kMaxFreeTextLength)
    errors.add("medical_needs", fmt::format("must be at most {} characters", kMaxFreeTextLength));
  for (std::size_t index = 0; index < pupil.barriers.size(); ++index) {
    for (std::size_t earlier = 0; earlier < index; ++earlier)
      if (pupil.barriers[earlier].barrier == pupil.barriers[index].barrier)
        errors.add(fmt::format("barriers[{}]", index),
                   fmt::format("'{}' is listed twice", label(pupil.barriers[index].barrier)));
    if (pupil.barriers[index].notes.size() > kMaxFreeTextLength)
      errors.add(fmt::format("barriers[{}].notes", index), "is too long");
  }
  for (std::size_t index = 0; index < pupil.contacts.size(); ++index) {
    const Contact& contact = pupil.contacts[index];
    std::string prefix = fmt::format("contacts[{}].", index);
    check_name(errors, prefix + "name", contact.name, true);
    check_name(errors, prefix + "relationship", contact.relationship, true);
    if (blank(contact.phone) && blank(contact.phone_alt) && blank(contact.email))
      errors.add(prefix + "phone", "give a phone number or an email address");
    if (!blank(contact.email) && !plausible_email(contact.email))
      errors.add(prefix + "email", "is not an email address");
    if (contact.priority < 1 || contact.priority > 9)
      errors.add(prefix + "priority", "must be 1 to 9");
  }
  if (!errors.empty()) return errors.to_error();
  return {};
}

}  // namespace waymark
