#include "web/pages/form_helpers.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>

#include <fmt/format.h>

#include "app/notifications.h"
#include "app/users.h"

namespace waymark::web {

namespace {

std::string trim(const std::string& text) {
  auto first =
      std::find_if_not(text.begin(), text.end(), [](unsigned char c) { return std::isspace(c); });
  auto last = std::find_if_not(text.rbegin(), text.rend(), [](unsigned char c) {
                return std::isspace(c);
              }).base();
  return first < last ? std::string(first, last) : std::string();
}

std::string lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

std::string capitalised(std::string text) {
  if (!text.empty())
    text.front() = static_cast<char>(std::toupper(static_cast<unsigned char>(text.front())));
  return text;
}

bool starts_with_any(const std::string& text, std::initializer_list<const char*> starts) {
  for (const char* start : starts)
    if (text.rfind(start, 0) == 0) return true;
  return false;
}

// Reasons that read as the predicate of a sentence about the field ("is required").
bool predicate(const std::string& reason) {
  return starts_with_any(reason, {"is ", "must ", "has ", "lists ", "are ", "sessions "});
}

// Reasons that already tell the reader what to do ("choose the provider ...").
bool instruction(const std::string& reason) {
  return starts_with_any(reason, {"choose ", "give ", "enter ", "select ", "add ", "remove "});
}

}  // namespace

std::string form_text(const Params& form, const std::string& name) {
  auto found = form.find(name);
  if (found == form.end()) return std::string();
  // Browsers send a textarea's line breaks as CRLF; the records keep plain LF.
  std::string text = trim(found->second);
  std::erase(text, '\r');
  return text;
}

std::vector<std::string> form_values(const Params& form, const std::string& name) {
  std::vector<std::string> values;
  auto [first, last] = form.equal_range(name);
  for (auto it = first; it != last; ++it) values.push_back(it->second);
  return values;
}

bool form_checked(const Params& form, const std::string& name) {
  return form.count(name) > 0;
}

std::optional<Date> read_form_date(const Params& form, const std::string& name, Required required,
                                   ErrorList& errors) {
  std::string text = form_text(form, name);
  if (text.empty()) {
    if (required == Required::Yes) errors.add(name, "is required");
    return std::nullopt;
  }
  auto date = Date::parse(text, name);
  if (!date.ok()) {
    errors.add(name, "must be a real date, like 27/03/2012");
    return std::nullopt;
  }
  return *date;
}

Id read_form_id(const Params& form, const std::string& name) {
  std::string text = form_text(form, name);
  Id value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || value < 0) return 0;
  return value;
}

std::optional<int> read_form_int(const Params& form, const std::string& name, ErrorList& errors) {
  std::string text = form_text(form, name);
  if (text.empty()) return std::nullopt;
  int value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) {
    errors.add(name, "must be a whole number");
    return std::nullopt;
  }
  return value;
}

std::optional<double> read_form_number(const Params& form, const std::string& name,
                                       ErrorList& errors) {
  std::string text = form_text(form, name);
  if (text.empty()) return std::nullopt;
  double value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || !std::isfinite(value)) {
    errors.add(name, "must be a number, like 12.5");
    return std::nullopt;
  }
  return value;
}

std::vector<FieldError> form_errors(const std::vector<FieldError>& errors,
                                    const FieldRename& rename, const FieldLabel& label) {
  std::vector<FieldError> renamed;
  for (const auto& error : errors) {
    std::string field = rename(error.field);
    const bool seen = std::any_of(renamed.begin(), renamed.end(), [&](const FieldError& earlier) {
      return earlier.field == field;
    });
    if (seen) continue;  // one message per field, the first (usually the most basic) one
    std::string words = label(field);
    std::string reason = error.reason;
    const bool sentence =
        !reason.empty() && std::isupper(static_cast<unsigned char>(reason.front()));
    if (!sentence) {
      if (predicate(reason)) {
        reason = words + " " + reason;
      } else if (!words.empty() && !instruction(reason) &&
                 lower(reason).rfind(lower(words), 0) != 0) {
        reason = words + ": " + reason;
      }
      reason = capitalised(reason);
    }
    renamed.push_back({std::move(field), std::move(reason)});
  }
  return renamed;
}

std::string error_for(const Data& errors, const std::string& field) {
  const Data* found = errors.is_object() ? errors.get(field_anchor(field)) : nullptr;
  return found != nullptr && found->is_string() ? found->string_value() : std::string();
}

Data input_data(const InputSpec& spec, const Data& errors) {
  Data data{Data::type::object};
  const std::string id = field_anchor(spec.name);
  const std::string error = error_for(errors, spec.name);
  data.set("id", id);
  data.set("name", spec.name);
  data.set("label", spec.label);
  data.set("value", spec.value);
  data.set("type", spec.type);
  data.set("autocomplete", spec.autocomplete);
  data.set("classes", spec.width);
  data.set("inputmode", optional_text(spec.inputmode));
  data.set("hint", optional_text(spec.hint));
  data.set("error", optional_text(error));
  std::string described_by;
  if (!spec.hint.empty()) described_by = id + "-hint";
  if (!error.empty()) described_by += (described_by.empty() ? "" : " ") + id + "-error";
  data.set("described_by", optional_text(described_by));
  return data;
}

