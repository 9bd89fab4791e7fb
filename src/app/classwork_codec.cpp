#include "app/classwork_codec.h"

namespace waymark::app {

namespace {

template <typename Record>
Json parsed(const Record& record) {
  JsonOut out;
  write_json(out, record);
  return Json::parse(out.text());
}

// A number or null; absent leaves `into` alone.
void read_number(const Json& body, const char* field, std::optional<double>& into,
                 ErrorList& errors) {
  auto found = body.find(field);
  if (found == body.end()) return;
  if (found->is_null() || (found->is_string() && found->get<std::string>().empty())) {
    into.reset();
  } else if (found->is_number()) {
    into = found->get<double>();
  } else {
    errors.add(field, "must be a number");
  }
}

void read_optional_id(const Json& body, const char* field, Id& into, ErrorList& errors) {
  auto found = body.find(field);
  if (found == body.end()) return;
  if (found->is_null()) {
    into = 0;
    return;
  }
  read_id(body, field, into, errors);
}

}  // namespace

void write_json(JsonOut& out, const ExitTicket& ticket) {
  out.begin_object();
  out.field("id", ticket.id);
  out.field("pupil_id", ticket.pupil_id);
  out.field("organisation_id", ticket.organisation_id);
  out.field("subject_id", ticket.subject_id);
  out.key("teaching_group_id");
  out.id_or_null(ticket.teaching_group_id);
  out.field("lesson_date", ticket.lesson_date.iso());
  out.field("topic", ticket.topic);
  out.field("score", ticket.score);
  out.field("max_score", ticket.max_score);
  out.field("percent", ticket.percent());
  out.field("grade", ticket.grade);
  out.field("grade_scale", ticket.grade_scale);
  out.field("mark", ticket.mark);
  out.field("comment", ticket.comment);
  out.field("self_assessment", ticket.self_assessment);
  out.field("pupil_response", ticket.pupil_response);
  out.field("redraft", ticket.redraft);
  out.key("recorded_by");
  out.id_or_null(ticket.recorded_by);
  out.field("recorded_at", ticket.recorded_at);
  out.field("updated_at", ticket.updated_at);
  out.end_object();
}

void write_json(JsonOut& out, const MarkedWork& work) {
  out.begin_object();
  out.field("id", work.id);
  out.field("pupil_id", work.pupil_id);
  out.field("organisation_id", work.organisation_id);
  out.field("subject_id", work.subject_id);
  out.field("title", work.title);
  out.field("work_date", work.work_date.iso());
  out.field("feedback", work.feedback);
  out.field("self_assessment", work.self_assessment);
  out.field("pupil_response", work.pupil_response);
  out.field("redraft", work.redraft);
  out.key("recorded_by");
  out.id_or_null(work.recorded_by);
  out.field("recorded_at", work.recorded_at);
  out.field("updated_at", work.updated_at);
  out.end_object();
}

void write_json(JsonOut& out, const store::EvidenceFile& file) {
  out.begin_object();
  out.field("id", file.id);
  out.field("pupil_id", file.pupil_id);
  out.key("work_id");
  out.id_or_null(file.work_id);
  out.field("media_type", media_type(file.type));
  out.field("size_bytes", file.size_bytes);
  out.field("sha256", file.sha256);
  out.field("original_name", file.original_name);
  out.key("uploaded_by");
  out.id_or_null(file.uploaded_by);
  out.field("uploaded_at", file.uploaded_at);
  out.field("href", "/api/v1/evidence/" + std::to_string(file.id));
  out.end_object();
}

Json to_json(const ExitTicket& ticket) {
  return parsed(ticket);
}
Json to_json(const MarkedWork& work) {
  return parsed(work);
}
Json to_json(const store::EvidenceFile& file) {
  return parsed(file);
}

void read_exit_ticket(const Json& body, ExitTicket& into, ErrorList& errors) {
  if (!body.is_object()) {
    errors.add("body", "must be a JSON object");
    return;
  }
  read_id(body, "pupil_id", into.pupil_id, errors);
  read_id(body, "subject_id", into.subject_id, errors);
  read_optional_id(body, "teaching_group_id", into.teaching_group_id, errors);
  read_date(body, "lesson_date", into.lesson_date, errors);
  read_string(body, "topic", into.topic, errors);
  read_number(body, "score", into.score, errors);
  read_number(body, "max_score", into.max_score, errors);
  read_string(body, "grade", into.grade, errors);
  read_string(body, "grade_scale", into.grade_scale, errors);
  read_string(body, "mark", into.mark, errors);
  read_string(body, "comment", into.comment, errors);
  read_string(body, "self_assessment", into.self_assessment, errors);
  read_string(body, "pupil_response", into.pupil_response, errors);
  read_string(body, "redraft", into.redraft, errors);
}

void read_marked_work(const Json& body, MarkedWork& into, ErrorList& errors) {
  if (!body.is_object()) {
    errors.add("body", "must be a JSON object");
    return;
  }
  read_id(body, "subject_id", into.subject_id, errors);
  read_string(body, "title", into.title, errors);
  read_date(body, "work_date", into.work_date, errors);
  read_string(body, "feedback", into.feedback, errors);
  read_string(body, "self_assessment", into.self_assessment, errors);
  read_string(body, "pupil_response", into.pupil_response, errors);
  read_string(body, "redraft", into.redraft, errors);
}

}  // namespace waymark::app
