// /settings/ks3-expectations: what counts as Meeting for each KS3 year and term (a range of
// grades on the KS3 scale). Anyone signed in reads the table; admins and heads edit it in one
// form, a row per year and term (both grades blank leaves that row out of the table).
#include <fmt/format.h>

#include "app/grade_scales.h"
#include "web/pages/assessment_setup_helpers.h"
#include "web/pages/form_helpers.h"
#include "web/pages/pages.h"

namespace waymark::web {

namespace {

constexpr SchoolTerm kTerms[] = {SchoolTerm::Autumn, SchoolTerm::Spring, SchoolTerm::Summer};

std::string row_key(int nc_year, SchoolTerm term) {
  return fmt::format("y{}_{}", nc_year, app::term_key(term));
}

Params table_params(const std::vector<Ks3Expectation>& table) {
  Params form;
  for (const Ks3Expectation& row : table) {
    form.emplace(row_key(row.nc_year, row.term) + "_from", row.meeting_from);
    form.emplace(row_key(row.nc_year, row.term) + "_to", row.meeting_to);
  }
  return form;
}

Response render(const Templates& templates, Exchange& exchange, const Params& form,
                const std::vector<FieldError>& errors, int status) {
  auto table = app::get_ks3_expectations(exchange.app, exchange.actor);
  if (!table.ok()) return error_page(templates, exchange, table.error());
  auto scale =
      app::scale_for(exchange.app.store.connection(), exchange.actor.organisation_id, "ks3");
  if (!scale.ok()) return error_page(templates, exchange, scale.error());
  const Params shown = errors.empty() ? table_params(*table) : form;
  const Data error_data = error_map(errors);
  List rows;
  for (int nc_year = 7; nc_year <= 9; ++nc_year) {
    for (SchoolTerm term : kTerms) {
      const std::string key = row_key(nc_year, term);
      const std::string from = form_text(shown, key + "_from");
      const std::string to = form_text(shown, key + "_to");
      Data row{Data::type::object};
      const std::string heading = fmt::format("Year {}, {}", nc_year, label(term));
      row.set("heading", heading);
      row.set("meeting",
              from.empty() && to.empty()
                  ? std::string("Not set")
                  : fmt::format("{} to {}", grade_label(*scale, from), grade_label(*scale, to)));
      List fields;
      fields.push_back(select_field(key + "_from", "Meeting from",
                                    grade_options(*scale, from, "Not set"), error_data));
      fields.push_back(select_field(key + "_to", "Meeting up to",
                                    grade_options(*scale, to, "Not set"), error_data));
      row.set("fields", fields);
      rows.push_back(row);
    }
  }
  Data data{Data::type::object};
  data.set("rows", rows);
  data.set("scale", scale->name());
  data.set("can_edit", is_admin_or_head(exchange.actor));
  data.set("csrf_token", exchange.csrf_token);
  PageFrame frame = page_frame(exchange, "KS3 expectations", "/settings");
  frame.errors = errors;
  if (exchange.request.param("saved") == "table") frame.flash = "KS3 expectations saved";
  return render_page(templates, frame, "scales_ks3_expectations", data, status);
}

Response save(const Templates& templates, Exchange& exchange) {
  const Params form = exchange.form();
  std::vector<Ks3Expectation> table;
  std::vector<std::string> keys;  // table index -> form row, to name errors by field
  for (int nc_year = 7; nc_year <= 9; ++nc_year) {
    for (SchoolTerm term : kTerms) {
      const std::string key = row_key(nc_year, term);
      Ks3Expectation row{.nc_year = nc_year,
                         .term = term,
                         .meeting_from = form_text(form, key + "_from"),
                         .meeting_to = form_text(form, key + "_to")};
      if (row.meeting_from.empty() && row.meeting_to.empty()) continue;
      table.push_back(row);
      keys.push_back(key);
    }
  }
  auto saved = app::set_ks3_expectations(exchange.app, exchange.actor, table);
  if (saved.ok()) return Response::redirect("/settings/ks3-expectations?saved=table");
  if (ends_request(saved.error())) return error_page(templates, exchange, saved.error());
  // "expectations[3].meeting_to" counts from 1: the third row sent.
  std::vector<FieldError> errors;
  for (const FieldError& field : saved.error().fields) {
    std::string name = keys.empty() ? row_key(7, SchoolTerm::Autumn) + "_from" : keys[0] + "_from";
    const auto open = field.field.find('[');
    const auto close = field.field.find(']');
    if (open != std::string::npos && close != std::string::npos && close > open) {
      const std::size_t position = static_cast<std::size_t>(
          std::atoi(field.field.substr(open + 1, close - open - 1).c_str()));
      if (position >= 1 && position <= keys.size())
        name = keys[position - 1] + (field.field.ends_with("meeting_to") ? "_to" : "_from");
    }
    errors.push_back({name, error_sentence({"Year " + name.substr(1, 1) + " " +
                                                name.substr(3, name.rfind('_') - 3) + " " +
                                                (name.ends_with("_to") ? "up to" : "from"),
                                            field.reason})});
  }
  if (errors.empty())
    errors.push_back({row_key(7, SchoolTerm::Autumn) + "_from", "Check the table"});
  return render(templates, exchange, form, errors, 422);
}

}  // namespace

void register_ks3_expectations_page(Router& router, const Templates& templates) {
  router.page(Method::Get, "/settings/ks3-expectations", [&templates](Exchange& exchange) {
    return render(templates, exchange, {}, {}, 200);
  });
  router.page(Method::Post, "/settings/ks3-expectations",
              [&templates](Exchange& exchange) { return save(templates, exchange); });
}

}  // namespace waymark::web
