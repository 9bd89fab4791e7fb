// Shared pieces of the HTML pages: reading form fields into domain values (collecting every
// problem in an ErrorList, named by form field), building template data for inputs, selects,
// radios and tags, and the page frame and error pages every handler needs.
//
// Form field names double as element ids: a field named "contact_0_name" is rendered with
// id="contact_0_name" (field_anchor of the name is the name itself), so the error summary's links
// land on the input.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/organisation.h"
#include "core/placement.h"
#include "core/pupil.h"
#include "core/result.h"
#include "web/router.h"
#include "web/templates.h"

namespace waymark::web {

// ---------------------------------------------------------------------------------------------
// Reading forms
// ---------------------------------------------------------------------------------------------

enum class Required { No, Yes };

// The first value of `name`, with surrounding whitespace and carriage returns removed; "" when
// absent.
std::string form_text(const Params& form, const std::string& name);
// Every value of `name` (checkbox groups), in the order sent.
std::vector<std::string> form_values(const Params& form, const std::string& name);
// True when a checkbox named `name` was sent ticked (any value).
bool form_checked(const Params& form, const std::string& name);

// A date from an <input type="date"> (also accepts DD/MM/YYYY). Blank gives nullopt, plus
// "is required" when `required`. A bad date adds an error on `name`.
std::optional<Date> read_form_date(const Params& form, const std::string& name, Required required,
                                   ErrorList& errors);
// A positive id from a <select>; 0 when blank or not a number (the use case then reports it).
Id read_form_id(const Params& form, const std::string& name);
// A whole number; nullopt when blank; adds "must be a whole number" when it is not one.
std::optional<int> read_form_int(const Params& form, const std::string& name, ErrorList& errors);
// A decimal number such as "12.5"; nullopt when blank; adds an error when it is not a number.
std::optional<double> read_form_number(const Params& form, const std::string& name,
                                       ErrorList& errors);

// Renames the fields of `errors` from the domain's names ("contacts[1].name") to the form's
// ("contact_1_name") with `rename`, and makes each reason a sentence a reader can act on, using
// `label` for the field's words ("Legal surname is required"). Keeps only the first error of each
// field, as a reader fixes one thing at a time.
using FieldRename = std::function<std::string(const std::string& field)>;
using FieldLabel = std::function<std::string(const std::string& form_field)>;
std::vector<FieldError> form_errors(const std::vector<FieldError>& errors,
                                    const FieldRename& rename, const FieldLabel& label);

// ---------------------------------------------------------------------------------------------
// Template data
// ---------------------------------------------------------------------------------------------

// One form input for the shared input markup in the templates:
//   {id, name, label, value, hint, error, described_by, classes, type, autocomplete, inputmode}
// Optional keys are false when absent (kainjow treats "" as true in sections).
struct InputSpec {
  std::string name;
  std::string label;
  std::string value;
  std::string hint;
  std::string width = "govuk-!-width-two-thirds";  // or "govuk-input--width-10" and so on
  std::string type = "text";
  std::string autocomplete = "off";
  std::string inputmode;
};
Data input_data(const InputSpec& spec, const Data& errors);

// The error text for `field` from an error_map, or "" when there is none.
std::string error_for(const Data& errors, const std::string& field);

// <option>s: {value, text, selected}. The first is a blank "choose" option when `blank` is not "".
struct Option {
  std::string value;
  std::string text;
};
List option_list(const std::vector<Option>& options, const std::string& selected,
                 const std::string& blank = "");

// Radios or checkboxes: {id, name, value, text, checked, hint}. The first item's id is `name`
// itself (where the error summary links), the rest "<name>-<value>".
List choice_list(const std::string& name, const std::vector<Option>& options,
                 const std::vector<std::string>& checked);

// Organisations as options: providers, or commissioners (schools and local authorities).
enum class OrgRole { Provider, Commissioner };
std::vector<Option> organisation_options(const std::vector<Organisation>& organisations,
                                         OrgRole role);

// Tags for a pupil's flags and SEN: [{text, colour}] (colour is a govuk-tag modifier class).
List flag_tags(const Pupil& pupil);
// Whether to offer the actor a link to change the placement. Mirrors app::update_placement's rule
// (its provider's editors, or its commissioner's editors and commissioners); the use case checks
// again on save.
bool may_edit_placement(const Actor& actor, const Placement& placement);
// "govuk-tag--green" and so on for a placement status.
std::string status_tag_class(PlacementStatus status);
// 12.5 -> "12.5", 25 -> "25".
std::string format_hours(double hours);
// "12 Mar 2026".
std::string format_date(Date date);
std::string format_date(const std::optional<Date>& date, const std::string& absent);

// ---------------------------------------------------------------------------------------------
// Pages
// ---------------------------------------------------------------------------------------------

// The frame for a signed-in page: the actor, their organisation's name and the CSRF token.
PageFrame page_frame(const Exchange& exchange, std::string title,
                     std::string active_nav = "/pupils");
// An error page (error.mustache) for an Error that ends the request: 404 for NotFound, 403 for
// Forbidden, 500 otherwise. Never shows the error's own text for Internal.
Response error_page(const Templates& templates, const Exchange& exchange, const Error& error);

// ---------------------------------------------------------------------------------------------
// The pupil form's fields (pupil_form_fields.cpp), shared by /pupils/new and /pupils/{id}/edit.
// Field names: upn, legal_forename, legal_surname, preferred_forename, preferred_surname, dob,
// sex, nc_year_override, sen, flag_<key>, medical_needs, barrier_<key>, barrier_<key>_notes,
// contact_count and contact_<row>_{id,name,relationship,parental_responsibility,phone,phone_alt,
// email,priority,remove}. A contact row with no name, relationship, phone or email is ignored.
// ---------------------------------------------------------------------------------------------

// Where each kept contact and barrier came from in the form, to name their errors by field.
struct PupilFormRows {
  std::vector<int> contact_rows;          // contact index -> form row
  std::vector<std::string> barrier_keys;  // barrier index -> barrier key
};
// The form's values for a stored pupil: the edit page's starting point.
Params pupil_form_params(const Pupil& pupil);
// Reads every pupil field from `form` onto `pupil` (contacts keep their ids), adding parse errors.
PupilFormRows read_pupil_form(const Params& form, Pupil& pupil, ErrorList& errors);
// Renames domain error fields ("contacts[0].name") to form fields ("contact_0_name") as sentences,
// keeping the first error of each field.
std::vector<FieldError> pupil_form_errors(const std::vector<FieldError>& errors,
                                          const PupilFormRows& rows);
// Template data for the fields (pupil_form.mustache), from the form's values and its errors.
Data pupil_form_data(const Params& form, const Data& errors);

// The pupil pages, one registration per file (pupil_list.cpp, pupil_profile.cpp, ...), all
// called from register_pupil_pages in pupil_list.cpp. Order matters where patterns overlap:
// "/pupils/new" must be registered before "/pupils/{id}".
void register_pupil_list_page(Router& router, const Templates& templates);
void register_pupil_form_pages(Router& router, const Templates& templates);
void register_pupil_profile_page(Router& router, const Templates& templates);
void register_placement_form_pages(Router& router, const Templates& templates);
void register_pupil_audit_page(Router& router, const Templates& templates);

}  // namespace waymark::web