List option_list(const std::vector<Option>& options, const std::string& selected,
                 const std::string& blank) {
  List list;
  auto add = [&](const std::string& value, const std::string& text) {
    Data option{Data::type::object};
    option.set("value", value);
    option.set("text", text);
    option.set("selected", Data(value == selected));
    list.push_back(option);
  };
  if (!blank.empty()) add("", blank);
  for (const auto& option : options) add(option.value, option.text);
  return list;
}

List choice_list(const std::string& name, const std::vector<Option>& options,
                 const std::vector<std::string>& checked) {
  List list;
  bool first = true;
  for (const auto& option : options) {
    Data item{Data::type::object};
    item.set("id", first ? field_anchor(name) : field_anchor(name + "-" + option.value));
    item.set("name", name);
    item.set("value", option.value);
    item.set("text", option.text);
    item.set("checked",
             Data(std::find(checked.begin(), checked.end(), option.value) != checked.end()));
    list.push_back(item);
    first = false;
  }
  return list;
}

std::vector<Option> organisation_options(const std::vector<Organisation>& organisations,
                                         OrgRole role) {
  std::vector<const Organisation*> chosen;
  for (const auto& organisation : organisations) {
    const bool provider = organisation.kind == OrgKind::Provider;
    if (provider == (role == OrgRole::Provider)) chosen.push_back(&organisation);
  }
  std::sort(chosen.begin(), chosen.end(), [](const Organisation* left, const Organisation* right) {
    return left->name < right->name;
  });
  std::vector<Option> options;
  for (const Organisation* organisation : chosen) {
    std::string text = organisation->name;
    if (role == OrgRole::Commissioner && organisation->kind == OrgKind::LocalAuthority)
      text += " (local authority)";
    options.push_back({std::to_string(organisation->id), text});
  }
  return options;
}

List flag_tags(const Pupil& pupil) {
  List tags;
  auto add = [&](const std::string& text, const char* colour) {
    Data tag{Data::type::object};
    tag.set("text", text);
    tag.set("colour", colour);
    tags.push_back(tag);
  };
  if (pupil.sen == SenStatus::Ehcp) add("EHCP", "govuk-tag--purple");
  if (pupil.sen == SenStatus::Support) add("SEN support", "govuk-tag--purple");
  for (const auto& field : flag_fields()) {
    if (!(pupil.flags.*field.member)) continue;
    const std::string key = field.key;
    const char* colour = key == "child_protection"                         ? "govuk-tag--red"
                         : key == "looked_after" || key == "child_in_need" ? "govuk-tag--orange"
                                                                           : "govuk-tag--teal";
    add(field.label, colour);
  }
  return tags;
}

bool may_edit_placement(const Actor& actor, const Placement& placement) {
  if (actor.organisation_id == placement.provider_id) return actor.can_edit_pupils();
  if (actor.organisation_id == placement.commissioner_id) return actor.can_commission();
  return false;
}

std::string status_tag_class(PlacementStatus status) {
  switch (status) {
    case PlacementStatus::Referred:
      return "govuk-tag--magenta";
    case PlacementStatus::PlanningMeeting:
      return "govuk-tag--purple";
    case PlacementStatus::InitialAssessment:
      return "govuk-tag--yellow";
    case PlacementStatus::Active:
      return "govuk-tag--green";
    case PlacementStatus::Ended:
      return "govuk-tag--grey";
  }
  return "govuk-tag--grey";
}

std::string format_hours(double hours) {
  std::string text = fmt::format("{:.2f}", hours);
  while (!text.empty() && text.back() == '0') text.pop_back();
  if (!text.empty() && text.back() == '.') text.pop_back();
  return text;
}

std::string format_date(Date date) {
  static const char* const months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                       "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  return fmt::format("{} {} {}", date.day(), months[(date.month() - 1) % 12], date.year());
}

std::string format_date(const std::optional<Date>& date, const std::string& absent) {
  return date ? format_date(*date) : absent;
}

PageFrame page_frame(const Exchange& exchange, std::string title, std::string active_nav) {
  PageFrame frame;
  frame.title = std::move(title);
  frame.active_nav = std::move(active_nav);
  frame.actor = &exchange.actor;
  frame.csrf_token = exchange.csrf_token;
  auto organisation = app::get_organisation(exchange.app, exchange.actor.organisation_id);
  if (organisation.ok()) frame.organisation_name = organisation->name;
  frame.unread_notifications = app::unread_notification_count(exchange.app, exchange.actor);
  return frame;
}

Response error_page(const Templates& templates, const Exchange& exchange, const Error& error) {
  int status = 500;
  std::string heading = "Sorry, there is a problem with Waymark";
  std::string message = "Try again later.";
  switch (error.kind) {
    case ErrorKind::NotFound:
      status = 404;
      heading = "Page not found";
      message = "The record does not exist, or your organisation cannot see it.";
      break;
    case ErrorKind::Forbidden:
      status = 403;
      heading = "You cannot do this";
      message = capitalised(error.message) + ".";
      break;
    default:
      break;
  }
  Data data{Data::type::object};
  data.set("heading", heading);
  data.set("message", message);
  data.set("status", std::to_string(status));
  PageFrame frame = page_frame(exchange, heading);
  if (exchange.actor.user_id == 0) frame.actor = nullptr;  // a public page: no account area
  return render_page(templates, frame, "error", data, status);
}

}  // namespace waymark::web
