// GET /feedback-forms/{id}: one feedback form, read-only or (draft or ready, for the provider's
// staff) as an edit form with Ready / Send / Correct buttons. GET /feedback-forms/{id}.pdf: the
// PDF.
#include <charconv>

#include <fmt/format.h>

#include "app/feedback_form_codec.h"
#include "app/feedback_form_prefill.h"
#include "app/feedback_forms.h"
#include "store/feedback_form_store.h"
#include "web/pages/feedback_form_edit.h"
#include "web/pages/feedback_form_views.h"
#include "web/pages/form_helpers.h"

namespace waymark::web {

namespace {

std::string status_class(FeedbackFormStatus status) {
  switch (status) {
    case FeedbackFormStatus::Draft:
      return "govuk-tag--grey";
    case FeedbackFormStatus::Ready:
      return "govuk-tag--blue";
    case FeedbackFormStatus::Sent:
      return "govuk-tag--green";
  }
  return "";
}

Data field(const std::string& id, const std::string& value, const Data& errors) {
  Data data{Data::type::object};
  data.set("id", id);
  data.set("value", value);
  data.set("error", optional_text(error_for(errors, id)));
  return data;
}

Data select_field(const std::string& id, const std::vector<Option>& options,
                  const std::string& selected, const std::string& blank, const Data& errors) {
  Data data = field(id, "", errors);
  data.set("options", option_list(options, selected, blank));
  return data;
}

std::string join_lines(const std::vector<std::string>& lines) {
  std::string text;
  for (const auto& line : lines) text += (text.empty() ? "" : "\n") + line;
  return text;
}

std::string proposal_text(const FeedbackFormSubject& row) {
  if (row.proposed)
    return fmt::format("Waymark proposes {}: {}", label(*row.proposed), row.proposal_reason);
  return fmt::format("No proposal: {}", row.proposal_reason.empty() ? "enter the working-at grade"
                                                                    : row.proposal_reason);
}

Response render_view(const Templates& templates, Exchange& exchange, const FeedbackForm& form,
                     std::vector<FieldError> errors, int status) {
  auto& connection = exchange.app.store.connection();
  auto pupil = connection.pupil(form.pupil_id);
  const std::string pupil_name = pupil ? pupil->display_name() : "Pupil";
  const bool writer = app::writes_feedback_forms(exchange.actor, form.provider_id);
  const bool editable = writer && form.status != FeedbackFormStatus::Sent;
  const std::string base = fmt::format("/feedback-forms/{}", form.id);
  const Data error_data = error_map(errors);

  Data data{Data::type::object};
  data.set("back_href", fmt::format("/pupils/{}/feedback-forms", form.pupil_id));
  data.set("pupil_name", pupil_name);
  data.set("heading", fmt::format("Feedback form: period {}", form.period_number));
  data.set("period_text", fmt::format("{} to {}, due {}", format_date(form.period_start),
                                      format_date(form.period_end), format_date(form.period_end)));
  data.set("status", label(form.status));
  data.set("status_class", status_class(form.status));
  data.set("version_text", form.version > 1
                               ? Data(fmt::format("Version {}: a correction", form.version))
                               : Data(false));
  data.set("supersedes_href", form.supersedes_id != 0
                                  ? Data(fmt::format("/feedback-forms/{}", form.supersedes_id))
                                  : Data(false));
  data.set("sent_text", form.sent_at
                            ? Data("Sent on " + format_date(Date::from_days(*form.sent_at / 86400)))
                            : Data(false));
  data.set("pdf_href", base + ".pdf");
  data.set("attendance_text", form.attendance_percent
                                  ? fmt::format("Attendance: {:.0f}%", *form.attendance_percent)
                                  : std::string(app::kAttendanceNotRecorded));
  data.set("comment", optional_text(form.comment));
  data.set("editable", editable);
  data.set("action", base);
  data.set("csrf_token", exchange.csrf_token);
  data.set("updated_at", std::to_string(form.updated_at));

  const std::vector<Option> atl_options = {{"4", "4 – Exceptional"},
                                           {"3", "3 – Good"},
                                           {"2", "2 – Requires Improvement"},
                                           {"1", "1 – Poor"}};
  const std::vector<Option> indicator_options = {
      {"exceeding", "Exceeding"}, {"meeting", "Meeting"}, {"working_towards", "Working Towards"}};
  List subjects;
  List rows;
  for (std::size_t index = 0; index < form.subjects.size(); ++index) {
    const FeedbackFormSubject& row = form.subjects[index];
    const std::string working_at =
        app::grade_label(connection, form.provider_id, row.working_at_scale, row.working_at);
    Data item{Data::type::object};
    item.set("name", row.subject_name);
    List topics;
    for (const auto& topic : row.topics) {
      Data text{Data::type::object};
      text.set("text", topic);
      topics.push_back(text);
    }
    item.set("topics", topics);
    item.set("atl_text", row.atl ? fmt::format("{} – {}", *row.atl, atl_label(*row.atl))
                                 : std::string("Not given"));
    item.set("working_at", working_at.empty() ? std::string("Not given") : working_at);
    item.set("indicator", row.indicator ? label(*row.indicator) : "Not chosen");
    item.set("proposed_text", optional_text(row.proposed ? proposal_text(row) : ""));
    item.set("override_reason", optional_text(row.override_reason));
    subjects.push_back(item);

    Data edit{Data::type::object};
    edit.set("index", std::to_string(index));
    edit.set("subject_id", std::to_string(row.subject_id));
    edit.set("name", row.subject_name);
    edit.set("topics_field",
             field(fmt::format("subject_{}_topics", index), join_lines(row.topics), error_data));
    edit.set("atl_field",
             select_field(fmt::format("subject_{}_atl", index), atl_options,
                          row.atl ? std::to_string(*row.atl) : "", "Choose a grade", error_data));
    Data working = field(fmt::format("subject_{}_working_at", index), row.working_at, error_data);
    working.set("hint", fmt::format("A grade on the {} scale", row.working_at_scale));
    edit.set("working_at_field", working);
    Data indicator = select_field(fmt::format("subject_{}_indicator", index), indicator_options,
                                  row.indicator ? to_string(*row.indicator) : "",
                                  "Choose an indicator", error_data);
    indicator.set("proposal_text", proposal_text(row));
    edit.set("indicator_field", indicator);
    edit.set("reason_field", field(fmt::format("subject_{}_override_reason", index),
                                   row.override_reason, error_data));
    edit.set("remove_id", fmt::format("subject_{}_remove", index));
    rows.push_back(edit);
  }
  data.set("subjects", subjects);
  data.set("rows", rows);
  std::vector<Option> addable;
  for (const Subject& subject : connection.subjects_of(form.provider_id)) {
    bool present = false;
    for (const auto& row : form.subjects) present = present || row.subject_id == subject.id;
    if (!present) addable.push_back({std::to_string(subject.id), subject.name});
  }
  Data add{Data::type::object};
  add.set("options", option_list(addable, "", "No subject to add"));
  data.set("add_subject", addable.empty() ? Data(false) : add);
  data.set("comment_field", field("comment", form.comment, error_data));

  List actions;
  auto action = [&](const char* verb, const char* text, bool secondary, bool warning) {
    Data item{Data::type::object};
    item.set("href", base + "/" + verb);
    item.set("text", text);
    item.set("id", std::string(verb) + "-button");
    item.set("secondary", secondary);
    item.set("warning", warning);
    item.set("csrf_token", exchange.csrf_token);
    actions.push_back(item);
  };
  if (writer) {
    if (form.status == FeedbackFormStatus::Draft) action("ready", "Mark as ready", true, false);
    if (form.status == FeedbackFormStatus::Ready) {
      action("send", "Send to the school", false, false);
      action("draft", "Back to draft", true, false);
    }
    if (form.status == FeedbackFormStatus::Sent)
      action("correct", "Correct this form", false, true);
  }
  data.set("actions", actions);

  PageFrame frame = page_frame(exchange, fmt::format("Feedback form – {}", pupil_name));
  frame.errors = std::move(errors);
  const std::string saved = exchange.request.param("saved");
  if (saved == "form") frame.flash = "Feedback form saved";
  if (saved == "ready") frame.flash = "Feedback form marked as ready";
  if (saved == "draft") frame.flash = "Feedback form back to draft";
  if (saved == "send") frame.flash = "Feedback form sent";
  if (saved == "correct") frame.flash = "Correction started: a new version of the form";
  return render_page(templates, frame, "feedback_form_view", data, status);
}

std::vector<FieldError> form_field_errors(const Error& error) {
  std::vector<FieldError> renamed;
  for (const FieldError& item : error.fields)
    renamed.push_back({feedback_form_field(item.field), item.reason});
  return form_errors(
      renamed, [](const std::string& name) { return name; },
      [](const std::string& name) {
        static const std::vector<std::pair<std::string, std::string>> labels = {
            {"_atl", "Attitude to learning"},
            {"_working_at", "Working-at grade"},
            {"_indicator", "Progress indicator"},
            {"_override_reason", "Reason"},
            {"_topics", "Topics"},
            {"comment", "Comment"}};
        for (const auto& [suffix, words] : labels)
          if (name.ends_with(suffix)) return words;
        return std::string();
      });
}

Response view(const Templates& templates, Exchange& exchange) {
  std::string segment = exchange.path["id"];
  const bool pdf = segment.size() > 4 && segment.ends_with(".pdf");
  if (pdf) segment.resize(segment.size() - 4);
  auto id = parse_path_id(segment, "feedback form");
  if (!id.ok()) return error_page(templates, exchange, id.error());
  if (pdf) {
    auto response = feedback_form_pdf_response(exchange, *id);
    if (!response.ok()) return error_page(templates, exchange, response.error());
    return std::move(response).value();
  }
  auto form = app::get_feedback_form(exchange.app, exchange.actor, *id);
  if (!form.ok()) return error_page(templates, exchange, form.error());
  return render_view(templates, exchange, *form, {}, 200);
}

Response save(const Templates& templates, Exchange& exchange) {
  auto id = exchange.id("id", "feedback form");
  if (!id.ok()) return error_page(templates, exchange, id.error());
  const Params params = exchange.form();
  std::optional<std::int64_t> expected;
  if (auto text = form_text(params, "updated_at"); !text.empty()) {
    // A tampered hidden field is bad input: refuse it as a value, never throw.
    std::int64_t value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size()) {
      auto current = app::get_feedback_form(exchange.app, exchange.actor, *id);
      if (!current.ok()) return error_page(templates, exchange, current.error());
      return render_view(templates, exchange, *current,
                         {{"form-status", "The form could not be read: reload it and try again"}},
                         422);
    }
    expected = value;
  }
  auto saved = app::update_feedback_form(
      exchange.app, exchange.actor, *id,
      [&](FeedbackForm& form, ErrorList& errors) {
        read_feedback_form_fields(params, form, errors);
      },
      expected);
  if (saved.ok()) return Response::redirect(fmt::format("/feedback-forms/{}?saved=form", *id));
  if (saved.error().kind != ErrorKind::Invalid && saved.error().kind != ErrorKind::Conflict)
    return error_page(templates, exchange, saved.error());
  // Show what was typed, with the errors.
  auto current = app::get_feedback_form(exchange.app, exchange.actor, *id);
  if (!current.ok()) return error_page(templates, exchange, current.error());
  FeedbackForm shown = *current;
  ErrorList ignored;
  read_feedback_form_fields(params, shown, ignored);
  std::map<Id, std::string> names;
  for (const auto& row : current->subjects) names[row.subject_id] = row.subject_name;
  for (const Subject& subject : exchange.app.store.connection().subjects_of(shown.provider_id))
    names[subject.id] = subject.name;
  for (auto& row : shown.subjects) row.subject_name = names[row.subject_id];
  std::vector<FieldError> errors = form_field_errors(saved.error());
  if (errors.empty()) errors.push_back({"form-status", saved.error().message});
  return render_view(templates, exchange, shown, errors,
                     saved.error().kind == ErrorKind::Invalid ? 422 : 409);
}

void register_action(Router& router, const Templates& templates, const std::string& verb,
                     std::function<Result<FeedbackForm>(Exchange&, Id)> run) {
  router.page(
      Method::Post, "/feedback-forms/{id}/" + verb, [&templates, verb, run](Exchange& exchange) {
        auto id = exchange.id("id", "feedback form");
        if (!id.ok()) return error_page(templates, exchange, id.error());
        auto result = run(exchange, *id);
        if (result.ok())
          return Response::redirect(fmt::format("/feedback-forms/{}?saved={}", result->id, verb));
        if (result.error().kind != ErrorKind::Invalid && result.error().kind != ErrorKind::Conflict)
          return error_page(templates, exchange, result.error());
        auto current = app::get_feedback_form(exchange.app, exchange.actor, *id);
        if (!current.ok()) return error_page(templates, exchange, current.error());
        std::vector<FieldError> errors = form_field_errors(result.error());
        if (errors.empty()) errors.push_back({"form-status", result.error().message});
        return render_view(templates, exchange, *current, errors, 422);
      });
}

}  // namespace

void register_feedback_form_view_pages(Router& router, const Templates& templates) {
  router.page(Method::Get, "/feedback-forms/{id}",
              [&templates](Exchange& exchange) { return view(templates, exchange); });
  router.page(Method::Post, "/feedback-forms/{id}",
              [&templates](Exchange& exchange) { return save(templates, exchange); });
  auto status = [](FeedbackFormStatus to) {
    return [to](Exchange& exchange, Id id) {
      return app::set_feedback_form_status(exchange.app, exchange.actor, id, to);
    };
  };
  register_action(router, templates, "ready", status(FeedbackFormStatus::Ready));
  register_action(router, templates, "draft", status(FeedbackFormStatus::Draft));
  register_action(router, templates, "send", status(FeedbackFormStatus::Sent));
  register_action(router, templates, "correct", [](Exchange& exchange, Id id) {
    return app::correct_feedback_form(exchange.app, exchange.actor, id);
  });
}

}  // namespace waymark::web
