// The outbox against a real SQLite store with a settable clock: backoff, leases (a crashed
// sender's claim is taken over once it expires; a lost claim cannot record an outcome), failure
// after the last attempt, an admin's retry, and the mailer delivering through a fake transport.
#include "app/outbox.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <mutex>
#include <thread>

#include "app/mailer.h"
#include "app/notifications.h"
#include "store/sqlite/sqlite_test_support.h"

namespace waymark::app {
namespace {

using store::OutboxStatus;

struct BackoffCase {
  int attempts_made;
  std::int64_t expected;
};

TEST(RetryDelay, DoublesFromTheFirstDelayUpToTheCap) {
  const RetryPolicy policy{60, 3600, 8, 300};
  const BackoffCase cases[] = {
      {.attempts_made = 1, .expected = 60},   {.attempts_made = 2, .expected = 120},
      {.attempts_made = 3, .expected = 240},  {.attempts_made = 6, .expected = 1920},
      {.attempts_made = 7, .expected = 3600}, {.attempts_made = 30, .expected = 3600},
  };
  for (const auto& test : cases)
    EXPECT_EQ(retry_delay(policy, test.attempts_made), test.expected) << test.attempts_made;
  EXPECT_EQ(retry_delay(RetryPolicy{0, 0, 8, 300}, 1), 1);  // never a busy loop
}

// Records what it was asked to send and answers as told.
class FakeTransport final : public MailTransport {
 public:
  SendOutcome send(const OutgoingMail& mail) override {
    std::lock_guard lock(mutex);
    sent.push_back(mail);
    return next;
  }
  std::mutex mutex;
  std::vector<OutgoingMail> sent;
  SendOutcome next{SendStatus::Sent, ""};
};

class OutboxTest : public store::sqlite::testing::SqliteStoreTest {
 protected:
  void SetUp() override {
    SqliteStoreTest::SetUp();
    provider_ = add_organisation(OrgKind::Provider, "Provider");
    other_ = add_organisation(OrgKind::Provider, "Other");
    admin_ = add_user(provider_, "admin@p.example", Roles{Role::Admin});
    teacher_ = add_user(provider_, "teacher@p.example", Roles{Role::Teacher});
    other_admin_ = add_user(other_, "admin@o.example", Roles{Role::Admin});
    context_ = std::make_unique<Context>(
        Context{*store_, Clock{[this] { return now_.load(); }, [] { return Date::today(); }}});
  }

  Id add_user(Id organisation_id, const std::string& email, Roles roles) {
    User user;
    user.organisation_id = organisation_id;
    user.email = email;
    user.display_name = email;
    user.roles = roles;
    auto id = db().insert_user(user, "hash");
    return id.ok() ? *id : 0;
  }

  Actor actor(Id user_id, Id organisation_id) {
    auto user = db().user(user_id);
    return Actor{user_id, organisation_id, OrgKind::Provider, user->roles, user->display_name};
  }

  Id queue(Id user_id) {
    auto queued = notify_user(db(), now_, user_id,
                              Notice{"test", "Pupil X: something", "", "/pupils/7", std::nullopt});
    EXPECT_TRUE(queued.ok());
    return queued.ok() ? queued->outbox_id : 0;
  }

  store::OutboxMessage message(Id id) { return *db().notifications().outbox_message(id); }

