// Feedback form pages: a pupil's forms (and starting one), the due list for the provider's staff,
// the sent forms a school or LA receives, and (feedback_form_view.cpp) one form.
#include <algorithm>

#include <fmt/format.h>

#include "app/feedback_form_due.h"
#include "app/feedback_forms.h"
#include "app/pupils.h"
#include "web/pages/feedback_form_edit.h"
#include "web/pages/form_helpers.h"
#include "web/pages/pages.h"

namespace waymark::web {

namespace {

std::string tag_class(FeedbackFormStatus status) {
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

std::string period_dates(Date start, Date end) {
  return format_date(start) + " to " + format_date(end);
}

Response pupil_forms(const Templates& templates, Exchange& exchange) {
  auto id = exchange.id("id", "pupil");
  if (!id.ok()) return error_page(templates, exchange, id.error());
  auto forms = app::pupil_feedback_forms(exchange.app, exchange.actor, *id);
  if (!forms.ok()) return error_page(templates, exchange, forms.error());
  auto pupil = exchange.app.store.connection().pupil(*id);
  const std::string name = pupil ? pupil->display_name() : "Pupil";
  Data data{Data::type::object};
  data.set("back_href", fmt::format("/pupils/{}", *id));
  data.set("pupil_name", name);
  List items;
  for (const FeedbackForm& form : *forms) {
    Data item{Data::type::object};
    item.set("href", fmt::format("/feedback-forms/{}", form.id));
    item.set("pdf_href", fmt::format("/feedback-forms/{}.pdf", form.id));
    item.set("period", std::to_string(form.period_number));
    item.set("dates", period_dates(form.period_start, form.period_end));
    item.set("version", std::to_string(form.version));
    item.set("status", label(form.status));
    item.set("status_class", tag_class(form.status));
    items.push_back(item);
  }
  data.set("has_forms", !items.empty());
  data.set("forms", items);
  auto periods = app::open_feedback_periods(exchange.app, exchange.actor, *id);
  if (periods.ok() && !periods->empty()) {
    std::vector<Option> options;
    for (const FeedbackPeriod& period : *periods)
      options.push_back(
          {std::to_string(period.number),
           fmt::format("Period {}: {}", period.number, period_dates(period.start, period.end))});
    Data create{Data::type::object};
    create.set("action", fmt::format("/pupils/{}/feedback-forms", *id));
    create.set("csrf_token", exchange.csrf_token);
    const std::string asked = exchange.request.param("period");
    const bool offered = std::any_of(options.begin(), options.end(),
                                     [&](const Option& option) { return option.value == asked; });
    create.set("periods", option_list(options, offered ? asked : options.back().value));
    data.set("create", create);
  } else {
    data.set("create", false);
  }
  PageFrame frame = page_frame(exchange, "Feedback forms – " + name);
  return render_page(templates, frame, "feedback_form_list", data);
}

Response create_form(const Templates& templates, Exchange& exchange) {
  auto id = exchange.id("id", "pupil");
  if (!id.ok()) return error_page(templates, exchange, id.error());
  const Params params = exchange.form();
  ErrorList errors;
  std::optional<int> period = read_form_int(params, "period_number", errors);
  auto created = app::create_feedback_form(exchange.app, exchange.actor, *id, period);
  if (created.ok()) return Response::redirect(fmt::format("/feedback-forms/{}", created->id));
  if (created.error().kind == ErrorKind::Conflict) {
    // The period already has a form: open it rather than fail.
    auto forms = app::pupil_feedback_forms(exchange.app, exchange.actor, *id);
    if (forms.ok())
      for (auto form = forms->rbegin(); form != forms->rend(); ++form)
        if (period && form->period_number == *period)
          return Response::redirect(fmt::format("/feedback-forms/{}", form->id));
  }
  return error_page(templates, exchange, created.error());
}

Response due_page(const Templates& templates, Exchange& exchange) {
  auto due = app::feedback_forms_due(exchange.app, exchange.actor);
  if (!due.ok()) return error_page(templates, exchange, due.error());
  List staff;
  for (const app::StaffDueForms& member : *due) {
    Data person{Data::type::object};
    person.set("name", member.display_name);
    List forms;
    for (const app::DueForm& item : member.forms) {
      Data row{Data::type::object};
      row.set("pupil_name", item.pupil_name);
      row.set("pupil_href", fmt::format("/pupils/{}/feedback-forms", item.pupil_id));
      // Preselects the due period: the pupil's page otherwise offers the latest one started.
      row.set("start_href", fmt::format("/pupils/{}/feedback-forms?period={}#create-form",
                                        item.pupil_id, item.period.number));
      row.set("period", fmt::format("{}: {}", item.period.number,
                                    period_dates(item.period.start, item.period.end)));
      row.set("due", format_date(item.period.end));
      row.set("overdue", item.overdue);
      row.set("form_href", item.form_id != 0 ? Data(fmt::format("/feedback-forms/{}", item.form_id))
                                             : Data(false));
      row.set("status", item.status ? label(*item.status) : "");
      forms.push_back(row);
    }
    person.set("forms", forms);
    staff.push_back(person);
  }
  Data data{Data::type::object};
  data.set("staff", staff);
  PageFrame frame = page_frame(exchange, "Feedback forms due", "/feedback-forms/due");
  return render_page(templates, frame, "feedback_form_due", data);
}

Response sent_page(const Templates& templates, Exchange& exchange) {
  auto items = app::sent_feedback_forms(exchange.app, exchange.actor);
  if (!items.ok()) return error_page(templates, exchange, items.error());
  List forms;
  for (const app::SentFormItem& item : *items) {
    Data row{Data::type::object};
    row.set("href", fmt::format("/feedback-forms/{}", item.form.id));
    row.set("pdf_href", fmt::format("/feedback-forms/{}.pdf", item.form.id));
    row.set("pupil_name", item.pupil_name);
    row.set("provider_name", item.provider_name);
    row.set("period", std::to_string(item.form.period_number));
    row.set("dates", period_dates(item.form.period_start, item.form.period_end));
    row.set("version", std::to_string(item.form.version));
    row.set("corrected", item.form.version > 1);
    row.set("sent", item.form.sent_at ? format_date(Date::from_days(*item.form.sent_at / 86400))
                                      : std::string());
    forms.push_back(row);
  }
  Data data{Data::type::object};
  data.set("has_forms", !forms.empty());
  data.set("forms", forms);
  PageFrame frame = page_frame(exchange, "Feedback forms received", "/feedback-forms");
  return render_page(templates, frame, "feedback_form_sent", data);
}

}  // namespace

void register_feedback_form_pages(Router& router, const Templates& templates) {
  router.page(Method::Get, "/pupils/{id}/feedback-forms",
              [&templates](Exchange& exchange) { return pupil_forms(templates, exchange); });
  router.page(Method::Post, "/pupils/{id}/feedback-forms",
              [&templates](Exchange& exchange) { return create_form(templates, exchange); });
  router.page(Method::Get, "/feedback-forms/due",
              [&templates](Exchange& exchange) { return due_page(templates, exchange); });
  router.page(Method::Get, "/feedback-forms",
              [&templates](Exchange& exchange) { return sent_page(templates, exchange); });
  register_feedback_form_view_pages(router, templates);
}

}  // namespace waymark::web
