// The weekly update (policy 002, issue 4 item 2): each week a provider sends each commissioning
// school (or LA) its pupils' confirmed RAG with the one-line comment. Sending records when and by
// whom, keeps a snapshot of what was sent, and notifies the commissioner's users (topic
// "rag.weekly_update"). The commissioner sees sent updates only, and only about pupils it can see.
//
// Who: the provider's admins, heads and teachers send (Forbidden otherwise); anyone at the
// provider reads its updates, sent or not; a commissioner reads the updates sent to it. Sending is
// audited (entity "weekly_update").
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/context.h"
#include "core/user.h"
#include "core/weekly_rag.h"

namespace waymark::app {

struct UpdateLine {
  Id pupil_id = 0;
  std::string pupil_name;
  std::optional<Rag> rag;  // none while the pupil's RAG is not confirmed (unsent updates only)
  std::string comment;
};

struct WeeklyUpdateView {
  Id provider_id = 0;
  std::string provider_name;
  Id commissioner_id = 0;
  std::string commissioner_name;
  Date week_start;
  std::vector<UpdateLine> lines;  // by pupil name
  bool sent = false;
  std::int64_t sent_at = 0;
  Id sent_by = 0;
  std::string sent_by_name;
  int unconfirmed() const;
};

// For a provider: the week's updates, one per commissioner with pupils placed that week, sent or
// not (`any_day` picks the week; Invalid on "week" for a week not begun). For a commissioner: the
// updates sent to it (that week only when `any_day` is given, else every week, newest first).
Result<std::vector<WeeklyUpdateView>> weekly_updates(Context& context, const Actor& actor,
                                                     std::optional<Date> any_day);

// One update. NotFound when a commissioner asks for an update not sent to it (or not yet sent),
// or a provider for a commissioner with no pupils placed that week.
Result<WeeklyUpdateView> weekly_update(Context& context, const Actor& actor, Id commissioner_id,
                                       Date any_day);

// Sends the update. Conflict on "week" when it was sent already; Invalid on "week" while any of
// its pupils' RAGs is unconfirmed.
Result<WeeklyUpdateView> send_weekly_update(Context& context, const Actor& actor,
                                            Id commissioner_id, Date any_day);

// For dashboards: the latest sent RAG of each pupil the actor's organisation (a commissioner)
// can see, by pupil name.
struct LatestRag {
  Id pupil_id = 0;
  std::string pupil_name;
  Date week_start;
  Rag rag = Rag::Green;
  std::string comment;
  Id provider_id = 0;
};
Result<std::vector<LatestRag>> latest_sent_rags(Context& context, const Actor& actor);

}  // namespace waymark::app
