#include "cli/export_command.h"

#include <filesystem>
#include <iostream>

#include "app/attendance_export.h"
#include "interop/attendance_csv.h"
#include "store/sqlite/sqlite_store.h"

namespace waymark {

namespace {

int fail(const Error& error) {
  if (error.fields.empty()) {
    std::cerr << "waymark: " << error.message << "\n";
  } else {
    for (const auto& field : error.fields) std::cerr << field.field << ": " << field.reason << "\n";
  }
  return error.kind == ErrorKind::Internal ? 70 : 1;
}

}  // namespace

void add_export_command(CLI::App& cli, ExportCommand& options) {
  options.command = cli.add_subcommand("export", "export data as CSV to standard output");
  options.command->require_subcommand(1);
  options.attendance = options.command->add_subcommand(
      "attendance",
      "register marks: upn,date,session,code,minutes_late,meaning,provider_urn,"
      "school_urn");
  options.attendance->add_option("--db", options.db_path, "SQLite database file")->required();
  options.attendance->add_option("--from", options.from, "first date (YYYY-MM-DD)")->required();
  options.attendance->add_option("--to", options.to, "last date (YYYY-MM-DD)")->required();
  options.attendance->add_option("--school", options.school_urn,
                                 "only pupils placed by the school (or LA) with this URN");
}

int run_export_command(const ExportCommand& options) {
  // Opening would create an empty database; an export from a mistyped path should say so instead.
  if (!std::filesystem::exists(options.db_path))
    return fail(Error::invalid("--db", "no database at " + options.db_path));
  auto opened = store::sqlite::open(options.db_path);
  if (!opened.ok()) return fail(opened.error());
  std::unique_ptr<store::Store> store = std::move(opened).value();
  const std::optional<std::string> school =
      options.school_urn.empty() ? std::nullopt : std::optional<std::string>(options.school_urn);
  auto rows = app::export_attendance(store->connection(), options.from, options.to, school);
  if (!rows.ok()) return fail(rows.error());
  std::cout << attendance_export_csv(*rows);
  return std::cout.good() ? 0 : 74;
}

}  // namespace waymark
