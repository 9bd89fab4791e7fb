// Who sees which pupils, and the pupil list's filters, search, order and paging.
#include <algorithm>
#include <map>
#include <set>

#include <gtest/gtest.h>

#include "store/sqlite/sqlite_test_support.h"

namespace waymark::store::sqlite {
namespace {

using testing::SqliteStoreTest;
using testing::test_upn;

// Two local authorities, a school and a provider in each, and pupils placed in every way that
// the visibility rules distinguish.
class SqliteVisibilityTest : public SqliteStoreTest {
 protected:
  void SetUp() override {
    SqliteStoreTest::SetUp();
    la_a = add_organisation(OrgKind::LocalAuthority, "Authority A");
    la_b = add_organisation(OrgKind::LocalAuthority, "Authority B");
    school_s = add_organisation(OrgKind::School, "School S", la_a);
    school_t = add_organisation(OrgKind::School, "School T", la_b);
    provider_1 = add_organisation(OrgKind::Provider, "Provider 1", la_a);
    provider_2 = add_organisation(OrgKind::Provider, "Provider 2", la_b);

    pupils["on S roll"] = add_pupil("Roll", "Current");
    enrol(pupils["on S roll"], school_s);
    pupils["left S"] = add_pupil("Roll", "Former");
    enrol(pupils["left S"], school_s, Date::from_ymd(2024, 7, 19));
    pupils["T pupil placed by S"] = add_pupil("Placed", "ByS");
    enrol(pupils["T pupil placed by S"], school_t);
    place(pupils["T pupil placed by S"], provider_2, school_s);
    pupils["S pupil placed by S"] = add_pupil("Placed", "OwnRoll");
    enrol(pupils["S pupil placed by S"], school_s);
    place(pupils["S pupil placed by S"], provider_1, school_s, PlacementStatus::Ended);
    pupils["placed by LA A"] = add_pupil("Placed", "ByA");
    place(pupils["placed by LA A"], provider_2, la_a);
    pupils["in A's area"] = add_pupil("Placed", "InArea");
    place(pupils["in A's area"], provider_1, school_t);
    pupils["placed by LA B"] = add_pupil("Placed", "ByB");
    place(pupils["placed by LA B"], provider_2, la_b);
    pupils["nobody's"] = add_pupil("Not", "Placed");
  }

  std::set<std::string> listed(const Visibility& visibility) {
    PupilFilter filter;
    filter.limit = 100;
    PupilPage page = db().pupils(visibility, filter);
    EXPECT_EQ(page.total, static_cast<int>(page.pupils.size()));
    std::set<std::string> names;
    for (const Pupil& pupil : page.pupils)
      for (const auto& [name, id] : pupils)
        if (id == pupil.id) names.insert(name);
    // pupil_visible agrees with the list for every pupil.
    for (const auto& [name, id] : pupils)
      EXPECT_EQ(db().pupil_visible(id, visibility), names.count(name) == 1) << name;
    return names;
  }

  Id la_a = 0, la_b = 0, school_s = 0, school_t = 0, provider_1 = 0, provider_2 = 0;
  std::map<std::string, Id> pupils;
};

TEST_F(SqliteVisibilityTest, ASchoolSeesItsRollPastAndPresentAndThePupilsItPlaced) {
  EXPECT_EQ(
      listed({OrgKind::School, school_s, false}),
      (std::set<std::string>{"on S roll", "left S", "T pupil placed by S", "S pupil placed by S"}));
  EXPECT_EQ(listed({OrgKind::School, school_t, false}),
            (std::set<std::string>{"T pupil placed by S", "in A's area"}));
}

TEST_F(SqliteVisibilityTest, ACommissionerOnlyUserSeesOnlyThePupilsTheirOrganisationPlaced) {
  EXPECT_EQ(listed({OrgKind::School, school_s, true}),
            (std::set<std::string>{"T pupil placed by S", "S pupil placed by S"}));
  EXPECT_EQ(listed({OrgKind::LocalAuthority, la_a, true}),
            (std::set<std::string>{"placed by LA A"}));
}

TEST_F(SqliteVisibilityTest, AProviderSeesOnlyThePupilsPlacedWithIt) {
  EXPECT_EQ(listed({OrgKind::Provider, provider_1, false}),
            (std::set<std::string>{"S pupil placed by S", "in A's area"}));
  EXPECT_EQ(listed({OrgKind::Provider, provider_2, false}),
            (std::set<std::string>{"T pupil placed by S", "placed by LA A", "placed by LA B"}));
}

TEST_F(SqliteVisibilityTest, AnAuthoritySeesWhatItCommissionedAndPlacementsInItsArea) {
  EXPECT_EQ(listed({OrgKind::LocalAuthority, la_a, false}),
            (std::set<std::string>{"placed by LA A", "S pupil placed by S", "in A's area"}));
  EXPECT_EQ(listed({OrgKind::LocalAuthority, la_b, false}),
            (std::set<std::string>{"placed by LA B", "T pupil placed by S", "placed by LA A"}));
}

TEST_F(SqliteVisibilityTest, AnUnknownOrganisationSeesNobody) {
  EXPECT_TRUE(listed({OrgKind::School, 9999, false}).empty());
  EXPECT_TRUE(listed({OrgKind::Provider, 0, false}).empty());
  EXPECT_FALSE(db().pupil_visible(9999, {OrgKind::School, school_s, false}));
}

// The filters, over pupils all placed with one provider (so the provider sees them all).
class SqlitePupilFilterTest : public SqliteStoreTest {
 protected:
  void SetUp() override {
    SqliteStoreTest::SetUp();
    school = add_organisation(OrgKind::School, "Brook School");
    provider = add_organisation(OrgKind::Provider, "Harbour AP");
    other_provider = add_organisation(OrgKind::Provider, "Hillside AP");
  }

