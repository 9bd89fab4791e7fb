// Parent and carer contact persistence: each provider's call interval, each placement's key
// worker, and the contact log. Reached as Connection::contacts(), sharing the connection's
// transaction. Reads return nullopt / empty when nothing matches; faults of the database throw
// StoreFault. Authorisation is app/'s: these methods trust their caller. The log is never deleted
// (the schema refuses).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <vector>

#include "core/contact_log.h"
#include "core/contact_schedule.h"
#include "core/date.h"
#include "core/ids.h"

namespace waymark::store {

class ContactStore {
 public:
  virtual ~ContactStore() = default;

  // The provider's configured interval; nullopt when it uses the default.
  virtual std::optional<ContactRule> contact_rule(Id organisation_id) = 0;
  // REQUIRES: a validated rule.
  virtual void set_contact_rule(Id organisation_id, const ContactRule& rule, std::int64_t now) = 0;

  // The placement's key worker; 0 when none.
  virtual Id key_worker(Id placement_id) = 0;
  // Sets (user_id > 0) or clears (0) the key worker.
  virtual void set_key_worker(Id placement_id, Id user_id, std::int64_t now) = 0;
  // Every key worker of placements at `provider_id`: placement id -> user id.
  virtual std::map<Id, Id> key_workers_at(Id provider_id) = 0;

  // Inserts with recorded_at = `now`; returns the new id.
  virtual Id insert_contact_log(const ContactLogEntry& entry, std::int64_t now) = 0;
  virtual std::optional<ContactLogEntry> contact_log_entry(Id id) = 0;
  // A pupil's log, every provider's, newest contact first (ties: newest entry first).
  virtual std::vector<ContactLogEntry> contact_log_of(Id pupil_id) = 0;
  // The date of the latest call or meeting (not message) each pupil had from `organisation_id`:
  // pupil id -> date.
  virtual std::map<Id, Date> last_calls_at(Id organisation_id) = 0;
};

}  // namespace waymark::store
