// The `waymark` command: serve, demo, import, migrate, report.
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include <spdlog/spdlog.h>
#include <CLI/CLI.hpp>

#include "app/auth.h"
#include "app/demo.h"
#include "app/import.h"
#include "cli/export_command.h"
#include "cli/mail_options.h"
#include "cli/report_command.h"
#include "interop/placement_csv.h"
#include "interop/pupil_csv.h"
#include "store/sqlite/sqlite_store.h"
#include "web/server.h"
#include "web/web_app.h"

namespace {

using namespace waymark;

// Where templates/ and static/ live: --web-root, else $WAYMARK_WEB_ROOT, else ./web, else the
// source tree this binary was built from.
std::string find_web_root(const std::string& given) {
  if (!given.empty()) return given;
  if (const char* env = std::getenv("WAYMARK_WEB_ROOT")) return env;
  if (std::filesystem::exists("web/templates/layout.mustache")) return "web";
  return std::string(WAYMARK_SOURCE_DIR) + "/web";
}

int fail(const Error& error) {
  if (error.fields.empty()) {
    std::cerr << "waymark: " << error.message << "\n";
  } else {
    for (const auto& field : error.fields) std::cerr << field.field << ": " << field.reason << "\n";
  }
  return error.kind == ErrorKind::Internal ? 70 : 1;
}

Result<std::string> read_file(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  if (!file) return Error::invalid("file", path + " cannot be read");
  std::stringstream bytes;
  bytes << file.rdbuf();
  return bytes.str();
}

// Who the CLI acts as: --as, else $WAYMARK_USER, else the only active admin in the database.
Result<Actor> cli_actor(store::Store& store, const std::string& as) {
  auto& connection = store.connection();
  std::string email = as;
  if (email.empty()) {
    if (const char* env = std::getenv("WAYMARK_USER")) email = env;
  }
  if (email.empty()) {
    std::vector<User> admins;
    for (const auto& organisation : connection.organisations())
      for (const auto& user : connection.users_in(organisation.id))
        if (user.active && user.roles.has(Role::Admin)) admins.push_back(user);
    if (admins.size() != 1)
      return Error::invalid(
          "--as", "say whose import this is: --as EMAIL (the import is audited under that user)");
    return app::actor_for_user(connection, admins.front().id);
  }
  auto record = connection.user_by_email(normalise_email(email));
  if (!record) return Error::invalid("--as", "no user with that email");
  return app::actor_for_user(connection, record->user.id);
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App cli{"Waymark: assessment, tracking and reporting for alternative provision"};
  cli.require_subcommand(1);
  spdlog::set_level(spdlog::level::info);

  std::string db_path;
  std::string web_root;
  std::string bind = "127.0.0.1";
  std::uint16_t port = 8080;
  std::size_t threads = 2;
  bool verbose = false;
  auto* serve = cli.add_subcommand("serve", "serve the web application and API");
  serve->add_option("--db", db_path, "SQLite database file")->required();
  serve->add_option("--port", port, "TCP port")->default_val(8080);
  serve->add_option("--bind", bind, "address to listen on")->default_val("127.0.0.1");
  serve->add_option("--threads", threads, "worker threads")->default_val(2);
  serve->add_option("--web-root", web_root, "folder holding templates/ and static/");
  serve->add_flag("--verbose", verbose,
                  "log each request (route, status, time; never personal data)");
  cli::MailSettings mail_settings;
  cli::add_mail_options(*serve, mail_settings);

  auto* demo = cli.add_subcommand("demo", "load the demo dataset into a new database");
  demo->add_option("--db", db_path, "SQLite database file")->required();

  auto* migrate = cli.add_subcommand("migrate", "apply pending schema migrations");
  migrate->add_option("--db", db_path, "SQLite database file")->required();

  std::string import_file;
  std::string as;
  bool dry_run = false;
  auto* import = cli.add_subcommand("import", "import pupils or placements from CSV");
  import->require_subcommand(1);
  auto add_import = [&](const char* name, const char* help) {
    auto* command = import->add_subcommand(name, help);
    command->add_option("FILE", import_file, "CSV file")->required();
    command->add_option("--db", db_path, "SQLite database file")->required();
    command->add_flag("--dry-run", dry_run, "validate every row and report; write nothing");
    command->add_option("--as", as, "the user the import is recorded under (email)");
    return command;
  };
  auto* import_pupils = add_import("pupils", "import pupils (upn,forename,surname,dob,sex,...)");
  auto* import_placements =
      add_import("placements", "import placements (upn,provider_urn,commissioner_urn,...)");

  waymark::cli::ReportOptions report_options;
  auto* report = waymark::cli::add_report_command(cli, report_options);

  ExportCommand export_command;
  add_export_command(cli, export_command);

  CLI11_PARSE(cli, argc, argv);

  if (report->parsed()) return waymark::cli::run_report_command(report_options);
  if (export_command.attendance->parsed()) return run_export_command(export_command);

  if (migrate->parsed()) {
    auto applied = store::sqlite::migrate(db_path);
    if (!applied.ok()) return fail(applied.error());
    std::cout << "schema at version " << store::sqlite::latest_schema_version() << " ("
              << applied->size() << " migrations applied)\n";
    return 0;
  }

  auto opened = store::sqlite::open(db_path);
  if (!opened.ok()) return fail(opened.error());
  std::unique_ptr<store::Store> store = std::move(opened).value();
  app::Context context{*store};
  context.evidence_dir = db_path + ".evidence";

  if (demo->parsed()) {
    auto summary = app::seed_demo(context, Date::today());
    if (!summary.ok()) return fail(summary.error());
    std::cout << "demo data loaded: " << summary->organisations << " organisations, "
              << summary->users << " users, " << summary->pupils << " pupils, "
              << summary->placements << " placements\n";
    return 0;
  }

  if (import_pupils->parsed() || import_placements->parsed()) {
    auto actor = cli_actor(*store, as);
    if (!actor.ok()) return fail(actor.error());
    auto bytes = read_file(import_file);
    if (!bytes.ok()) return fail(bytes.error());
    const auto mode = dry_run ? app::DryRun::Yes : app::DryRun::No;
    Result<app::ImportSummary> summary = Error::internal("no import ran");
    if (import_pupils->parsed()) {
      auto rows = interop::read_pupil_csv(*bytes);
      if (!rows.ok()) return fail(rows.error());
      summary = app::import_pupils(context, *actor, *rows, mode);
    } else {
      auto rows = interop::read_placement_csv(*bytes);
      if (!rows.ok()) return fail(rows.error());
      summary = app::import_placements(context, *actor, *rows, mode);
    }
    if (!summary.ok()) return fail(summary.error());
    std::cout << (dry_run ? "dry run, nothing written: " : "") << summary->rows
              << " rows: " << summary->created << " created, " << summary->updated << " updated, "
              << summary->unchanged << " unchanged\n";
    return 0;
  }

  if (serve->parsed()) {
    if (verbose) spdlog::set_level(spdlog::level::debug);
    auto web = web::WebApp::create(context, web::WebOptions{find_web_root(web_root), false});
    if (!web.ok()) return fail(web.error());
    auto mailer = cli::start_mailer(*store, mail_settings, bind, port);
    const int status = web::run_server(**web, web::ServerOptions{bind, port, threads});
    if (mailer) mailer->stop();  // between messages: the one in hand finishes first
    return status;
  }
  return 0;
}
