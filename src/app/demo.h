// A realistic fictional dataset for trying Waymark and for tests: one local authority; two AP
// providers (one registered, one unregistered); six commissioning secondary schools; about 60
// pupils in years 7-11 with a realistic spread of flags, contacts, barriers, roll entries and
// placements in every status; the 2025/26 calendar; subjects and teaching groups; and a demo user
// for every role. Names, UPNs and URNs are invented (UPNs carry valid check letters).
#pragma once

#include <string>
#include <vector>

#include "app/context.h"

namespace waymark::app {

struct DemoLogin {
  std::string email;
  std::string password;
  std::string organisation;
  std::string roles;  // "admin,head"
};

// The demo users and their passwords, as listed in the README.
const std::vector<DemoLogin>& demo_logins();

struct DemoSummary {
  int organisations = 0;
  int users = 0;
  int pupils = 0;
  int placements = 0;
};

// Seeds an empty database. Invalid ("database" field) when it already holds organisations, so a
// real database is never mixed with demo data. Deterministic: the same data every time (dates are
// relative to `today` where they must be current, e.g. active placements).
Result<DemoSummary> seed_demo(Context& context, Date today);

}  // namespace waymark::app
