// What every use case gets: the store, and a clock that tests can set.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <utility>

#include "core/date.h"
#include "core/result.h"
#include "store/store.h"

namespace waymark::app {

struct Clock {
  std::function<std::int64_t()> now_seconds = [] { return now_utc_seconds(); };
  std::function<Date()> today = [] { return Date::today(); };
};

struct Context {
  store::Store& store;
  Clock clock{};
  // Where uploaded evidence files are kept: outside anything the web server serves. The CLI sets
  // it to "<database>.evidence/"; empty means uploads are refused.
  std::string evidence_dir{};
};

// Runs `work(connection)` in one transaction: commits when it returns ok, rolls back when it
// returns an error or throws (the exception then propagates). All-or-nothing writes go through
// here.
template <typename Work>
auto in_transaction(store::Connection& connection, Work&& work) -> decltype(work(connection)) {
  connection.begin();
  try {
    auto result = work(connection);
    if (result.ok()) {
      connection.commit();
    } else {
      connection.rollback();
    }
    return result;
  } catch (...) {
    connection.rollback();
    throw;
  }
}

}  // namespace waymark::app
