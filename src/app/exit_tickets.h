// Exit tickets (policy 000 ¶4): record, upsert (the group grid's autosave), change and read them.
//
// Who: provider teachers, heads and admins write for pupils placed with them (Forbidden for
// anyone else who can see the pupil; NotFound when the pupil is not visible). Whoever can see the
// pupil reads. Every write is audited (entity "exit_ticket") in its transaction.
//
// Checks on every write: core's validate_exit_ticket; the subject is one of the writer's
// organisation's exit-ticket subjects; a teaching group, when given, is the organisation's and
// holds the pupil; a grade is on its scale (stored as the scale's code).
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "app/context.h"
#include "core/calendar.h"
#include "core/exit_ticket.h"
#include "core/user.h"

namespace waymark::app {

// The scale a grade without one is read on when the subject's own scale cannot be found.
inline constexpr const char* kDefaultExitTicketScale = "gcse_fine";

// POST: a new ticket; Conflict on "topic" when the pupil already has a ticket for that subject,
// date and topic.
Result<ExitTicket> create_exit_ticket(Context& context, const Actor& actor,
                                      const ExitTicket& request);

struct SavedExitTicket {
  ExitTicket ticket;
  bool created = false;
};
// PUT: inserts, or updates the ticket with the same (pupil, subject, lesson date, topic), so a
// repeated save is harmless. With `previous_topic` set and different from the request's topic,
// the ticket under the previous topic is renamed (the grid changing a row's topic).
Result<SavedExitTicket> save_exit_ticket(Context& context, const Actor& actor,
                                         const ExitTicket& request,
                                         const std::string& previous_topic = "");

using ExitTicketChange = std::function<void(ExitTicket&, ErrorList&)>;
// PATCH. Conflict on "updated_at" when `expected_updated_at` is given and stale, or on "topic"
// when the change clashes with another ticket's key.
Result<ExitTicket> update_exit_ticket(Context& context, const Actor& actor, Id ticket_id,
                                      const ExitTicketChange& change,
                                      std::optional<std::int64_t> expected_updated_at);

// NotFound when absent or the pupil is not visible.
Result<ExitTicket> get_exit_ticket(Context& context, const Actor& actor, Id ticket_id);

// A visible pupil's tickets with lesson dates in [from, to], in date order.
Result<std::vector<ExitTicket>> list_exit_tickets(Context& context, const Actor& actor, Id pupil_id,
                                                  std::optional<Date> from, std::optional<Date> to);

// For other areas (feedback forms, timeline) that have already authorised the read: the pupil's
// tickets in [from, to] in date order, and per subject the topics, count and mean percent.
std::vector<ExitTicket> exit_tickets_for_pupil(store::Connection& connection, Id pupil_id,
                                               std::optional<Date> from, std::optional<Date> to);
std::vector<SubjectTicketSummary> exit_ticket_summaries(store::Connection& connection, Id pupil_id,
                                                        Date from, Date to);

// A teaching group's grid for one subject and date: the group's pupils (by sort name) and their
// tickets that day. The group must be the actor's organisation's (NotFound otherwise); the
// subject one of its exit-ticket subjects (Invalid on "subject_id").
struct GridPupil {
  Id pupil_id = 0;
  std::string name;  // "Smith, Sam"
  std::vector<ExitTicket> tickets;
};
struct ExitTicketGrid {
  TeachingGroup group;
  Subject subject;
  Date lesson_date;
  std::vector<GridPupil> pupils;
  bool can_write = false;
};
Result<ExitTicketGrid> exit_ticket_grid(Context& context, const Actor& actor, Id group_id,
                                        Id subject_id, Date lesson_date);

}  // namespace waymark::app