  Id add(Pupil pupil, PlacementStatus status = PlacementStatus::Active, Id at = 0) {
    Id id = add_pupil(pupil);
    place(id, at != 0 ? at : provider, school, status);
    return id;
  }

  std::vector<Id> ids(PupilFilter filter) {
    if (filter.limit == 50) filter.limit = 100;
    std::vector<Id> found;
    for (const Pupil& pupil : db().pupils(visibility(), filter).pupils) found.push_back(pupil.id);
    std::sort(found.begin(), found.end());
    return found;
  }

  std::vector<Id> searching(const std::string& text) {
    PupilFilter filter;
    filter.search = text;
    return ids(filter);
  }

  std::vector<Id> flagged(std::vector<std::string> flags) {
    PupilFilter filter;
    filter.flags = std::move(flags);
    return ids(filter);
  }

  // Sees everyone placed by the school, at either provider.
  Visibility visibility() const { return {OrgKind::School, school, false}; }

  Id school = 0, provider = 0, other_provider = 0;
};

TEST_F(SqlitePupilFilterTest, SearchMatchesUpnExactlyOrTheStartOfAName) {
  Pupil sam = make_pupil("Samantha", "Smith", 1);
  sam.preferred_forename = "Sammy";
  Id sam_id = add(sam);
  Id jo_id = add(make_pupil("Jo", "Smithers", 2));
  Pupil kit = make_pupil("Kit", "Jones", std::nullopt);
  kit.preferred_surname = "Marlowe";
  Id kit_id = add(kit);
  Id odd_id = add(make_pupil("Per%cent", "Under_score", std::nullopt));

  EXPECT_EQ(searching("smith"), (std::vector<Id>{sam_id, jo_id}));
  EXPECT_EQ(searching("  SAM "), (std::vector<Id>{sam_id}));
  EXPECT_EQ(searching("sammy"), (std::vector<Id>{sam_id}));
  EXPECT_EQ(searching("marl"), (std::vector<Id>{kit_id}));
  EXPECT_EQ(searching("Sammy Smi"), (std::vector<Id>{sam_id}));
  EXPECT_EQ(searching("samantha smith"), (std::vector<Id>{sam_id}));
  EXPECT_EQ(searching("mith"), std::vector<Id>{});
  // The UPN matches whole (any case), not as a prefix.
  std::string upn = test_upn(2).str();
  std::string lower = upn;
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  EXPECT_EQ(searching(lower), (std::vector<Id>{jo_id}));
  EXPECT_EQ(searching(upn.substr(0, 12)), std::vector<Id>{});
  // LIKE's wildcards in the search text match only themselves.
  EXPECT_EQ(searching("%"), std::vector<Id>{});
  EXPECT_EQ(searching("_"), std::vector<Id>{});
  EXPECT_EQ(searching("Per%"), (std::vector<Id>{odd_id}));
  EXPECT_EQ(searching("Under_"), (std::vector<Id>{odd_id}));
  EXPECT_EQ(searching("Unde__"), std::vector<Id>{});
  EXPECT_EQ(searching("").size(), 4u);
}

TEST_F(SqlitePupilFilterTest, FlagsCombineAndUnknownKeysAreIgnored) {
  Pupil fsm = make_pupil("Fay", "Meals", 1);
  fsm.flags.fsm = true;
  fsm.flags.eal = true;
  Id fsm_id = add(fsm);
  Pupil support = make_pupil("Sue", "Port", 2);
  support.sen = SenStatus::Support;
  support.flags.fsm = true;
  Id support_id = add(support);
  Pupil plan = make_pupil("Ed", "Plan", std::nullopt);
  plan.sen = SenStatus::Ehcp;
  plan.flags.looked_after = true;
  plan.flags.child_in_need = true;
  plan.flags.child_protection = true;
  plan.flags.pupil_premium = true;
  plan.flags.young_carer = true;
  Id plan_id = add(plan);

  EXPECT_EQ(flagged({"fsm"}), (std::vector<Id>{fsm_id, support_id}));
  EXPECT_EQ(flagged({"fsm", "eal"}), (std::vector<Id>{fsm_id}));
  EXPECT_EQ(flagged({"sen_k"}), (std::vector<Id>{support_id}));
  EXPECT_EQ(flagged({"sen_e"}), (std::vector<Id>{plan_id}));
  EXPECT_EQ(flagged({"ehcp", "sen_e"}), (std::vector<Id>{plan_id}));
  EXPECT_EQ(flagged({"no_upn"}), (std::vector<Id>{plan_id}));
  for (const char* key :
       {"looked_after", "child_in_need", "child_protection", "pupil_premium", "young_carer"})
    EXPECT_EQ(flagged({key}), (std::vector<Id>{plan_id})) << key;
  EXPECT_EQ(flagged({"no_such_flag"}).size(), 3u);
  EXPECT_EQ(flagged({"sen_k", "sen_e"}), std::vector<Id>{});
}

TEST_F(SqlitePupilFilterTest, NcYearMatchesTheOverrideOrTheBirthRange) {
  Id in_range = add(make_pupil("In", "Range", 1, Date::from_ymd(2011, 9, 1)));
  Id range_end = add(make_pupil("End", "Range", 2, Date::from_ymd(2012, 8, 31)));
  Id out_of_range = add(make_pupil("Out", "Range", 3, Date::from_ymd(2012, 9, 1)));
  Pupil held_back = make_pupil("Held", "Back", 4, Date::from_ymd(2011, 10, 1));
  held_back.nc_year_override = 8;
  Id held_back_id = add(held_back);
  Pupil moved_up = make_pupil("Moved", "Up", 5, Date::from_ymd(2012, 10, 1));
  moved_up.nc_year_override = 9;
  Id moved_up_id = add(moved_up);

  PupilFilter year_9;
  year_9.nc_year = 9;
  year_9.dob_from = Date::from_ymd(2011, 9, 1);
  year_9.dob_to = Date::from_ymd(2012, 8, 31);
  EXPECT_EQ(ids(year_9), (std::vector<Id>{in_range, range_end, moved_up_id}));
  PupilFilter override_only;
  override_only.nc_year = 8;
  EXPECT_EQ(ids(override_only), (std::vector<Id>{held_back_id}));
  PupilFilter born_from;
  born_from.dob_from = Date::from_ymd(2012, 9, 1);
  EXPECT_EQ(ids(born_from), (std::vector<Id>{out_of_range, moved_up_id}));
}

TEST_F(SqlitePupilFilterTest, PlacementFiltersApplyToOneAndTheSamePlacement) {
  Id active_here = add(make_pupil("Active", "Here", 1));
  Id referred_here = add(make_pupil("Referred", "Here", 2), PlacementStatus::Referred);
  Id active_there = add(make_pupil("Active", "There", 3), PlacementStatus::Active, other_provider);
  // Ended here, active elsewhere: not "active here".
  place(active_there, provider, school, PlacementStatus::Ended);
  Id on_roll = add_pupil("On", "Roll");
  enrol(on_roll, school);

  PupilFilter at_provider;
  at_provider.provider_id = provider;
  EXPECT_EQ(ids(at_provider), (std::vector<Id>{active_here, referred_here, active_there}));
  PupilFilter active;
  active.placement_status = PlacementStatus::Active;
  EXPECT_EQ(ids(active), (std::vector<Id>{active_here, active_there}));
  PupilFilter active_at_provider = at_provider;
  active_at_provider.placement_status = PlacementStatus::Active;
  EXPECT_EQ(ids(active_at_provider), (std::vector<Id>{active_here}));
  PupilFilter commissioned;
  commissioned.commissioner_id = school;
  commissioned.provider_id = other_provider;
  EXPECT_EQ(ids(commissioned), (std::vector<Id>{active_there}));
  PupilFilter roll;
  roll.school_id = school;
  EXPECT_EQ(ids(roll), (std::vector<Id>{on_roll}));
}

TEST_F(SqlitePupilFilterTest, ListsInNameOrderWithATotalBeforePaging) {
  Pupil preferred = make_pupil("Zed", "Zulu", 1);
  preferred.preferred_surname = "Adams";  // listed under the name the pupil goes by
  Id adams = add(preferred);
  Id brown_b = add(make_pupil("Bob", "brown", 2));
  Id brown_a = add(make_pupil("Amy", "Brown", 3));
  Id carter = add(make_pupil("Cat", "Carter", 4));

  PupilFilter first_page;
  first_page.limit = 2;
  PupilPage page = db().pupils(visibility(), first_page);
  EXPECT_EQ(page.total, 4);
  ASSERT_EQ(page.pupils.size(), 2u);
  EXPECT_EQ(page.pupils[0].id, adams);
  EXPECT_EQ(page.pupils[1].id, brown_a);
  EXPECT_TRUE(page.pupils[0].contacts.empty());

  PupilFilter second_page = first_page;
  second_page.offset = 2;
  page = db().pupils(visibility(), second_page);
  EXPECT_EQ(page.total, 4);
  ASSERT_EQ(page.pupils.size(), 2u);
  EXPECT_EQ(page.pupils[0].id, brown_b);
  EXPECT_EQ(page.pupils[1].id, carter);

  PupilFilter past_the_end = first_page;
  past_the_end.offset = 10;
  page = db().pupils(visibility(), past_the_end);
  EXPECT_EQ(page.total, 4);
  EXPECT_TRUE(page.pupils.empty());
}

}  // namespace
}  // namespace waymark::store::sqlite
