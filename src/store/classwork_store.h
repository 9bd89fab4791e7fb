// Classwork persistence: exit tickets, marked work and evidence files' metadata (the bytes are
// kept in files by app/, never in the database). Reached as Connection::classwork(), sharing the
// connection's transaction. Reads return nullopt / empty when nothing matches; faults of the
// database throw StoreFault. Authorisation is app/'s: these methods trust their caller.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/evidence.h"
#include "core/exit_ticket.h"
#include "core/ids.h"

namespace waymark::store {

struct EvidenceFile {
  Id id = 0;
  Id pupil_id = 0;
  Id work_id = 0;           // the marked work it evidences; 0 for none
  std::string stored_name;  // random hex id: the file's name in the evidence folder
  EvidenceType type = EvidenceType::Pdf;
  std::int64_t size_bytes = 0;
  std::string sha256;         // lower-case hex
  std::string original_name;  // sanitised, for display
  Id uploaded_by = 0;
  std::int64_t uploaded_at = 0;
};

class ClassworkStore {
 public:
  virtual ~ClassworkStore() = default;

  // Which subjects of `organisation_id` take exit tickets; empty when none are configured (the
  // caller then applies the default).
  virtual std::vector<Id> exit_ticket_subject_ids(Id organisation_id) = 0;
  // Replaces the configured list.
  virtual void set_exit_ticket_subject_ids(Id organisation_id, const std::vector<Id>& ids) = 0;

  // Exit tickets.
  virtual std::optional<ExitTicket> exit_ticket(Id id) = 0;
  // By its unique key (topic compared exactly).
  virtual std::optional<ExitTicket> exit_ticket_by_key(Id pupil_id, Id subject_id, Date lesson_date,
                                                       const std::string& topic) = 0;
  // Inserts with recorded_at = updated_at = `now`; returns the new id. The caller has checked
  // the key is free (a clash throws StoreFault).
  virtual Id insert_exit_ticket(const ExitTicket& ticket, std::int64_t now) = 0;
  // Updates every field but pupil, organisation, recorded_by/at; updated_at = `version`.
  virtual void update_exit_ticket(const ExitTicket& ticket, std::int64_t version) = 0;
  // A pupil's tickets with lesson dates in [from, to] (either end open when nullopt), ordered by
  // lesson date, then id.
  virtual std::vector<ExitTicket> exit_tickets_of(Id pupil_id, std::optional<Date> from,
                                                  std::optional<Date> to) = 0;
  // The tickets of these pupils in one subject on one date (for a group's grid).
  virtual std::vector<ExitTicket> exit_tickets_on(const std::vector<Id>& pupil_ids, Id subject_id,
                                                  Date lesson_date) = 0;

  // Marked work.
  virtual std::optional<MarkedWork> marked_work(Id id) = 0;
  virtual Id insert_marked_work(const MarkedWork& work, std::int64_t now) = 0;
  virtual void update_marked_work(const MarkedWork& work, std::int64_t version) = 0;
  // Newest work date first.
  virtual std::vector<MarkedWork> marked_work_of(Id pupil_id) = 0;

  // Evidence files' metadata.
  virtual Id insert_evidence(const EvidenceFile& file) = 0;
  virtual std::optional<EvidenceFile> evidence(Id id) = 0;
  // Newest first.
  virtual std::vector<EvidenceFile> evidence_of_pupil(Id pupil_id) = 0;
};

}  // namespace waymark::store
