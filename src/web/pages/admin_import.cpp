// /import: upload a pupils or placements CSV file (multipart/form-data), optionally as a dry run.
// Every problem in a file is listed in a table (row, column, problem); nothing is written unless
// the whole file is good.
#include <charconv>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "app/import.h"
#include "interop/placement_csv.h"
#include "interop/pupil_csv.h"
#include "web/pages/form_helpers.h"
#include "web/pages/multipart.h"
#include "web/pages/pages.h"

namespace waymark::web {

namespace {

enum class Kind { Pupils, Placements };

struct KindInfo {
  const char* key;   // "pupils": the route, the template file and the form's field prefix
  const char* noun;  // "pupil"
  std::size_t required_columns;  // how many of the reader's columns (listed first) are required
};

// The required counts follow interop/pupil_csv.h (upn, forename, surname, dob, sex) and
// interop/placement_csv.h (upn, provider_urn, commissioner_urn, referral_date).
KindInfo info(Kind kind) {
  return kind == Kind::Pupils ? KindInfo{"pupils", "pupil", 5}
                              : KindInfo{"placements", "placement", 4};
}

const std::vector<std::string>& columns(Kind kind) {
  return kind == Kind::Pupils ? interop::pupil_csv_columns() : interop::placement_csv_columns();
}

std::string joined(const std::vector<std::string>& items, std::size_t from, std::size_t to,
                   const char* separator) {
  std::string text;
  for (std::size_t index = from; index < to && index < items.size(); ++index)
    text += (index == from ? "" : separator) + items[index];
  return text;
}

std::string file_field(Kind kind) {
  return std::string(info(kind).key) + "_file";
}

// One line of the problems table, from a FieldError such as {"row 7, column upn", "UPN invalid"}.
Data problem_row(const FieldError& error) {
  std::string row = error.field;
  std::string column;
  if (error.field.rfind("row ", 0) == 0) {
    auto comma = error.field.find(", column ");
    row = error.field.substr(4, comma == std::string::npos ? std::string::npos : comma - 4);
    if (comma != std::string::npos) column = error.field.substr(comma + 9);
  } else if (!row.empty()) {
    row.front() = static_cast<char>(std::toupper(static_cast<unsigned char>(row.front())));
  }
  std::string reason = error.reason;
  if (!reason.empty())
    reason.front() = static_cast<char>(std::toupper(static_cast<unsigned char>(reason.front())));
  Data data{Data::type::object};
  data.set("row", row);
  data.set("column", optional_text(column));
  data.set("problem", reason);
  return data;
}

// The result of an upload that failed, for the form it came from.
struct Failed {
  Kind kind = Kind::Pupils;
  std::vector<FieldError> problems;  // every problem in the file, for the table
  std::string form_error;            // the sentence on the file input and in the error summary
  bool dry_run = true;
};

int count_param(const Request& request, const std::string& name) {
  const std::string text = request.param(name);
  int value = -1;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  return error == std::errc() && end == text.data() + text.size() ? value : -1;
}

// The banner after a successful upload, from the redirect's query (numbers only, never names).
std::string flash_for(const Request& request) {
  const std::string done = request.param("done");
  if (done != "pupils" && done != "placements") return "";
  const int rows = count_param(request, "rows");
  const int created = count_param(request, "created");
  const int updated = count_param(request, "updated");
  const int unchanged = count_param(request, "unchanged");
  if (rows < 0 || created < 0 || updated < 0 || unchanged < 0) return "";
  const std::string rows_text = fmt::format("{} {} of {}", rows, rows == 1 ? "row" : "rows", done);
  if (request.param("dry") == "1")
    return fmt::format(
        "Checked {}: {} would be created, {} updated and {} left unchanged. Nothing "
        "has been saved yet.",
        rows_text, created, updated, unchanged);
  return fmt::format("Imported {}: {} created, {} updated and {} unchanged.", rows_text, created,
                     updated, unchanged);
}

Data section_data(Kind kind, const Failed* failed, const Data& errors) {
  const auto& names = columns(kind);
  const KindInfo kind_info = info(kind);
  Data data{Data::type::object};
  data.set("key", kind_info.key);
  data.set("heading", kind == Kind::Pupils ? "Pupils" : "Placements");
  data.set("intro", kind == Kind::Pupils
                        ? "Adds new pupils and updates the details of pupils already recorded, "
                          "matched by UPN (or by name and date of birth when there is no UPN)."
                        : "Adds or updates placements of pupils already in Waymark, matched by "
                          "UPN. Import the pupils first.");
  data.set("action", std::string("/import/") + kind_info.key);
  data.set("template_href", std::string("/import/template/") + kind_info.key + ".csv");
  data.set("header_line", joined(names, 0, names.size(), ","));
  data.set("required", joined(names, 0, kind_info.required_columns, ", "));
  const bool this_one = failed != nullptr && failed->kind == kind;
  data.set("dry_run", Data(!this_one || failed->dry_run));
  data.set("error", optional_text(error_for(errors, file_field(kind))));
  List problems;
  if (this_one)
    for (const auto& problem : failed->problems) problems.push_back(problem_row(problem));
  data.set("has_problems", Data(!problems.empty()));
  data.set("problem_count",
           std::to_string(problems.size()) + (problems.size() == 1 ? " problem" : " problems"));
  data.set("problems", problems);
  return data;
}

Response import_page(const Templates& templates, const Exchange& exchange, const Failed* failed) {
  std::vector<FieldError> summary;
  if (failed != nullptr) summary.push_back({file_field(failed->kind), failed->form_error});
  const Data errors = error_map(summary);
  Data data{Data::type::object};
  data.set("csrf_token", exchange.csrf_token);
  List sections;
  if (exchange.actor.can_edit_pupils())
    sections.push_back(section_data(Kind::Pupils, failed, errors));
  sections.push_back(section_data(Kind::Placements, failed, errors));
  data.set("sections", sections);
  PageFrame frame = page_frame(exchange, "Import from a spreadsheet", "/import");
  frame.errors = summary;
  frame.flash = flash_for(exchange.request);
  return render_page(templates, frame, "import", data, failed == nullptr ? 200 : 422);
}

Response upload(const Templates& templates, Exchange& exchange, Kind kind) {
  Failed failed;
  failed.kind = kind;
  auto parts = multipart_parts(exchange.request);
  if (!parts.ok()) {
    failed.form_error = "The upload could not be read: choose the file and upload it again";
    return import_page(templates, exchange, &failed);
  }
  const MultipartPart* file = nullptr;
  failed.dry_run = false;
  for (const auto& part : *parts) {
    if (part.name == "file" && file == nullptr) file = &part;
    if (part.name == "dry_run") failed.dry_run = true;
  }
  if (file == nullptr || !file->filename || file->filename->empty()) {
    failed.form_error = fmt::format("Select a CSV file of {}s", info(kind).noun);
    return import_page(templates, exchange, &failed);
  }
  const app::DryRun dry_run = failed.dry_run ? app::DryRun::Yes : app::DryRun::No;
  auto summary = [&]() -> Result<app::ImportSummary> {
    if (kind == Kind::Pupils) {
      auto rows = WAYMARK_TRY(interop::read_pupil_csv(file->body));
      return app::import_pupils(exchange.app, exchange.actor, rows, dry_run);
    }
    auto rows = WAYMARK_TRY(interop::read_placement_csv(file->body));
    return app::import_placements(exchange.app, exchange.actor, rows, dry_run);
  }();
  if (!summary.ok()) {
    const Error& error = summary.error();
    if (error.kind != ErrorKind::Invalid) return error_page(templates, exchange, error);
    failed.problems = error.fields;
    const std::size_t count = error.fields.size();
    failed.form_error = fmt::format(
        "The {} file has {} {}, listed below. Nothing was imported: correct the file and upload it "
        "again",
        info(kind).noun, count, count == 1 ? "problem" : "problems");
    return import_page(templates, exchange, &failed);
  }
  return Response::redirect(
      fmt::format("/import?done={}&dry={}&rows={}&created={}&updated={}&unchanged={}",
                  info(kind).key, summary->dry_run ? 1 : 0, summary->rows, summary->created,
                  summary->updated, summary->unchanged));
}

Response csv_template(Kind kind) {
  Response response =
      Response::text(200, joined(columns(kind), 0, columns(kind).size(), ",") + "\r\n");
  response.content_type = "text/csv; charset=utf-8";
  response.headers.emplace_back("Content-Disposition",
                                fmt::format("attachment; filename=\"{}.csv\"", info(kind).key));
  return response;
}

}  // namespace

void register_import_pages(Router& router, const Templates& templates) {
  router.page(Method::Get, "/import", [&templates](Exchange& exchange) {
    if (!exchange.actor.can_commission())
      return error_page(templates, exchange, Error::forbidden("your role cannot import records"));
    return import_page(templates, exchange, nullptr);
  });
  router.page(Method::Post, "/import/pupils", [&templates](Exchange& exchange) {
    return upload(templates, exchange, Kind::Pupils);
  });
  router.page(Method::Post, "/import/placements", [&templates](Exchange& exchange) {
    return upload(templates, exchange, Kind::Placements);
  });
  router.page(Method::Get, "/import/template/pupils.csv",
              [](Exchange&) { return csv_template(Kind::Pupils); });
  router.page(Method::Get, "/import/template/placements.csv",
              [](Exchange&) { return csv_template(Kind::Placements); });
}

}  // namespace waymark::web
