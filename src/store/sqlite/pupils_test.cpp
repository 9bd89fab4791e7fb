// A pupil's record through the SQLite store: round trip, UPN conflicts, replacing barriers and
// contacts, and lookups by UPN and by name and date of birth.
#include <gtest/gtest.h>

#include "store/sqlite/sqlite_test_support.h"

namespace waymark::store::sqlite {
namespace {

using testing::SqliteStoreTest;
using testing::test_upn;

Contact contact(const std::string& name, int priority, Id id = 0) {
  Contact contact;
  contact.id = id;
  contact.name = name;
  contact.relationship = "Mother";
  contact.parental_responsibility = true;
  contact.phone = "07700 900123";
  contact.email = "parent@example.org";
  contact.priority = priority;
  return contact;
}

Pupil full_pupil() {
  Pupil pupil = SqliteStoreTest::make_pupil("Samantha", "O'Neill", 7, Date::from_ymd(2010, 12, 31));
  pupil.preferred_forename = "Sam";
  pupil.sex = Sex::Unknown;
  pupil.nc_year_override = 9;
  pupil.sen = SenStatus::Ehcp;
  pupil.flags.pupil_premium = true;
  pupil.flags.looked_after = true;
  pupil.flags.young_carer = true;
  pupil.medical_needs = "Asthma: inhaler in the office";
  pupil.barriers = {{Barrier::Medical, "see medical needs"}, {Barrier::Attendance, ""}};
  pupil.contacts = {contact("First Carer", 1), contact("Second Carer", 2)};
  return pupil;
}

TEST_F(SqliteStoreTest, APupilRoundTripsWithBarriersAndContacts) {
  Pupil written = full_pupil();
  auto id = db().insert_pupil(written, 1234);
  ASSERT_TRUE(id.ok()) << id.error().message;
  auto read = db().pupil(*id);
  ASSERT_TRUE(read.has_value());
  EXPECT_EQ(read->id, *id);
  EXPECT_EQ(read->upn, written.upn);
  EXPECT_EQ(read->legal_forename, "Samantha");
  EXPECT_EQ(read->legal_surname, "O'Neill");
  EXPECT_EQ(read->preferred_forename, "Sam");
  EXPECT_EQ(read->preferred_surname, "");
  EXPECT_EQ(read->dob, Date::from_ymd(2010, 12, 31));
  EXPECT_EQ(read->sex, Sex::Unknown);
  EXPECT_EQ(read->nc_year_override, 9);
  EXPECT_EQ(read->sen, SenStatus::Ehcp);
  EXPECT_EQ(read->flags, written.flags);
  EXPECT_EQ(read->medical_needs, written.medical_needs);
  EXPECT_EQ(read->barriers, written.barriers);
  ASSERT_EQ(read->contacts.size(), 2u);
  for (std::size_t contact_idx = 0; contact_idx < 2; ++contact_idx) {
    Contact expected = written.contacts[contact_idx];
    expected.id = read->contacts[contact_idx].id;
    EXPECT_NE(expected.id, 0);
    EXPECT_EQ(read->contacts[contact_idx], expected);
  }
  EXPECT_EQ(read->updated_at, 1234);
  EXPECT_FALSE(db().pupil(*id + 100).has_value());
}

TEST_F(SqliteStoreTest, APupilWithoutUpnOrOverrideRoundTrips) {
  Id id = add_pupil("No", "Number");
  auto read = db().pupil(id);
  ASSERT_TRUE(read.has_value());
  EXPECT_FALSE(read->upn.has_value());
  EXPECT_FALSE(read->nc_year_override.has_value());
  EXPECT_TRUE(read->barriers.empty());
  EXPECT_TRUE(read->contacts.empty());
  // Many pupils may lack a UPN.
  EXPECT_NE(add_pupil("Also", "Unnumbered"), 0);
}

TEST_F(SqliteStoreTest, ADuplicateUpnIsAConflictOnInsertAndUpdate) {
  Id first = add_pupil("Ada", "Lovelace", 1);
  Id second = add_pupil("Bea", "Other", 2);
  auto inserted = db().insert_pupil(make_pupil("Cal", "Copy", 1), 1000);
  ASSERT_FALSE(inserted.ok());
  EXPECT_EQ(inserted.error().kind, ErrorKind::Conflict);
  ASSERT_EQ(inserted.error().fields.size(), 1u);
  EXPECT_EQ(inserted.error().fields[0].field, "upn");
  EXPECT_EQ(inserted.error().fields[0].reason, "another pupil already has this UPN");

  Pupil changed = *db().pupil(second);
  changed.upn = test_upn(1);
  changed.barriers = {{Barrier::Behaviour, "new"}};
  auto updated = db().update_pupil(changed, 2000);
  ASSERT_FALSE(updated.ok());
  EXPECT_EQ(updated.error().kind, ErrorKind::Conflict);
  EXPECT_EQ(updated.error().fields.at(0).field, "upn");
  // Nothing of the failed update was kept.
  auto unchanged = db().pupil(second);
  EXPECT_EQ(unchanged->upn, test_upn(2));
  EXPECT_TRUE(unchanged->barriers.empty());
  EXPECT_EQ(unchanged->updated_at, 1000);
  EXPECT_EQ(db().pupil_id_by_upn(test_upn(1).str()), first);
}

TEST_F(SqliteStoreTest, UpdateReplacesBarriersAndContactsKeepingKnownContactIds) {
  auto id = db().insert_pupil(full_pupil(), 1000);
  ASSERT_TRUE(id.ok());
  Id other_pupil = add_pupil(full_pupil().legal_forename, "Sibling");
  Id others_contact = [&] {
    Pupil other = *db().pupil(other_pupil);
    other.contacts = {contact("Their Carer", 1)};
    EXPECT_TRUE(db().update_pupil(other, 1500).ok());
    return db().pupil(other_pupil)->contacts.at(0).id;
  }();

  Pupil pupil = *db().pupil(*id);
  Id kept_id = pupil.contacts[1].id;
  pupil.legal_surname = "O'Neill-Smith";
  pupil.upn.reset();
  pupil.barriers = {{Barrier::Disengagement, "since Year 8"}};
  Contact kept = pupil.contacts[1];
  kept.priority = 1;
  kept.phone = "0117 496 0000";
  // A contact id that belongs to another pupil is not taken over: the contact gets a new id.
  pupil.contacts = {kept, contact("New Carer", 2), contact("Imposter", 3, others_contact)};
  ASSERT_TRUE(db().update_pupil(pupil, 3000).ok());

  auto read = db().pupil(*id);
  EXPECT_EQ(read->legal_surname, "O'Neill-Smith");
  EXPECT_FALSE(read->upn.has_value());
  EXPECT_EQ(read->barriers, pupil.barriers);
  EXPECT_EQ(read->updated_at, 3000);
  ASSERT_EQ(read->contacts.size(), 3u);
  EXPECT_EQ(read->contacts[0], kept);
  EXPECT_EQ(read->contacts[1].name, "New Carer");
  EXPECT_EQ(read->contacts[0].id, kept_id);
  EXPECT_NE(read->contacts[1].id, 0);
  EXPECT_NE(read->contacts[2].id, others_contact);
  // The other pupil's contact is untouched.
  EXPECT_EQ(db().pupil(other_pupil)->contacts.at(0).id, others_contact);
  EXPECT_EQ(db().pupil(other_pupil)->contacts.at(0).name, "Their Carer");
}

TEST_F(SqliteStoreTest, UpdatingAMissingPupilIsNotFound) {
  Pupil ghost = make_pupil("Nobody", "Here", 3);
  ghost.id = 999;
  auto updated = db().update_pupil(ghost, 1000);
  ASSERT_FALSE(updated.ok());
  EXPECT_EQ(updated.error().kind, ErrorKind::NotFound);
  EXPECT_FALSE(db().pupil_id_by_upn(test_upn(3).str()).has_value());
}

TEST_F(SqliteStoreTest, FindsPupilsByUpnAsTyped) {
  Id id = add_pupil("Ada", "Lovelace", 5);
  std::string upn = test_upn(5).str();
  std::string typed = " " + upn + " ";
  for (char& c : typed) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  EXPECT_EQ(db().pupil_id_by_upn(upn), id);
  EXPECT_EQ(db().pupil_id_by_upn(typed), id);
  EXPECT_FALSE(db().pupil_id_by_upn(test_upn(6).str()).has_value());
  EXPECT_FALSE(db().pupil_id_by_upn("").has_value());
}

TEST_F(SqliteStoreTest, FindsVisiblePupilsWithoutUpnByNameAndDateOfBirth) {
  Id school = add_organisation(OrgKind::School, "Brook School");
  Id other_school = add_organisation(OrgKind::School, "Other School");
  Date dob = Date::from_ymd(2011, 3, 4);
  Id match = add_pupil(make_pupil("Jo", "Bloggs", std::nullopt, dob));
  Id has_upn = add_pupil(make_pupil("Jo", "Bloggs", 8, dob));
  Id other_dob = add_pupil(make_pupil("Jo", "Bloggs", std::nullopt, Date::from_ymd(2011, 3, 5)));
  Id elsewhere = add_pupil(make_pupil("Jo", "Bloggs", std::nullopt, dob));
  for (Id pupil : {match, has_upn, other_dob}) enrol(pupil, school);
  enrol(elsewhere, other_school);

  Visibility visibility{OrgKind::School, school, false};
  EXPECT_EQ(db().pupil_ids_by_name_and_dob(visibility, "JO", "bloggs", dob),
            std::vector<Id>{match});
  EXPECT_TRUE(db().pupil_ids_by_name_and_dob(visibility, "Joe", "Bloggs", dob).empty());
  Visibility placed_only{OrgKind::School, school, true};
  EXPECT_TRUE(db().pupil_ids_by_name_and_dob(placed_only, "Jo", "Bloggs", dob).empty());
}

}  // namespace
}  // namespace waymark::store::sqlite
