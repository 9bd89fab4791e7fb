// GET/POST /pupils/new and /pupils/{id}/edit: the pupil form. A failed save shows the form again
// with what the user typed, an error summary and inline errors (422), or the conflict (409) when
// someone else saved the pupil after the form was opened.
#include <fmt/format.h>

#include "app/pupils.h"
#include "app/users.h"
#include "web/pages/form_helpers.h"
#include "web/pages/pages.h"

namespace waymark::web {

namespace {

struct FormPage {
  std::string heading;
  std::string caption;
  std::string action;
  std::string back_href;
  std::string updated_at;  // edit only
  bool conflict = false;
  std::string reload_href;
};

Data organisation_select(const Exchange& exchange, OrgRole role, const std::string& selected,
                         const Data& errors, const std::string& field) {
  Data data{Data::type::object};
  const char* blank = role == OrgRole::Provider ? "Choose a provider" : "Choose a school or LA";
  data.set("options", option_list(organisation_options(app::list_organisations(exchange.app), role),
                                  selected, blank));
  data.set("error", optional_text(error_for(errors, field)));
  return data;
}

Response render_form(const Templates& templates, const Exchange& exchange, const FormPage& page,
                     const Params& form, std::vector<FieldError> errors, int status) {
  const Data error_data = error_map(errors);
  Data data = pupil_form_data(form, error_data);
  data.set("heading", page.heading);
  data.set("caption", optional_text(page.caption));
  data.set("action", page.action);
  data.set("back_href", page.back_href);
  data.set("submit_text", "Save pupil");
  data.set("csrf_token", exchange.csrf_token);
  data.set("updated_at", optional_text(page.updated_at));
  if (page.conflict) {
    Data conflict{Data::type::object};
    conflict.set("reload_href", page.reload_href);
    data.set("conflict", conflict);
  }
  const bool is_new = page.updated_at.empty();
  if (is_new) {
    switch (exchange.actor.organisation_kind) {
      case OrgKind::Provider:
        data.set("commissioner", organisation_select(exchange, OrgRole::Commissioner,
                                                     form_text(form, "commissioner_id"), error_data,
                                                     "commissioner_id"));
        break;
      case OrgKind::LocalAuthority:
        data.set("provider",
                 organisation_select(exchange, OrgRole::Provider, form_text(form, "provider_id"),
                                     error_data, "provider_id"));
        break;
      case OrgKind::School: {
        InputSpec admission;
        admission.name = "admission_date";
        admission.label = "Admission date (optional)";
        admission.value = form_text(form, "admission_date");
        admission.hint = "The day the pupil joins your roll. Leave blank for today.";
        admission.type = "date";
        admission.width = "govuk-input--width-10";
        data.set("admission_date", input_data(admission, error_data));
        break;
      }
    }
  }
  PageFrame frame = page_frame(exchange, page.heading);
  frame.errors = std::move(errors);
  return render_page(templates, frame, "pupil_form", data, status);
}

// A failed save as a page: field errors (Invalid, or a UPN Conflict) or the stale-form Conflict
// go back to the form; anything else ends the request.
Response failed_save(const Templates& templates, const Exchange& exchange, FormPage page,
                     const Params& form, const Error& error, const PupilFormRows& rows) {
  if (error.kind == ErrorKind::Conflict && !error.fields.empty() &&
      error.fields.front().field == "updated_at") {
    page.conflict = true;
    return render_form(templates, exchange, page, form,
                       {{"conflict", "Someone else changed this pupil after you opened the form"}},
                       409);
  }
  if (error.kind == ErrorKind::Invalid || error.kind == ErrorKind::Conflict) {
    std::vector<FieldError> fields = error.fields;
    if (fields.empty()) fields.push_back({"legal_forename", error.message});
    return render_form(templates, exchange, page, form, pupil_form_errors(fields, rows),
                       error.kind == ErrorKind::Conflict ? 409 : 422);
  }
  return error_page(templates, exchange, error);
}

FormPage new_page() {
  return FormPage{"Add a pupil", "", "/pupils/new", "/pupils", "", false, ""};
}

Response new_pupil_form(const Templates& templates, Exchange& exchange) {
  if (!exchange.actor.can_edit_pupils())
    return error_page(templates, exchange,
                      Error::forbidden("only admins, teachers and heads can add pupils"));
  Pupil blank;
  Params form = pupil_form_params(blank);
  // Nothing is assumed about the pupil but their SEN status, which is usually "none".
  for (const char* field : {"dob", "sex"}) form.erase(field);
  return render_form(templates, exchange, new_page(), form, {}, 200);
}

Response create_pupil(const Templates& templates, Exchange& exchange) {
  const Params form = exchange.form();
  app::NewPupil request;
  ErrorList errors;
  PupilFormRows rows = read_pupil_form(form, request.pupil, errors);
  request.admission_date = read_form_date(form, "admission_date", Required::No, errors);
  request.commissioner_id = read_form_id(form, "commissioner_id");
  request.provider_id = read_form_id(form, "provider_id");
  if (!errors.empty()) {
    // Report the rest of the form's problems too, so the user fixes everything in one go.
    if (auto valid = validate_pupil(request.pupil, exchange.app.clock.today()); !valid.ok())
      errors.add_all(valid.error());
    // As app::create_pupil would say of an unanswered referral question.
    const OrgKind kind = exchange.actor.organisation_kind;
    if (kind == OrgKind::Provider && request.commissioner_id == 0)
      errors.add("commissioner_id", "choose the school or local authority that referred the pupil");
    if (kind == OrgKind::LocalAuthority && request.provider_id == 0)
      errors.add("provider_id", "choose the provider the pupil is referred to");
    return failed_save(templates, exchange, new_page(), form, errors.to_error(), rows);
  }
  auto id = app::create_pupil(exchange.app, exchange.actor, request);
  if (!id.ok()) return failed_save(templates, exchange, new_page(), form, id.error(), rows);
  return Response::redirect(fmt::format("/pupils/{}?saved=new", *id));
}

FormPage edit_page(const Pupil& pupil, const std::string& updated_at) {
  const std::string base = fmt::format("/pupils/{}", pupil.id);
  return FormPage{"Edit pupil", pupil.display_name(), base + "/edit", base, updated_at,
                  false,        base + "/edit"};
}

Response edit_pupil_form(const Templates& templates, Exchange& exchange) {
  auto id = exchange.id("id", "pupil");
  if (!id.ok()) return error_page(templates, exchange, id.error());
  auto profile = app::pupil_profile(exchange.app, exchange.actor, *id);
  if (!profile.ok()) return error_page(templates, exchange, profile.error());
  if (!profile->can_edit)
    return error_page(templates, exchange,
                      Error::forbidden("only admins, teachers and heads can change pupils"));
  const Pupil& pupil = profile->pupil;
  return render_form(templates, exchange, edit_page(pupil, std::to_string(pupil.updated_at)),
                     pupil_form_params(pupil), {}, 200);
}

Response update_pupil(const Templates& templates, Exchange& exchange) {
  auto id = exchange.id("id", "pupil");
  if (!id.ok()) return error_page(templates, exchange, id.error());
  auto profile = app::pupil_profile(exchange.app, exchange.actor, *id);
  if (!profile.ok()) return error_page(templates, exchange, profile.error());
  const Params form = exchange.form();
  // The version the form was opened on; without one (a hand-made post) the save is not checked.
  const std::string updated_at = form_text(form, "updated_at");
  std::optional<std::int64_t> expected;
  if (Id version = read_form_id(form, "updated_at"); version > 0) expected = version;

  PupilFormRows rows;
  auto updated = app::update_pupil(
      exchange.app, exchange.actor, *id,
      [&](Pupil& pupil, ErrorList& errors) { rows = read_pupil_form(form, pupil, errors); },
      expected);
  if (!updated.ok())
    return failed_save(templates, exchange, edit_page(profile->pupil, updated_at), form,
                       updated.error(), rows);
  return Response::redirect(fmt::format("/pupils/{}?saved=pupil", *id));
}

}  // namespace

void register_pupil_form_pages(Router& router, const Templates& templates) {
  router.page(Method::Get, "/pupils/new",
              [&templates](Exchange& exchange) { return new_pupil_form(templates, exchange); });
  router.page(Method::Post, "/pupils/new",
              [&templates](Exchange& exchange) { return create_pupil(templates, exchange); });
  router.page(Method::Get, "/pupils/{id}/edit",
              [&templates](Exchange& exchange) { return edit_pupil_form(templates, exchange); });
  router.page(Method::Post, "/pupils/{id}/edit",
              [&templates](Exchange& exchange) { return update_pupil(templates, exchange); });
}

}  // namespace waymark::web
