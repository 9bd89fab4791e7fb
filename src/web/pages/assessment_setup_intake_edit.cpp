// GET/POST /placements/{id}/intake: the home school's data for one placement, for the
// commissioning school's staff and the provider's admins and heads (app::put_intake decides; the
// form is refused with 403 to anyone else). Grades are chosen from their scales.
#include <fmt/format.h>

#include "app/grade_scales.h"
#include "app/intake.h"
#include "app/pupils.h"
#include "web/pages/assessment_setup_helpers.h"
#include "web/pages/form_helpers.h"
#include "web/pages/pages.h"

namespace waymark::web {

namespace {

// The scales a blank field's grade goes on, as app::put_intake fills them in.
std::string default_scale(const std::string& grade_field, const std::optional<int>& nc_year) {
  if (grade_field == "working_at")
    return nc_year && *nc_year >= 7 && *nc_year <= 9 ? "ks3" : "gcse_fine";
  return grade_field == "ks3_target" ? "ks3" : "gcse_fine";
}

constexpr const char* kGradeFields[] = {"working_at", "ks4_target", "ks3_target"};

void add_grade(Params& form, const std::string& name, const std::optional<GradeRef>& grade) {
  if (!grade) return;
  form.emplace(name, grade->code);
  form.emplace(name + "_scale", grade->scale_key);
}

Params intake_params(const Intake& intake) {
  Params form;
  for (const auto& [key, subject] :
       {std::pair<std::string, const SubjectIntake*>{"maths", &intake.maths},
        {"english", &intake.english}}) {
    add_grade(form, key + "_working_at", subject->working_at);
    add_grade(form, key + "_ks4_target", subject->ks4_target);
    add_grade(form, key + "_ks3_target", subject->ks3_target);
    if (subject->exam_board) form.emplace(key + "_exam_board", to_string(*subject->exam_board));
    form.emplace(key + "_exam_board_other", subject->exam_board_other);
  }
  if (intake.ks2_reading) form.emplace("ks2_reading", std::to_string(*intake.ks2_reading));
  if (intake.ks2_maths) form.emplace("ks2_maths", std::to_string(*intake.ks2_maths));
  form.emplace("notes", intake.notes);
  return form;
}

struct EditPage {
  app::IntakeView view;
  std::string pupil_name;
  std::optional<int> nc_year;
};

Result<EditPage> load(Exchange& exchange, Id placement_id) {
  auto view = WAYMARK_TRY(app::get_intake(exchange.app, exchange.actor, placement_id));
  if (!view.can_edit)
    return Error::forbidden(
        "the intake is entered by the commissioning school's staff and the provider's admins "
        "and heads");
  auto profile =
      WAYMARK_TRY(app::pupil_profile(exchange.app, exchange.actor, view.placement.pupil_id));
  return EditPage{std::move(view), profile.pupil.display_name(), profile.nc_year};
}

Data subject_fields(store::Connection& connection, const EditPage& page, const std::string& key,
                    const std::string& name, const Params& form, const Data& errors) {
  Data subject{Data::type::object};
  subject.set("legend", name);
  List fields;
  const char* labels[] = {"working at", "end of KS4 target", "end of KS3 target"};
  const char* hints[] = {"", "", "Where it applies: pupils in Key Stage 3"};
  for (std::size_t index = 0; index < std::size(kGradeFields); ++index) {
    const std::string field = key + "_" + kGradeFields[index];
    std::string scale_key = form_text(form, field + "_scale");
    auto scale = app::scale_for(connection, page.view.placement.provider_id,
                                scale_key.empty() ? "-" : scale_key);
    if (!scale.ok()) {
      scale_key = default_scale(kGradeFields[index], page.nc_year);
      scale = app::scale_for(connection, page.view.placement.provider_id, scale_key);
    }
    if (!scale.ok()) continue;  // the standard scales are always there
    Data select =
        select_field(field, fmt::format("{} {}", name, labels[index]),
                     grade_options(*scale, form_text(form, field), "Not given"), errors,
                     fmt::format("{}{}{}", scale->name(), *hints[index] ? ". " : "", hints[index]));
    select.set("scale_key", scale->key());
    fields.push_back(select);
  }
  std::vector<Option> boards;
  for (ExamBoard board : all_exam_boards()) boards.push_back({to_string(board), label(board)});
  fields.push_back(
      select_field(key + "_exam_board", name + " exam board",
                   option_list(boards, form_text(form, key + "_exam_board"), "Not given"), errors));
  fields.push_back(text_field(key + "_exam_board_other", name + " exam board if other",
                              form_text(form, key + "_exam_board_other"), errors, "",
                              "govuk-!-width-one-half"));
  subject.set("fields", fields);
  return subject;
}

Response render(const Templates& templates, Exchange& exchange, const EditPage& page,
                const Params& form, const std::vector<FieldError>& errors, int status) {
  auto& connection = exchange.app.store.connection();
  const Data error_data = error_map(errors);
  Data data{Data::type::object};
  data.set("pupil_id", std::to_string(page.view.placement.pupil_id));
  data.set("placement_id", std::to_string(page.view.placement.id));
  data.set("name", page.pupil_name);
  data.set("csrf_token", exchange.csrf_token);
  List subjects;
  subjects.push_back(subject_fields(connection, page, "maths", "Maths", form, error_data));
  subjects.push_back(subject_fields(connection, page, "english", "English", form, error_data));
  data.set("subjects", subjects);
  List fields;
  const std::string range = fmt::format("From {} to {}", kKs2ScaledScoreMin, kKs2ScaledScoreMax);
  fields.push_back(number_field("ks2_reading", "KS2 reading scaled score",
                                form_text(form, "ks2_reading"), error_data, range));
  fields.push_back(number_field("ks2_maths", "KS2 maths scaled score", form_text(form, "ks2_maths"),
                                error_data, range));
  fields.push_back(textarea_field("notes", "Notes", form_text(form, "notes"), error_data));
  data.set("fields", fields);
  PageFrame frame = page_frame(exchange, "Intake: " + page.pupil_name);
  frame.errors = errors;
  return render_page(templates, frame, "intake_edit", data, status);
}

std::optional<GradeRef> read_grade(const Params& form, const std::string& name) {
  const std::string code = form_text(form, name);
  if (code.empty()) return std::nullopt;
  return GradeRef{.scale_key = form_text(form, name + "_scale"), .code = code};
}

void read_subject(const Params& form, const std::string& key, SubjectIntake& subject,
                  ErrorList& errors) {
  subject.working_at = read_grade(form, key + "_working_at");
  subject.ks4_target = read_grade(form, key + "_ks4_target");
  subject.ks3_target = read_grade(form, key + "_ks3_target");
  subject.exam_board.reset();
  if (const std::string board = form_text(form, key + "_exam_board"); !board.empty()) {
    auto parsed = parse_exam_board(board, key + ".exam_board");
    if (parsed.ok())
      subject.exam_board = *parsed;
    else
      errors.add_all(parsed.error());
  }
  subject.exam_board_other = form_text(form, key + "_exam_board_other");
}

Response save(const Templates& templates, Exchange& exchange, Id placement_id) {
  auto page = load(exchange, placement_id);
  if (!page.ok()) return error_page(templates, exchange, page.error());
  const Params form = exchange.form();
  ErrorList errors;
  const auto ks2_reading = read_form_int(form, "ks2_reading", errors);
  const auto ks2_maths = read_form_int(form, "ks2_maths", errors);
  if (!errors.empty()) return render(templates, exchange, *page, form, errors.fields(), 422);
  auto saved = app::put_intake(exchange.app, exchange.actor, placement_id,
                               [&](Intake& intake, ErrorList& problems) {
                                 read_subject(form, "maths", intake.maths, problems);
                                 read_subject(form, "english", intake.english, problems);
                                 intake.ks2_reading = ks2_reading;
                                 intake.ks2_maths = ks2_maths;
                                 intake.notes = form_text(form, "notes");
                               });
  if (!saved.ok()) {
    if (ends_request(saved.error())) return error_page(templates, exchange, saved.error());
    std::vector<FieldError> fields = prefixed_errors(saved.error(), "", "notes");
    for (auto& field : fields)  // the scale is the grade select's: show the problem there
      if (field.field.ends_with(".scale")) field.field.resize(field.field.size() - 6);
    return render(templates, exchange, *page, form, fields, 422);
  }
  return Response::redirect(
      fmt::format("/pupils/{}/intake?saved=intake", page->view.placement.pupil_id));
}

}  // namespace

void register_intake_edit_page(Router& router, const Templates& templates) {
  router.page(Method::Get, "/placements/{id}/intake", [&templates](Exchange& exchange) {
    auto id = exchange.id("id", "placement");
    if (!id.ok()) return error_page(templates, exchange, id.error());
    auto page = load(exchange, *id);
    if (!page.ok()) return error_page(templates, exchange, page.error());
    const Params form = page->view.intake ? intake_params(*page->view.intake) : Params{};
    return render(templates, exchange, *page, form, {}, 200);
  });
  router.page(Method::Post, "/placements/{id}/intake", [&templates](Exchange& exchange) {
    auto id = exchange.id("id", "placement");
    if (!id.ok()) return error_page(templates, exchange, id.error());
    return save(templates, exchange, *id);
  });
}

}  // namespace waymark::web
