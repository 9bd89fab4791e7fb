#include "web/pages/feedback_form_edit.h"

#include <regex>
#include <sstream>

#include <fmt/format.h>

#include "app/feedback_form_codec.h"
#include "app/feedback_forms.h"
#include "web/pages/form_helpers.h"

namespace waymark::web {

namespace {

std::string row_field(std::size_t index, const char* name) {
  return fmt::format("subject_{}_{}", index, name);
}

std::vector<std::string> topic_lines(const std::string& text) {
  std::vector<std::string> topics;
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);) {
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
    std::size_t start = line.find_first_not_of(' ');
    if (start != std::string::npos) topics.push_back(line.substr(start));
  }
  return topics;
}

}  // namespace

std::string feedback_form_field(const std::string& domain_field) {
  static const std::regex row(R"(subjects\[(\d+)\]\.(\w+))");
  std::smatch match;
  if (std::regex_match(domain_field, match, row))
    return fmt::format("subject_{}_{}", std::stoi(match[1].str()) - 1, match[2].str());
  if (domain_field == "subjects") return "add_subject_id";
  return domain_field;
}

void read_feedback_form_fields(const Params& params, FeedbackForm& form, ErrorList& errors) {
  std::map<Id, FeedbackFormSubject> stored;
  for (const FeedbackFormSubject& row : form.subjects) stored[row.subject_id] = row;
  std::vector<FeedbackFormSubject> rows;
  for (std::size_t index = 0;; ++index) {
    const std::string id_text = form_text(params, row_field(index, "id"));
    if (id_text.empty()) break;
    const Id subject_id = read_form_id(params, row_field(index, "id"));
    if (form_checked(params, row_field(index, "remove"))) continue;
    FeedbackFormSubject row;
    if (auto found = stored.find(subject_id); found != stored.end()) row = found->second;
    row.subject_id = subject_id;
    row.topics = topic_lines(form_text(params, row_field(index, "topics")));
    row.atl = read_form_int(params, row_field(index, "atl"), errors);
    row.working_at = form_text(params, row_field(index, "working_at"));
    const std::string indicator = form_text(params, row_field(index, "indicator"));
    row.indicator.reset();
    if (!indicator.empty()) {
      auto parsed = parse_progress_indicator(indicator, row_field(index, "indicator"));
      if (parsed.ok())
        row.indicator = *parsed;
      else
        errors.add_all(parsed.error());
    }
    row.override_reason = form_text(params, row_field(index, "override_reason"));
    rows.push_back(std::move(row));
  }
  if (Id added = read_form_id(params, "add_subject_id"); added > 0) {
    bool present = false;
    for (const auto& row : rows) present = present || row.subject_id == added;
    if (!present) {
      FeedbackFormSubject row;
      row.subject_id = added;
      rows.push_back(std::move(row));
    }
  }
  form.subjects = std::move(rows);
  form.comment = form_text(params, "comment");
}

}  // namespace waymark::web
