// The demo dataset: organisations and users here; pupils, placements and the calendar in the
// other demo_*.cpp files (see demo_seed.h).
#include "app/demo.h"

#include <optional>

#include "app/audit.h"
#include "app/demo_seed.h"
#include "app/secrets.h"
#include "core/nc_year.h"

namespace waymark::app {

namespace demo {

namespace {

// One password for every demo user, so the README table stays short. Public on purpose: the demo
// database must never hold real data.
constexpr const char* kDemoPassword = "waymark-demo-2025";
constexpr std::uint32_t kSeed = 20250903;

constexpr const char* kLocalAuthorityName = "Northbrook Borough Council";
constexpr const char* kBalanceName = "Balance Alternative Provision";
constexpr const char* kBridgesName = "Bridges Outreach Hub";

struct SchoolSpec {
  const char* name;
  int establishment_number;
  const char* urn;
};

// Fictional schools. The LA code (886) is real so that UPNs validate; names and URNs are invented.
constexpr SchoolSpec kSchools[] = {
    {"Ashfield Academy", 4012, "150101"},        {"Kingsway School", 4025, "150102"},
    {"St Bede's Catholic High", 4602, "150103"}, {"Riverside Community College", 4031, "150104"},
    {"Hillcrest Academy", 4044, "150105"},       {"Oakwood School", 4058, "150106"},
};

enum class DemoOrg { LocalAuthority, Balance, Bridges, Ashfield, Kingsway };

struct UserSpec {
  DemoOrg organisation;
  const char* email;
  const char* display_name;
  Roles roles;
};

const std::vector<UserSpec>& user_specs() {
  static const std::vector<UserSpec> specs = {
      {DemoOrg::Balance, "admin@balance.example", "Gemma Fairbrother", {Role::Admin}},
      {DemoOrg::Balance, "head@balance.example", "Samuel Adebisi", {Role::Head}},
      {DemoOrg::Balance, "teacher@balance.example", "Hannah Lewington", {Role::Teacher}},
      {DemoOrg::Balance, "maths@balance.example", "Rav Dhillon", {Role::Teacher}},
      {DemoOrg::Balance, "auditor@balance.example", "Ruth Ellery", {Role::Auditor}},
      {DemoOrg::Bridges, "admin@bridges.example", "Nadine Bell", {Role::Admin, Role::Head}},
      {DemoOrg::Ashfield, "senco@ashfield.example", "Fiona Garside", {Role::Commissioner}},
      {DemoOrg::Ashfield, "admin@ashfield.example", "Kevin Moss", {Role::Admin}},
      {DemoOrg::Kingsway, "senco@kingsway.example", "Anjali Rao", {Role::Commissioner}},
      {DemoOrg::Kingsway, "teacher@kingsway.example", "Owen Pritchard", {Role::Teacher}},
      {DemoOrg::LocalAuthority,
       "officer@northbrook.example",
       "Lorraine Aspinall",
       {Role::Commissioner}},
      {DemoOrg::LocalAuthority, "admin@northbrook.example", "Joel Whitaker", {Role::Admin}},
  };
  return specs;
}

const char* organisation_name(DemoOrg organisation) {
  switch (organisation) {
    case DemoOrg::LocalAuthority:
      return kLocalAuthorityName;
    case DemoOrg::Balance:
      return kBalanceName;
    case DemoOrg::Bridges:
      return kBridgesName;
    case DemoOrg::Ashfield:
      return kSchools[0].name;
    case DemoOrg::Kingsway:
      return kSchools[1].name;
  }
  return "";
}

Id organisation_id(DemoOrg organisation, const DemoOrganisations& organisations) {
  switch (organisation) {
    case DemoOrg::LocalAuthority:
      return organisations.local_authority;
    case DemoOrg::Balance:
      return organisations.balance;
    case DemoOrg::Bridges:
      return organisations.bridges;
    case DemoOrg::Ashfield:
      return organisations.schools.at(0).id;
    case DemoOrg::Kingsway:
      return organisations.schools.at(1).id;
  }
  return 0;
}

OrgKind organisation_kind(DemoOrg organisation) {
  switch (organisation) {
    case DemoOrg::LocalAuthority:
      return OrgKind::LocalAuthority;
    case DemoOrg::Balance:
    case DemoOrg::Bridges:
      return OrgKind::Provider;
    case DemoOrg::Ashfield:
    case DemoOrg::Kingsway:
      return OrgKind::School;
  }
  return OrgKind::School;
}

Id insert(store::Connection& connection, const Organisation& organisation) {
  require_valid(validate_organisation(organisation), "organisation " + organisation.name);
  return connection.insert_organisation(organisation);
}

}  // namespace

std::vector<Id> DemoOrganisations::all() const {
  std::vector<Id> ids = {local_authority, balance, bridges};
  for (const DemoSchool& school : schools) ids.push_back(school.id);
  return ids;
}

DemoOrganisations seed_organisations(store::Connection& connection) {
  DemoOrganisations organisations;
  Organisation local_authority;
  local_authority.kind = OrgKind::LocalAuthority;
  local_authority.name = kLocalAuthorityName;
  local_authority.la_code = kLaCode;
  organisations.local_authority = insert(connection, local_authority);

  // Both providers sit in the LA's area, which the LA quality-assures.
  Organisation provider;
  provider.kind = OrgKind::Provider;
  provider.la_code = kLaCode;
  provider.local_authority_id = organisations.local_authority;
  Organisation balance = provider;
  balance.name = kBalanceName;
  balance.urn = "150001";
  balance.establishment_number = 6001;
  balance.registered = true;
  organisations.balance = insert(connection, balance);
  Organisation bridges = provider;
  bridges.name = kBridgesName;
  organisations.bridges = insert(connection, bridges);

  for (const SchoolSpec& spec : kSchools) {
    Organisation school;
    school.kind = OrgKind::School;
    school.name = spec.name;
    school.urn = spec.urn;
    school.la_code = kLaCode;
    school.establishment_number = spec.establishment_number;
    school.local_authority_id = organisations.local_authority;
    organisations.schools.push_back(
        {insert(connection, school), spec.name, spec.establishment_number});
  }
  return organisations;
}

std::map<std::string, Id> seed_users(store::Connection& connection,
                                     const DemoOrganisations& organisations,
                                     const std::string& password_hash) {
  std::map<std::string, Id> ids;
  for (const UserSpec& spec : user_specs()) {
    User user{.organisation_id = organisation_id(spec.organisation, organisations),
              .email = spec.email,
              .display_name = spec.display_name,
              .roles = spec.roles};
    require_valid(validate_user(user, organisation_kind(spec.organisation)),
                  std::string("user ") + spec.email);
    ids[spec.email] = require_stored(connection.insert_user(user, password_hash),
                                     std::string("user ") + spec.email);
  }
  return ids;
}

}  // namespace demo

const std::vector<DemoLogin>& demo_logins() {
  static const std::vector<DemoLogin> logins = [] {
    std::vector<DemoLogin> list;
    for (const demo::UserSpec& spec : demo::user_specs())
      list.push_back({spec.email, demo::kDemoPassword, demo::organisation_name(spec.organisation),
                      spec.roles.joined()});
    return list;
  }();
  return logins;
}

Result<DemoSummary> seed_demo(Context& context, Date today) {
  auto& connection = context.store.connection();
  if (!connection.organisations().empty())
    return Error::invalid("database",
                          "already holds data; the demo loads only into a new, empty database");
  const std::int64_t now = context.clock.now_seconds();
  // Hashed once, outside the transaction: argon2id is deliberately slow, and every demo user shares
  // the one published password anyway.
  const std::string password_hash = WAYMARK_TRY(hash_password(demo::kDemoPassword));
  return in_transaction(connection, [&](store::Connection& tx) -> Result<DemoSummary> {
    // Checked again under the write lock, in case another process seeded in the meantime.
    if (!tx.organisations().empty())
      return Error::invalid("database",
                            "already holds data; the demo loads only into a new, empty database");
    demo::Random random(demo::kSeed);
    demo::DemoOrganisations organisations = demo::seed_organisations(tx);
    std::map<std::string, Id> users = demo::seed_users(tx, organisations, password_hash);
    std::vector<demo::DemoPupil> pupils = demo::seed_pupils(tx, organisations, today, now, random);
    std::vector<Placement> placements =
        demo::seed_placements(tx, organisations, pupils, today, now, random);
    // The 2025/26 calendar always, so fixed-date examples work; and the current year's when
    // different.
    const int current_year = academic_year_start(today);
    for (Id organisation_id : organisations.all()) {
      if (organisation_id == organisations.local_authority) continue;
      demo::seed_calendar(tx, organisation_id, 2025);
      if (current_year != 2025) demo::seed_calendar(tx, organisation_id, current_year);
    }
    demo::seed_subjects_and_groups(tx, organisations, users, pupils, placements, today);
    const demo::DemoWorld world{today, now, organisations, users, pupils, placements};
    demo::seed_assessment_setup(tx, world, random);
    demo::seed_baselines(tx, world, random);
    demo::seed_classwork(tx, world, random);
    // Registers before feedback forms: a form takes its period's attendance from them.
    demo::seed_attendance(tx, world, random);
    demo::seed_feedback_forms(tx, world, random);
    demo::seed_monitoring(tx, world, random);
    demo::seed_parent_contacts(tx, world, random);
    demo::seed_behaviour(tx, world, random);

    DemoSummary summary{.organisations = static_cast<int>(organisations.all().size()),
                        .users = static_cast<int>(users.size()),
                        .pupils = static_cast<int>(pupils.size()),
                        .placements = static_cast<int>(placements.size())};
    // One entry for the whole load rather than one per row: the rows are invented, and the audit
    // trail should show that the database began as a demo.
    Json after = {{"organisations", summary.organisations},
                  {"users", summary.users},
                  {"pupils", summary.pupils},
                  {"placements", summary.placements},
                  {"today", today.iso()}};
    record_audit(tx, Actor{}, now, "seed", "demo", 0, 0, nullptr, after);
    return summary;
  });
}

}  // namespace waymark::app
