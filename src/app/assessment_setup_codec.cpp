#include "app/assessment_setup_codec.h"

#include <fmt/format.h>

#include "app/grade_scales.h"

namespace waymark::app {

namespace {

Json optional_date_json(const std::optional<Date>& date) {
  return date ? Json(date->iso()) : Json(nullptr);
}

Json subject_json(const SubjectIntake& subject) {
  return Json{
      {"working_at", subject.working_at ? to_json(*subject.working_at) : Json(nullptr)},
      {"ks4_target", subject.ks4_target ? to_json(*subject.ks4_target) : Json(nullptr)},
      {"ks3_target", subject.ks3_target ? to_json(*subject.ks3_target) : Json(nullptr)},
      {"exam_board", subject.exam_board ? Json(to_string(*subject.exam_board)) : Json(nullptr)},
      {"exam_board_other", subject.exam_board_other},
  };
}

void read_grade(const Json& body, const std::string& prefix, const char* name,
                std::optional<GradeRef>& into, ErrorList& errors) {
  if (!body.contains(name)) return;
  const Json& value = body[name];
  const std::string field = prefix + "." + name;
  if (value.is_null() || (value.is_string() && value.get<std::string>().empty())) {
    into.reset();
  } else if (value.is_string()) {
    // A bare code keeps the scale already chosen; app fills in a default when there is none.
    into = GradeRef{into ? into->scale_key : std::string(), value.get<std::string>()};
  } else if (value.is_object() && value.contains("code") && value["code"].is_string()) {
    GradeRef grade{"", value["code"].get<std::string>()};
    if (value.contains("scale") && value["scale"].is_string())
      grade.scale_key = value["scale"].get<std::string>();
    else if (value.contains("scale") && !value["scale"].is_null())
      errors.add(field + ".scale", "must be a scale key");
    into = grade;
  } else {
    errors.add(field, "must be a grade code or {\"code\", \"scale\"}");
  }
}

void read_subject(const Json& body, const char* name, SubjectIntake& into, ErrorList& errors) {
  if (!body.contains(name)) return;
  const Json& subject = body[name];
  if (!subject.is_object()) {
    errors.add(name, "must be an object");
    return;
  }
  read_grade(subject, name, "working_at", into.working_at, errors);
  read_grade(subject, name, "ks4_target", into.ks4_target, errors);
  read_grade(subject, name, "ks3_target", into.ks3_target, errors);
  const std::string prefix = name;
  if (subject.contains("exam_board")) {
    const Json& board = subject["exam_board"];
    if (board.is_null() || (board.is_string() && board.get<std::string>().empty())) {
      into.exam_board.reset();
    } else if (board.is_string()) {
      auto parsed = parse_exam_board(board.get<std::string>(), prefix + ".exam_board");
      if (parsed.ok())
        into.exam_board = *parsed;
      else
        errors.add_all(parsed.error());
    } else {
      errors.add(prefix + ".exam_board", "must be text");
    }
  }
  if (subject.contains("exam_board_other")) {
    if (subject["exam_board_other"].is_string())
      into.exam_board_other = subject["exam_board_other"].get<std::string>();
    else if (subject["exam_board_other"].is_null())
      into.exam_board_other.clear();
    else
      errors.add(prefix + ".exam_board_other", "must be text");
  }
}

void read_score(const Json& body, const char* field, std::optional<int>& into, ErrorList& errors) {
  if (!body.contains(field)) return;
  if (body[field].is_null())
    into.reset();
  else if (body[field].is_number_integer())
    into = body[field].get<int>();
  else
    errors.add(field, "must be a whole number");
}

}  // namespace

Json to_json(const GradeScale& scale) {
  Json grades = Json::array();
  for (const Grade& grade : scale.grades())
    grades.push_back({{"code", grade.code}, {"label", grade.label}, {"rank", grade.rank}});
  return Json{{"key", scale.key()},
              {"name", scale.name()},
              {"standard", standard_scale(scale.key()) != nullptr},
              {"points_scheme", scale.points_scheme() == PointsScheme::Gcse ? "gcse" : "none"},
              {"grades", grades}};
}

Json to_json(const store::SubjectScales& scales) {
  return Json{{"subject_id", scales.subject_id},
              {"ks3_scale_key", scales.ks3_scale_key},
              {"ks4_scale_key", scales.ks4_scale_key}};
}

Json to_json(const std::vector<Ks3Expectation>& expectations) {
  Json items = Json::array();
  for (const auto& expectation : expectations)
    items.push_back({{"nc_year", expectation.nc_year},
                     {"term", term_key(expectation.term)},
                     {"meeting_from", expectation.meeting_from},
                     {"meeting_to", expectation.meeting_to}});
  return Json{{"expectations", items}};
}

Json to_json(const GradeRef& grade) {
  return Json{{"scale", grade.scale_key}, {"code", grade.code}};
}

Json to_json(const Intake& intake) {
  return Json{
      {"placement_id", intake.placement_id},
      {"pupil_id", intake.pupil_id},
      {"maths", subject_json(intake.maths)},
      {"english", subject_json(intake.english)},
      {"ks2_reading", intake.ks2_reading ? Json(*intake.ks2_reading) : Json(nullptr)},
      {"ks2_maths", intake.ks2_maths ? Json(*intake.ks2_maths) : Json(nullptr)},
      {"notes", intake.notes},
      {"updated_by", intake.updated_by == 0 ? Json(nullptr) : Json(intake.updated_by)},
      {"updated_by_name", intake.updated_by_name},
      {"updated_at", intake.updated_at},
  };
}

Json to_json(const HomeSchoolWork& work) {
  return Json{{"id", work.id},
              {"placement_id", work.placement_id},
              {"title", work.title},
              {"subject", work.subject},
              {"details", work.details},
              {"set_date", work.set_date.iso()},
              {"due_date", optional_date_json(work.due_date)},
              {"status", to_string(work.status)},
              {"completed_date", optional_date_json(work.completed_date)},
              {"updated_at", work.updated_at}};
}

Json to_json(const Target& target) {
  return Json{{"id", target.id},
              {"pupil_id", target.pupil_id},
              {"subject_id", target.subject_id},
              {"subject_name", target.subject_name},
              {"scale", target.scale_key},
              {"grade", target.grade_code},
              {"reason", target.reason},
              {"set_by", target.set_by == 0 ? Json(nullptr) : Json(target.set_by)},
              {"set_by_name", target.set_by_name},
              {"set_at", target.set_at}};
}

void read_scale_input(const Json& body, ScaleInput& into, ErrorList& errors) {
  read_string(body, "key", into.key, errors);
  read_string(body, "name", into.name, errors);
  std::string points = "none";
  read_string(body, "points_scheme", points, errors);
  if (points == "gcse")
    into.points = PointsScheme::Gcse;
  else if (points == "none")
    into.points = PointsScheme::None;
  else
    errors.add("points_scheme", "must be none or gcse");
  if (!body.contains("grades")) return;
  const Json& grades = body["grades"];
  if (!grades.is_array()) {
    errors.add("grades", "must be a list of {code, label}");
    return;
  }
  into.grades.clear();
  for (std::size_t index = 0; index < grades.size(); ++index) {
    const Json& grade = grades[index];
    if (!grade.is_object() || !grade.contains("code") || !grade["code"].is_string()) {
      errors.add(fmt::format("grades[{}]", index + 1), "must be {code, label}");
      continue;
    }
    std::string code = grade["code"].get<std::string>();
    std::string label = grade.contains("label") && grade["label"].is_string()
                            ? grade["label"].get<std::string>()
                            : code;
    into.grades.emplace_back(std::move(code), std::move(label));
  }
}

void read_subject_scales(const Json& body, store::SubjectScales& into, ErrorList& errors) {
  read_string(body, "ks3_scale_key", into.ks3_scale_key, errors);
  read_string(body, "ks4_scale_key", into.ks4_scale_key, errors);
}

void read_ks3_expectations(const Json& body, std::vector<Ks3Expectation>& into, ErrorList& errors) {
  if (!body.contains("expectations") || !body["expectations"].is_array()) {
    errors.add("expectations", "must be a list of {nc_year, term, meeting_from, meeting_to}");
    return;
  }
  into.clear();
  const Json& items = body["expectations"];
  for (std::size_t index = 0; index < items.size(); ++index) {
    const std::string prefix = fmt::format("expectations[{}]", index + 1);
    const Json& item = items[index];
    if (!item.is_object()) {
      errors.add(prefix, "must be an object");
      continue;
    }
    Ks3Expectation expectation;
    read_int(item, "nc_year", expectation.nc_year, errors);
    std::string term = "autumn";
    read_string(item, "term", term, errors);
    if (auto parsed = parse_term_key(term, prefix + ".term"); parsed.ok())
      expectation.term = *parsed;
    else
      errors.add_all(parsed.error());
    read_string(item, "meeting_from", expectation.meeting_from, errors);
    read_string(item, "meeting_to", expectation.meeting_to, errors);
    into.push_back(expectation);
  }
}

void read_intake(const Json& body, Intake& into, ErrorList& errors) {
  read_subject(body, "maths", into.maths, errors);
  read_subject(body, "english", into.english, errors);
  read_score(body, "ks2_reading", into.ks2_reading, errors);
  read_score(body, "ks2_maths", into.ks2_maths, errors);
  read_string(body, "notes", into.notes, errors);
}

void read_home_school_work(const Json& body, HomeSchoolWork& into, ErrorList& errors) {
  read_string(body, "title", into.title, errors);
  read_string(body, "subject", into.subject, errors);
  read_string(body, "details", into.details, errors);
  read_date(body, "set_date", into.set_date, errors);
  read_optional_date(body, "due_date", into.due_date, errors);
  if (body.contains("status")) {
    if (!body["status"].is_string()) {
      errors.add("status", "must be set, in_progress or completed");
    } else if (auto status = parse_work_status(body["status"].get<std::string>()); status.ok()) {
      into.status = *status;
    } else {
      errors.add_all(status.error());
    }
  }
  read_optional_date(body, "completed_date", into.completed_date, errors);
}

}  // namespace waymark::app
