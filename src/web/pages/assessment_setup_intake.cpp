// /pupils/{id}/intake: per placement, the home school's data (read-only here; "Change" opens
// /placements/{id}/intake for those allowed) and the home-school work list, with a form to add
// work (the intake's editors) and a status change per item (they and the provider's teachers).
#include <fmt/format.h>

#include "app/grade_scales.h"
#include "app/intake.h"
#include "app/pupils.h"
#include "web/pages/assessment_setup_helpers.h"
#include "web/pages/form_helpers.h"
#include "web/pages/pages.h"

namespace waymark::web {

namespace {

std::string grade_text(store::Connection& connection, Id organisation_id,
                       const std::optional<GradeRef>& grade) {
  if (!grade) return "Not given";
  auto scale = app::scale_for(connection, organisation_id, grade->scale_key);
  if (!scale.ok()) return grade->code;
  return fmt::format("{} ({})", grade_label(*scale, grade->code), scale->name());
}

std::string board_text(const SubjectIntake& subject) {
  if (!subject.exam_board) return "Not given";
  if (*subject.exam_board == ExamBoard::Other && !subject.exam_board_other.empty())
    return subject.exam_board_other;
  return label(*subject.exam_board);
}

Data row(const std::string& key, const std::string& value) {
  Data data{Data::type::object};
  data.set("key", key);
  data.set("value", value);
  return data;
}

List intake_rows(store::Connection& connection, Id provider_id, const Intake& intake) {
  List rows;
  for (const auto& [name, subject] :
       {std::pair<const char*, const SubjectIntake*>{"Maths", &intake.maths},
        {"English", &intake.english}}) {
    rows.push_back(row(fmt::format("{} working at", name),
                       grade_text(connection, provider_id, subject->working_at)));
    rows.push_back(row(fmt::format("{} KS4 target", name),
                       grade_text(connection, provider_id, subject->ks4_target)));
    rows.push_back(row(fmt::format("{} KS3 target", name),
                       grade_text(connection, provider_id, subject->ks3_target)));
    rows.push_back(row(fmt::format("{} exam board", name), board_text(*subject)));
  }
  auto score = [](const std::optional<int>& value) {
    return value ? std::to_string(*value) : std::string("Not given");
  };
  rows.push_back(row("KS2 reading scaled score", score(intake.ks2_reading)));
  rows.push_back(row("KS2 maths scaled score", score(intake.ks2_maths)));
  rows.push_back(row("Notes", intake.notes.empty() ? "None" : intake.notes));
  std::string updated = format_moment(intake.updated_at);
  if (!intake.updated_by_name.empty()) updated += " by " + intake.updated_by_name;
  rows.push_back(row("Last updated", updated));
  return rows;
}

const char* status_class(WorkStatus status) {
  switch (status) {
    case WorkStatus::Set:
      return "govuk-tag--grey";
    case WorkStatus::InProgress:
      return "govuk-tag--blue";
    case WorkStatus::Completed:
      return "govuk-tag--green";
  }
  return "";
}

List work_rows(const app::IntakeView& view, const Data& errors) {
  List rows;
  for (const HomeSchoolWork& work : view.work) {
    const std::string id = std::to_string(work.id);
    Data item{Data::type::object};
    item.set("id", id);
    item.set("title", work.title);
    item.set("subject", work.subject);
    item.set("details", optional_text(work.details));
    item.set("set", format_date(work.set_date));
    item.set("due", format_date(work.due_date, "No date"));
    item.set("status", label(work.status));
    item.set("status_class", status_class(work.status));
    item.set("completed", format_date(work.completed_date, ""));
    std::vector<Option> statuses;
    for (WorkStatus status : {WorkStatus::Set, WorkStatus::InProgress, WorkStatus::Completed})
      statuses.push_back({to_string(status), label(status)});
    item.set("statuses", option_list(statuses, to_string(work.status)));
    item.set("error", optional_text(error_for(errors, "work_" + id + "_status")));
    rows.push_back(item);
  }
  return rows;
}

const char* flash_for(const std::string& saved) {
  if (saved == "intake") return "Intake saved";
  if (saved == "work") return "Work added";
  if (saved == "status") return "Status changed";
  return "";
}

Response render(const Templates& templates, Exchange& exchange, Id pupil_id,
                const std::vector<FieldError>& errors, const Params& form, int status) {
  auto profile = app::pupil_profile(exchange.app, exchange.actor, pupil_id);
  if (!profile.ok()) return error_page(templates, exchange, profile.error());
  auto& connection = exchange.app.store.connection();
  const Data error_data = error_map(errors);
  List placements;
  for (const app::PlacementView& placement : profile->placements) {
    auto view = app::get_intake(exchange.app, exchange.actor, placement.placement.id);
    if (!view.ok()) {
      if (view.error().kind == ErrorKind::NotFound) continue;  // not this actor's to read
      return error_page(templates, exchange, view.error());
    }
    const std::string id = std::to_string(placement.placement.id);
    Data card{Data::type::object};
    card.set("id", id);
    card.set("provider", placement.provider_name);
    card.set("commissioner", placement.commissioner_name);
    card.set("status", label(placement.placement.status));
    card.set("referred", format_date(placement.placement.referral_date));
    card.set("has_intake", view->intake.has_value());
    if (view->intake)
      card.set("rows", intake_rows(connection, placement.placement.provider_id, *view->intake));
    card.set("edit_href",
             view->can_edit ? Data(fmt::format("/placements/{}/intake", id)) : Data(false));
    List work = work_rows(*view, error_data);
    card.set("has_work", !work.empty());
    card.set("work", work);
    card.set("can_update_work", view->can_update_work);
    card.set("can_edit", view->can_edit);
    const std::string prefix = "add_" + id + "_";
    List fields;
    fields.push_back(
        text_field(prefix + "title", "Title", form_text(form, prefix + "title"), error_data));
    fields.push_back(text_field(prefix + "subject", "Subject", form_text(form, prefix + "subject"),
                                error_data, "As the home school names it",
                                "govuk-!-width-one-half"));
    fields.push_back(textarea_field(prefix + "details", "Details",
                                    form_text(form, prefix + "details"), error_data));
    fields.push_back(date_field(prefix + "due_date", "Due date",
                                form_text(form, prefix + "due_date"), error_data, "Optional"));
    card.set("fields", fields);
    bool add_failed = false;  // keeps the form open so the error summary's links land
    for (const char* name : {"title", "subject", "details", "due_date"})
      add_failed = add_failed || !error_for(error_data, prefix + name).empty();
    card.set("add_open", add_failed);
    placements.push_back(card);
  }
  Data data{Data::type::object};
  data.set("pupil_id", std::to_string(pupil_id));
  data.set("name", profile->pupil.display_name());
  data.set("csrf_token", exchange.csrf_token);
  data.set("placements", placements);
  data.set("has_placements", !placements.empty());
  PageFrame frame = page_frame(exchange, "Intake: " + profile->pupil.display_name());
  frame.errors = errors;
  frame.flash = flash_for(exchange.request.param("saved"));
  return render_page(templates, frame, "intake_pupil", data, status);
}

Response add_work(const Templates& templates, Exchange& exchange, Id placement_id) {
  auto view = app::get_intake(exchange.app, exchange.actor, placement_id);
  if (!view.ok()) return error_page(templates, exchange, view.error());
  const Id pupil_id = view->placement.pupil_id;
  const Params form = exchange.form();
  const std::string prefix = fmt::format("add_{}_", placement_id);
  ErrorList errors;
  HomeSchoolWork work;
  work.title = form_text(form, prefix + "title");
  work.subject = form_text(form, prefix + "subject");
  work.details = form_text(form, prefix + "details");
  work.set_date = exchange.app.clock.today();
  work.due_date = read_form_date(form, prefix + "due_date", Required::No, errors);
  if (!errors.empty()) return render(templates, exchange, pupil_id, errors.fields(), form, 422);
  auto added = app::add_home_school_work(exchange.app, exchange.actor, placement_id, work);
  if (!added.ok()) {
    if (ends_request(added.error())) return error_page(templates, exchange, added.error());
    auto fields = prefixed_errors(added.error(), prefix, "title");
    for (auto& field : fields)  // set_date is today's: a problem with it shows on the due date
      if (field.field == prefix + "set_date") field.field = prefix + "due_date";
    return render(templates, exchange, pupil_id, fields, form, 422);
  }
  return Response::redirect(fmt::format("/pupils/{}/intake?saved=work", pupil_id));
}

Response change_status(const Templates& templates, Exchange& exchange, Id work_id) {
  const Params form = exchange.form();
  const std::string field = fmt::format("work_{}_status", work_id);
  auto updated = app::update_home_school_work(
      exchange.app, exchange.actor, work_id, [&](HomeSchoolWork& work, ErrorList& errors) {
        auto status = parse_work_status(form_text(form, "status"), "status");
        if (!status.ok()) {
          errors.add_all(status.error());
          return;
        }
        if (*status != WorkStatus::Completed) work.completed_date.reset();
        work.status = *status;
      });
  if (updated.ok()) {
    auto view = app::get_intake(exchange.app, exchange.actor, updated->placement_id);
    if (!view.ok()) return error_page(templates, exchange, view.error());
    return Response::redirect(
        fmt::format("/pupils/{}/intake?saved=status", view->placement.pupil_id));
  }
  if (ends_request(updated.error())) return error_page(templates, exchange, updated.error());
  // The use case names the work's fields; on this page they all belong to the one status select.
  std::vector<FieldError> errors;
  for (const auto& problem : prefixed_errors(updated.error(), "", "status"))
    errors.push_back({field, problem.reason});
  // The page to show again; render checks the actor may see that pupil.
  return render(templates, exchange, read_form_id(form, "pupil_id"), errors, {}, 422);
}

}  // namespace

void register_intake_pages(Router& router, const Templates& templates) {
  router.page(Method::Get, "/pupils/{id}/intake", [&templates](Exchange& exchange) {
    auto id = exchange.id("id", "pupil");
    if (!id.ok()) return error_page(templates, exchange, id.error());
    return render(templates, exchange, *id, {}, {}, 200);
  });
  router.page(Method::Post, "/placements/{id}/home-school-work", [&templates](Exchange& exchange) {
    auto id = exchange.id("id", "placement");
    if (!id.ok()) return error_page(templates, exchange, id.error());
    return add_work(templates, exchange, *id);
  });
  router.page(Method::Post, "/home-school-work/{id}/status", [&templates](Exchange& exchange) {
    auto id = exchange.id("id", "home-school work");
    if (!id.ok()) return error_page(templates, exchange, id.error());
    return change_status(templates, exchange, *id);
  });
}

}  // namespace waymark::web
