#include "app/feedback_form_codec.h"

#include <map>

#include <fmt/format.h>

namespace waymark::app {

void write_json(JsonOut& out, const FeedbackForm& form) {
  out.begin_object();
  out.field("id", form.id);
  out.field("pupil_id", form.pupil_id);
  out.field("placement_id", form.placement_id);
  out.field("provider_id", form.provider_id);
  out.key("period");
  out.begin_object();
  out.field("number", form.period_number);
  out.field("start", form.period_start.iso());
  out.field("end", form.period_end.iso());
  out.field("due", form.period_end.iso());
  out.end_object();
  out.field("version", form.version);
  out.key("supersedes_id");
  out.id_or_null(form.supersedes_id);
  out.field("status", to_string(form.status));
  out.field("attendance_percent", form.attendance_percent);
  if (!form.attendance_percent) out.field("attendance_text", kAttendanceNotRecorded);
  out.field("comment", form.comment);
  out.key("subjects");
  out.begin_array();
  for (const FeedbackFormSubject& subject : form.subjects) {
    out.begin_object();
    out.field("subject_id", subject.subject_id);
    out.field("subject_name", subject.subject_name);
    out.key("topics");
    out.begin_array();
    for (const std::string& topic : subject.topics) out.value(topic);
    out.end_array();
    out.field("atl", subject.atl);
    out.key("atl_label");
    if (subject.atl)
      out.value(atl_label(*subject.atl));
    else
      out.null();
    out.field("working_at_scale", subject.working_at_scale);
    out.field("working_at", subject.working_at);
    out.key("proposed");
    if (subject.proposed)
      out.value(to_string(*subject.proposed));
    else
      out.null();
    out.field("proposal_reason", subject.proposal_reason);
    out.key("indicator");
    if (subject.indicator)
      out.value(to_string(*subject.indicator));
    else
      out.null();
    out.field("override_reason", subject.override_reason);
    out.end_object();
  }
  out.end_array();
  out.field("created_at", form.created_at);
  out.field("updated_at", form.updated_at);
  out.field("sent_at", form.sent_at);
  out.key("sent_by");
  out.id_or_null(form.sent_by);
  out.end_object();
}

Json to_json(const FeedbackForm& form) {
  JsonOut out;
  write_json(out, form);
  return Json::parse(out.text());
}

namespace {

void read_subject(const Json& item, const std::string& prefix, FeedbackFormSubject& row,
                  ErrorList& errors) {
  if (auto topics = item.find("topics"); topics != item.end()) {
    if (!topics->is_array()) {
      errors.add(prefix + "topics", "must be a list of topics");
    } else {
      row.topics.clear();
      for (const Json& topic : *topics) {
        if (!topic.is_string()) {
          errors.add(prefix + "topics", "each topic must be text");
          break;
        }
        row.topics.push_back(topic.get<std::string>());
      }
    }
  }
  if (auto atl = item.find("atl"); atl != item.end()) {
    if (atl->is_null())
      row.atl.reset();
    else if (atl->is_number_integer())
      row.atl = atl->get<int>();
    else
      errors.add(prefix + "atl", "must be a whole number from 1 to 4");
  }
  if (auto working_at = item.find("working_at"); working_at != item.end()) {
    if (working_at->is_null())
      row.working_at.clear();
    else if (working_at->is_string())
      row.working_at = working_at->get<std::string>();
    else
      errors.add(prefix + "working_at", "must be a grade as text");
  }
  if (auto indicator = item.find("indicator"); indicator != item.end()) {
    if (indicator->is_null() || (indicator->is_string() && indicator->get<std::string>().empty())) {
      row.indicator.reset();
    } else if (!indicator->is_string()) {
      errors.add(prefix + "indicator", "must be exceeding, meeting or working_towards");
    } else {
      auto parsed = parse_progress_indicator(indicator->get<std::string>(), prefix + "indicator");
      if (parsed.ok())
        row.indicator = *parsed;
      else
        errors.add_all(parsed.error());
    }
  }
  if (auto reason = item.find("override_reason"); reason != item.end()) {
    if (reason->is_null())
      row.override_reason.clear();
    else if (reason->is_string())
      row.override_reason = reason->get<std::string>();
    else
      errors.add(prefix + "override_reason", "must be text");
  }
}

}  // namespace

void read_feedback_form_changes(const Json& body, FeedbackForm& into, ErrorList& errors) {
  read_string(body, "comment", into.comment, errors);
  auto subjects = body.find("subjects");
  if (subjects == body.end()) return;
  if (!subjects->is_array()) {
    errors.add("subjects", "must be a list of subjects");
    return;
  }
  std::map<Id, FeedbackFormSubject> stored;
  for (const FeedbackFormSubject& row : into.subjects) stored[row.subject_id] = row;
  std::vector<FeedbackFormSubject> rows;
  for (std::size_t subject_idx = 0; subject_idx < subjects->size(); ++subject_idx) {
    const Json& item = (*subjects)[subject_idx];
    const std::string prefix = fmt::format("subjects[{}].", subject_idx + 1);
    if (!item.is_object()) {
      errors.add(prefix + "subject_id", "each subject must be an object");
      continue;
    }
    FeedbackFormSubject row;
    auto subject_id = item.find("subject_id");
    if (subject_id == item.end() || !subject_id->is_number_integer()) {
      errors.add(prefix + "subject_id", "choose a subject");
      continue;
    }
    row.subject_id = subject_id->get<Id>();
    if (auto found = stored.find(row.subject_id); found != stored.end()) row = found->second;
    read_subject(item, prefix, row, errors);
    rows.push_back(std::move(row));
  }
  into.subjects = std::move(rows);
}

}  // namespace waymark::app