  const RetryPolicy policy_{60, 3600, 3, 300};
  std::atomic<std::int64_t> now_{1'762'300'000};
  std::unique_ptr<Context> context_;
  Id provider_ = 0, other_ = 0, admin_ = 0, teacher_ = 0, other_admin_ = 0;
};

TEST_F(OutboxTest, AClaimHoldsUntilItsLeaseExpiresThenIsTakenOver) {
  const Id id = queue(teacher_);
  auto first = claim_next_message(db(), policy_, now_);
  ASSERT_TRUE(first);
  EXPECT_EQ(first->id, id);
  EXPECT_EQ(first->attempts, 1);
  EXPECT_EQ(first->status, OutboxStatus::Sending);
  EXPECT_EQ(first->lease_until, now_ + 300);
  // Held: nobody else gets it, even just before the lease ends.
  EXPECT_FALSE(claim_next_message(db(), policy_, now_ + 299));
  // The sender died; once the lease has expired the message is claimed again, same Message-ID.
  auto second = claim_next_message(db(), policy_, now_ + 300);
  ASSERT_TRUE(second);
  EXPECT_EQ(second->attempts, 2);
  EXPECT_EQ(second->message_id, first->message_id);
  // The first claim can no longer record anything; the second can, once.
  EXPECT_EQ(settle_message(db(), policy_, *first, {SendStatus::Sent, ""}, now_ + 301),
            Settled::ClaimLost);
  EXPECT_EQ(settle_message(db(), policy_, *second, {SendStatus::Sent, ""}, now_ + 301),
            Settled::Sent);
  EXPECT_EQ(message(id).status, OutboxStatus::Sent);
  EXPECT_EQ(message(id).sent_at, now_ + 301);
  EXPECT_EQ(settle_message(db(), policy_, *second, {SendStatus::Sent, ""}, now_ + 302),
            Settled::ClaimLost);
  EXPECT_FALSE(claim_next_message(db(), policy_, now_ + 100000));  // sent is sent
}

TEST_F(OutboxTest, ATransientFailureWaitsWithBackoffThenFailsAfterTheLastAttempt) {
  const Id id = queue(teacher_);
  const SendOutcome refused{SendStatus::Transient, "Couldn't connect to server"};
  auto claim = claim_next_message(db(), policy_, now_);
  EXPECT_EQ(settle_message(db(), policy_, *claim, refused, now_), Settled::Retrying);
  EXPECT_EQ(message(id).status, OutboxStatus::Queued);
  EXPECT_EQ(message(id).next_attempt_at, now_ + 60);
  EXPECT_EQ(message(id).last_error, "Couldn't connect to server");
  EXPECT_FALSE(claim_next_message(db(), policy_, now_ + 59));

  claim = claim_next_message(db(), policy_, now_ + 60);
  ASSERT_TRUE(claim);
  EXPECT_EQ(settle_message(db(), policy_, *claim, refused, now_ + 60), Settled::Retrying);
  EXPECT_EQ(message(id).next_attempt_at, now_ + 60 + 120);

  claim = claim_next_message(db(), policy_, now_ + 180);
  ASSERT_TRUE(claim);
  EXPECT_EQ(claim->attempts, 3);
  EXPECT_EQ(settle_message(db(), policy_, *claim, refused, now_ + 180), Settled::Failed);
  EXPECT_EQ(message(id).status, OutboxStatus::Failed);
  EXPECT_FALSE(claim_next_message(db(), policy_, now_ + 100000));
}

TEST_F(OutboxTest, APermanentRefusalFailsAtOnce) {
  const Id id = queue(teacher_);
  auto claim = claim_next_message(db(), policy_, now_);
  EXPECT_EQ(settle_message(db(), policy_, *claim, {SendStatus::Permanent, "RCPT failed (SMTP 550)"},
                           now_),
            Settled::Failed);
  EXPECT_EQ(message(id).status, OutboxStatus::Failed);
  EXPECT_EQ(message(id).attempts, 1);
}

TEST_F(OutboxTest, MessagesAreClaimedOldestDueFirst) {
  const Id first = queue(teacher_);
  now_ += 10;
  const Id second = queue(admin_);
  EXPECT_EQ(claim_next_message(db(), policy_, now_)->id, first);
  EXPECT_EQ(claim_next_message(db(), policy_, now_)->id, second);
  EXPECT_FALSE(claim_next_message(db(), policy_, now_));
}

TEST_F(OutboxTest, AnAdminSeesTheirOrganisationsOutboxAndRetriesAFailedEmail) {
  const Id id = queue(teacher_);
  const Id elsewhere = queue(other_admin_);
  auto claim = claim_next_message(db(), policy_, now_);
  ASSERT_EQ(claim->id, id);
  settle_message(db(), policy_, *claim, {SendStatus::Permanent, "refused (SMTP 550)"}, now_);

  EXPECT_EQ(
      outbox_overview(*context_, actor(teacher_, provider_), OutboxStatus::Failed).error().kind,
      ErrorKind::Forbidden);
  auto overview = outbox_overview(*context_, actor(admin_, provider_), OutboxStatus::Failed);
  ASSERT_TRUE(overview.ok());
  EXPECT_EQ(overview->counts.failed, 1);
  EXPECT_EQ(overview->counts.queued, 0);
  ASSERT_EQ(overview->messages.size(), 1u);
  EXPECT_EQ(overview->messages[0].last_error, "refused (SMTP 550)");

  const Actor admin = actor(admin_, provider_);
  EXPECT_EQ(retry_outbox_message(*context_, actor(teacher_, provider_), id).error().kind,
            ErrorKind::Forbidden);
  EXPECT_EQ(retry_outbox_message(*context_, admin, elsewhere).error().kind, ErrorKind::NotFound);
  EXPECT_EQ(retry_outbox_message(*context_, admin, 99999).error().kind, ErrorKind::NotFound);
  auto retried = retry_outbox_message(*context_, admin, id);
  ASSERT_TRUE(retried.ok());
  EXPECT_EQ(retried->status, OutboxStatus::Queued);
  EXPECT_EQ(retried->attempts, 0);
  EXPECT_EQ(retry_outbox_message(*context_, admin, id).error().kind, ErrorKind::Conflict);
  EXPECT_EQ(db().audit_of_organisation(provider_, 5).front().entity, "outbox_message");
  EXPECT_EQ(claim_next_message(db(), policy_, now_)->id, id);
}

TEST_F(OutboxTest, StoreRefusesARepeatedMessageIdAndUnknownIds) {
  const Id id = queue(teacher_);
  store::OutboxMessage copy = message(id);
  EXPECT_THROW(db().notifications().insert_outbox_message(copy), store::StoreFault);
  EXPECT_FALSE(db().notifications().outbox_message(99999));
  EXPECT_FALSE(db().notifications().notification(99999));
  EXPECT_FALSE(db().notifications().mark_sent(id, 1, now_));  // not claimed
  EXPECT_FALSE(db().notifications().mark_retry(id, 0, now_, "x"));
  EXPECT_FALSE(db().notifications().mark_failed(id, 0, "x"));
  EXPECT_FALSE(db().notifications().requeue_failed(id, now_));  // not failed
  EXPECT_FALSE(db().notifications().mark_read(99999, teacher_, now_));
}

TEST_F(OutboxTest, DeliverNextSendsTheGenericEmailWithTheFullLink) {
  const Id id = queue(teacher_);
  FakeTransport transport;
  MailerOptions options;
  options.mail_from = "Waymark <waymark@p.example>";
  options.base_url = "https://waymark.p.example/";
  options.retry = policy_;
  const Clock clock{[this] { return now_.load(); }, [] { return Date::today(); }};
  EXPECT_TRUE(deliver_next(db(), transport, options, clock));
  EXPECT_FALSE(deliver_next(db(), transport, options, clock));
  ASSERT_EQ(transport.sent.size(), 1u);
  const OutgoingMail& mail = transport.sent[0];
  EXPECT_EQ(mail.to, "teacher@p.example");
  EXPECT_EQ(mail.from, "Waymark <waymark@p.example>");
  EXPECT_EQ(mail.subject, kEmailSubject);
  EXPECT_NE(mail.body.find("https://waymark.p.example/pupils/7"), std::string::npos);
  EXPECT_EQ(mail.body.find("Pupil X"), std::string::npos);
  EXPECT_EQ(mail.message_id, message(id).message_id);
  EXPECT_EQ(message(id).status, OutboxStatus::Sent);
}

TEST_F(OutboxTest, TheMailerWorkerDeliversAndStopsBetweenMessages) {
  auto transport = std::make_unique<FakeTransport>();
  FakeTransport* seen = transport.get();
  MailerOptions options;
  options.retry = policy_;
  options.poll_milliseconds = 20;
  Mailer mailer(*store_, options, std::move(transport),
                Clock{[this] { return now_.load(); }, [] { return Date::today(); }});
  mailer.start();
  queue(teacher_);
  queue(admin_);
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  for (;;) {
    {
      std::lock_guard lock(seen->mutex);
      if (seen->sent.size() == 2u) break;
    }
    ASSERT_LT(std::chrono::steady_clock::now(), deadline) << "the worker did not deliver";
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  mailer.stop();
  EXPECT_EQ(db().notifications().outbox_counts(provider_).sent, 2);
}

TEST(MailFormat, RedactsCredentialsAndKeepsHeadersOnOneLine) {
  EXPECT_EQ(redacted_url("smtp://user:s3cret@mail.example:587/x?y"), "smtp://mail.example:587");
  EXPECT_EQ(redacted_url("smtp://127.0.0.1:2525"), "smtp://127.0.0.1:2525");
  EXPECT_EQ(redacted_url("no scheme"), "(an SMTP URL without a scheme)");
  OutgoingMail mail{"a@b.example", "c@d.example\r\nBcc: evil@x.example", "Hello\nthere",
                    "line one\nline two\n", "<abc@waymark>"};
  const std::string text = format_email(mail, 0);
  EXPECT_NE(text.find("Date: Thu, 01 Jan 1970 00:00:00 +0000\r\n"), std::string::npos);
  EXPECT_NE(text.find("To: c@d.example  Bcc: evil@x.example\r\n"), std::string::npos);
  EXPECT_NE(text.find("Subject: Hello there\r\n"), std::string::npos);
  EXPECT_NE(text.find("Message-ID: <abc@waymark>\r\n"), std::string::npos);
  EXPECT_NE(text.find("\r\n\r\nline one\r\nline two\r\n"), std::string::npos);
  EXPECT_EQ(smtp_timeout_for(RetryPolicy{60, 3600, 8, 300}), 150);
  EXPECT_EQ(smtp_timeout_for(RetryPolicy{60, 3600, 8, 1}), 1);
}

}  // namespace
}  // namespace waymark::app

namespace waymark::app {
namespace {

TEST(SmtpTransport, ARefusedConnectionIsTransientAndItsErrorCarriesNoCredentials) {
  // Port 1 on loopback: nothing listens, so the connection is refused at once.
  auto transport = make_smtp_transport("smtp://user:s3cret@127.0.0.1:1", 2);
  const SendOutcome outcome =
      transport->send(OutgoingMail{"a@b.example", "c@d.example", "s", "b", "<x@waymark>"});
  EXPECT_EQ(outcome.status, SendStatus::Transient);
  EXPECT_FALSE(outcome.error.empty());
  EXPECT_EQ(outcome.error.find("s3cret"), std::string::npos);
}

}  // namespace
}  // namespace waymark::app
