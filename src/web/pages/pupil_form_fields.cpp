// The pupil form's fields: a stored pupil as form values, form values onto a pupil, and the
// template data that shows them again with their errors.
#include <algorithm>
#include <cstdio>
#include <map>

#include <fmt/format.h>

#include "core/nc_year.h"
#include "web/pages/form_helpers.h"

namespace waymark::web {

namespace {

constexpr int kMaxContactRows = 20;

const char* const kContactTextFields[] = {"name", "relationship", "phone", "phone_alt", "email"};

std::string contact_field(int row, const char* field) {
  return fmt::format("contact_{}_{}", row, field);
}

int contact_count(const Params& form) {
  ErrorList ignored;
  int count = read_form_int(form, "contact_count", ignored).value_or(0);
  return std::clamp(count, 0, kMaxContactRows);
}

bool blank_contact(const Params& form, int row) {
  for (const char* field : kContactTextFields)
    if (!form_text(form, contact_field(row, field)).empty()) return false;
  return true;
}

std::string form_label(const std::string& field) {
  static const std::map<std::string, std::string> labels = {
      {"upn", "UPN"},
      {"legal_forename", "Legal forename"},
      {"legal_surname", "Legal surname"},
      {"preferred_forename", "Preferred forename"},
      {"preferred_surname", "Preferred surname"},
      {"dob", "Date of birth"},
      {"sex", "Sex"},
      {"nc_year_override", "Year group"},
      {"sen", "SEN status"},
      {"medical_needs", "Medical needs"},
      {"commissioner_id", "Referring school or local authority"},
      {"provider_id", "Provider"},
      {"admission_date", "Admission date"},
  };
  if (auto found = labels.find(field); found != labels.end()) return found->second;
  int row = 0;
  char rest[32] = {};
  if (std::sscanf(field.c_str(), "contact_%d_%31s", &row, rest) == 2) {
    std::string words = rest;
    std::replace(words.begin(), words.end(), '_', ' ');
    if (words == "phone alt") words = "other phone";
    return fmt::format("Contact {} {}", row + 1, words);
  }
  for (Barrier barrier : all_barriers())
    if (field == fmt::format("barrier_{}_notes", to_string(barrier)))
      return fmt::format("Notes on {}", label(barrier));
  return "";
}

Data textarea_data(const std::string& name, const std::string& value, const Data& errors) {
  Data data{Data::type::object};
  data.set("id", field_anchor(name));
  data.set("name", name);
  data.set("value", value);
  data.set("error", optional_text(error_for(errors, name)));
  return data;
}

Data choices_data(const std::string& name, const std::vector<Option>& options,
                  const std::string& checked, const Data& errors) {
  Data data{Data::type::object};
  data.set("items", choice_list(name, options, {checked}));
  data.set("error", optional_text(error_for(errors, name)));
  return data;
}

Data contact_data(const Params& form, int row, const Data& errors) {
  Data data{Data::type::object};
  const std::string id_value = form_text(form, contact_field(row, "id"));
  const bool blank = blank_contact(form, row);
  data.set("legend", blank && id_value.empty() ? "Add a contact (optional)"
                                               : fmt::format("Contact {}", row + 1));
  data.set("id_name", contact_field(row, "id"));
  data.set("id_value", id_value);
  List fields;
  auto add = [&](const char* field, const char* label, const char* width, const char* type,
                 const char* autocomplete) {
    InputSpec spec;
    spec.name = contact_field(row, field);
    spec.label = label;
    spec.value = form_text(form, spec.name);
    spec.width = width;
    spec.type = type;
    spec.autocomplete = autocomplete;
    fields.push_back(input_data(spec, errors));
  };
  add("name", "Name", "govuk-!-width-two-thirds", "text", "off");
  add("relationship", "Relationship to the pupil", "govuk-!-width-one-half", "text", "off");
  add("phone", "Phone", "govuk-input--width-20", "tel", "off");
  add("phone_alt", "Other phone (optional)", "govuk-input--width-20", "tel", "off");
  add("email", "Email (optional)", "govuk-!-width-two-thirds", "email", "off");
  InputSpec priority;
  priority.name = contact_field(row, "priority");
  priority.label = "Order to call (1 = first)";
  priority.value = form_text(form, priority.name);
  if (priority.value.empty()) priority.value = std::to_string(row + 1);
  priority.width = "govuk-input--width-2";
  priority.inputmode = "numeric";
  fields.push_back(input_data(priority, errors));
  data.set("fields", fields);
  const std::string parental = contact_field(row, "parental_responsibility");
  data.set("parental_id", parental);
  data.set("parental_checked", form_checked(form, parental));
  const std::string remove = contact_field(row, "remove");
  data.set("remove", id_value.empty() ? Data(false) : Data(remove));
  data.set("remove_checked", form_checked(form, remove));
  return data;
}

}  // namespace

Params pupil_form_params(const Pupil& pupil) {
  Params form;
  auto set = [&](const std::string& name, const std::string& value) { form.emplace(name, value); };
  if (pupil.upn) set("upn", pupil.upn->str());
  set("legal_forename", pupil.legal_forename);
  set("legal_surname", pupil.legal_surname);
  set("preferred_forename", pupil.preferred_forename);
  set("preferred_surname", pupil.preferred_surname);
  set("dob", pupil.dob.iso());
  set("sex", to_string(pupil.sex));
  if (pupil.nc_year_override) set("nc_year_override", std::to_string(*pupil.nc_year_override));
  set("sen", to_string(pupil.sen));
  for (const auto& field : flag_fields())
    if (pupil.flags.*field.member) set(std::string("flag_") + field.key, "yes");
  set("medical_needs", pupil.medical_needs);
  for (const auto& barrier : pupil.barriers) {
    const std::string key = std::string("barrier_") + to_string(barrier.barrier);
    set(key, "yes");
    set(key + "_notes", barrier.notes);
  }
  const int count = std::min<int>(static_cast<int>(pupil.contacts.size()), kMaxContactRows);
  set("contact_count", std::to_string(count));
  for (int row = 0; row < count; ++row) {
    const Contact& contact = pupil.contacts[static_cast<std::size_t>(row)];
    set(contact_field(row, "id"), std::to_string(contact.id));
    set(contact_field(row, "name"), contact.name);
    set(contact_field(row, "relationship"), contact.relationship);
    if (contact.parental_responsibility) set(contact_field(row, "parental_responsibility"), "yes");
    set(contact_field(row, "phone"), contact.phone);
    set(contact_field(row, "phone_alt"), contact.phone_alt);
    set(contact_field(row, "email"), contact.email);
    set(contact_field(row, "priority"), std::to_string(contact.priority));
  }
  return form;
}

PupilFormRows read_pupil_form(const Params& form, Pupil& pupil, ErrorList& errors) {
  PupilFormRows rows;
  if (std::string upn = form_text(form, "upn"); upn.empty()) {
    pupil.upn.reset();
  } else if (auto parsed = Upn::parse(upn, "upn"); parsed.ok()) {
    pupil.upn = *parsed;
  } else {
    errors.add_all(parsed.error());
  }
  pupil.legal_forename = form_text(form, "legal_forename");
  pupil.legal_surname = form_text(form, "legal_surname");
  pupil.preferred_forename = form_text(form, "preferred_forename");
  pupil.preferred_surname = form_text(form, "preferred_surname");
  if (auto dob = read_form_date(form, "dob", Required::Yes, errors)) pupil.dob = *dob;
  if (std::string sex = form_text(form, "sex"); sex.empty()) {
    errors.add("sex", "Select the pupil's sex, or Not known");
  } else if (auto parsed = parse_sex(sex); parsed.ok()) {
    pupil.sex = *parsed;
  } else {
    errors.add_all(parsed.error());
  }
  pupil.nc_year_override = read_form_int(form, "nc_year_override", errors);
  if (auto sen = parse_sen_status(form_text(form, "sen")); sen.ok()) {
    pupil.sen = *sen;
  } else {
    errors.add("sen", "Select the pupil's SEN status");
  }
  for (const auto& field : flag_fields())
    pupil.flags.*field.member = form_checked(form, std::string("flag_") + field.key);
  pupil.medical_needs = form_text(form, "medical_needs");

  // Barriers already recorded keep their order (so an unchanged form changes nothing), then any
  // newly ticked ones follow in the form's order.
  std::vector<Barrier> order;
  for (const auto& existing : pupil.barriers) order.push_back(existing.barrier);
  for (Barrier barrier : all_barriers())
    if (std::find(order.begin(), order.end(), barrier) == order.end()) order.push_back(barrier);
  pupil.barriers.clear();
  for (Barrier barrier : order) {
    const std::string key = to_string(barrier);
    if (!form_checked(form, "barrier_" + key)) continue;
    pupil.barriers.push_back({barrier, form_text(form, "barrier_" + key + "_notes")});
    rows.barrier_keys.push_back(key);
  }

  pupil.contacts.clear();
  const int count = contact_count(form);  // the rows the form showed, the blank one included
  for (int row = 0; row < count; ++row) {
    if (blank_contact(form, row) || form_checked(form, contact_field(row, "remove"))) continue;
    Contact contact;
    contact.id = read_form_id(form, contact_field(row, "id"));
    contact.name = form_text(form, contact_field(row, "name"));
    contact.relationship = form_text(form, contact_field(row, "relationship"));
    contact.parental_responsibility =
        form_checked(form, contact_field(row, "parental_responsibility"));
    contact.phone = form_text(form, contact_field(row, "phone"));
    contact.phone_alt = form_text(form, contact_field(row, "phone_alt"));
    contact.email = form_text(form, contact_field(row, "email"));
    contact.priority =
        read_form_int(form, contact_field(row, "priority"), errors).value_or(row + 1);
    pupil.contacts.push_back(std::move(contact));
    rows.contact_rows.push_back(row);
  }
  return rows;
}

std::vector<FieldError> pupil_form_errors(const std::vector<FieldError>& errors,
                                          const PupilFormRows& rows) {
  auto rename = [&rows](const std::string& field) -> std::string {
    std::size_t index = 0;
    char rest[32] = {};
    if (std::sscanf(field.c_str(), "contacts[%zu].%31s", &index, rest) == 2 &&
        index < rows.contact_rows.size())
      return contact_field(rows.contact_rows[index], rest);
    if (std::sscanf(field.c_str(), "barriers[%zu]", &index) == 1 &&
        index < rows.barrier_keys.size())
      return "barrier_" + rows.barrier_keys[index] +
             (field.ends_with(".notes") ? std::string("_notes") : std::string());
    return field;
  };
  // The summary lists problems in the order the fields appear on the page.
  auto renamed = form_errors(errors, rename, form_label);
  auto rank = [](const std::string& field) {
    static const std::vector<std::string> order = {"conflict",
                                                   "commissioner_id",
                                                   "provider_id",
                                                   "admission_date",
                                                   "legal_forename",
                                                   "legal_surname",
                                                   "preferred_forename",
                                                   "preferred_surname",
                                                   "upn",
                                                   "dob",
                                                   "sex",
                                                   "nc_year_override",
                                                   "sen",
                                                   "medical_needs"};
    if (auto found = std::find(order.begin(), order.end(), field); found != order.end())
      return static_cast<int>(found - order.begin());
    if (field.rfind("barrier_", 0) == 0) return 100;
    int row = 0;
    if (std::sscanf(field.c_str(), "contact_%d_", &row) == 1) return 200 + row;
    return 1000;
  };
  std::stable_sort(renamed.begin(), renamed.end(),
                   [&](const FieldError& left, const FieldError& right) {
                     return rank(left.field) < rank(right.field);
                   });
  return renamed;
}

Data pupil_form_data(const Params& form, const Data& errors) {
  Data data{Data::type::object};
  auto input = [&](const char* name, const char* label, const char* width, const char* hint = "") {
    InputSpec spec;
    spec.name = name;
    spec.label = label;
    spec.value = form_text(form, name);
    spec.width = width;
    spec.hint = hint;
    return input_data(spec, errors);
  };
  List names;
  names.push_back(input("legal_forename", "Legal forename", "govuk-!-width-two-thirds"));
  names.push_back(input("legal_surname", "Legal surname", "govuk-!-width-two-thirds"));
  names.push_back(input("preferred_forename", "Preferred forename (optional)",
                        "govuk-!-width-two-thirds",
                        "Leave blank if the same as the legal forename"));
  names.push_back(input("preferred_surname", "Preferred surname (optional)",
                        "govuk-!-width-two-thirds",
                        "Leave blank if the same as the legal surname"));
  data.set("names", names);
  Data upn = input("upn", "UPN (optional)", "govuk-input--width-20",
                   "13 characters, starting with a letter. Leave blank if the pupil has none.");
  data.set("upn", upn);
  InputSpec dob;
  dob.name = "dob";
  dob.label = "Date of birth";
  dob.value = form_text(form, "dob");
  dob.type = "date";
  dob.width = "govuk-input--width-10";
  data.set("dob", input_data(dob, errors));

  data.set("sex", choices_data("sex", {{"F", "Female"}, {"M", "Male"}, {"U", "Not known"}},
                               form_text(form, "sex"), errors));
  std::vector<Option> years;
  for (int year = 0; year <= 14; ++year)
    years.push_back({std::to_string(year), nc_year_label(year)});
  Data override_data{Data::type::object};
  override_data.set("options", option_list(years, form_text(form, "nc_year_override"),
                                           "Worked out from date of birth"));
  override_data.set("error", optional_text(error_for(errors, "nc_year_override")));
  data.set("nc_year_override", override_data);
  data.set("sen", choices_data("sen",
                               {{"N", "No special educational needs (N)"},
                                {"K", "SEN support (K)"},
                                {"E", "Education, health and care plan (E)"}},
                               form_text(form, "sen"), errors));

  List flags;
  for (const auto& field : flag_fields()) {
    Data item{Data::type::object};
    const std::string name = std::string("flag_") + field.key;
    item.set("id", name);
    item.set("name", name);
    item.set("text", field.label);
    item.set("checked", form_checked(form, name));
    flags.push_back(item);
  }
  data.set("flags", flags);
  data.set("medical_needs",
           textarea_data("medical_needs", form_text(form, "medical_needs"), errors));

  List barriers;
  for (Barrier barrier : all_barriers()) {
    const std::string name = std::string("barrier_") + to_string(barrier);
    Data item{Data::type::object};
    item.set("id", name);
    item.set("name", name);
    item.set("text", label(barrier));
    item.set("checked", form_checked(form, name));
    item.set("error", optional_text(error_for(errors, name)));
    item.set("notes", textarea_data(name + "_notes", form_text(form, name + "_notes"), errors));
    barriers.push_back(item);
  }
  data.set("barriers", barriers);
  data.set("barriers_error", optional_text([&] {
             for (Barrier barrier : all_barriers())
               if (auto text = error_for(errors, std::string("barrier_") + to_string(barrier));
                   !text.empty())
                 return text;
             return std::string();
           }()));

  int count = contact_count(form);
  bool has_blank = false;
  for (int row = 0; row < count; ++row) has_blank = has_blank || blank_contact(form, row);
  if (!has_blank && count < kMaxContactRows) ++count;
  List contacts;
  for (int row = 0; row < count; ++row) contacts.push_back(contact_data(form, row, errors));
  data.set("contacts", contacts);
  data.set("contact_count", std::to_string(count));
  return data;
}

}  // namespace waymark::web
