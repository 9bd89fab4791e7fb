// Demo pupils: names, characteristics, medical needs, barriers, contacts, UPNs and the roll.
#include <cctype>
#include <set>

#include <fmt/format.h>

#include "app/demo_seed.h"
#include "core/nc_year.h"

namespace waymark::app::demo {

namespace {

// Names are grouped by heritage so that a pupil's forename, surname and family fit together, and
// so that English as an additional language falls where it plausibly would.
struct NameGroup {
  int weight;
  bool often_eal;
  std::vector<const char*> girls;
  std::vector<const char*> boys;
  std::vector<const char*> surnames;
  std::vector<const char*> women;  // parents' and grandparents' forenames
  std::vector<const char*> men;
};

const std::vector<NameGroup>& name_groups() {
  static const std::vector<NameGroup> groups = {
      {48,
       false,
       {"Amelia", "Olivia", "Chloe", "Jessica", "Ellie", "Grace", "Sophie", "Freya", "Ruby",
        "Megan", "Rebecca", "Shannon", "Lily", "Holly", "Courtney"},
       {"Harry", "Jack", "Tyler", "Reece", "Callum", "Liam", "Daniel", "Alexander", "Thomas",
        "Ethan", "Mason", "Kieran", "Riley", "Charlie", "Alfie", "Dylan", "Jordan", "Lewis",
        "Bradley"},
       {"Smith",  "Jones",  "Taylor",   "Brown",  "Williams", "Wilson", "Evans", "Roberts",
        "Walker", "Wright", "Thompson", "Hughes", "Edwards",  "Green",  "Hall",  "Wood",
        "Harris", "Bailey", "Turner",   "Cooper", "Price",    "Marsh"},
       {"Sarah", "Emma", "Lisa", "Joanne", "Michelle", "Claire", "Donna", "Kerry"},
       {"Mark", "Paul", "Lee", "Craig", "Gary", "Darren", "Stuart"}},
      {8,
       false,
       {"Niamh", "Aoife", "Caitlin", "Erin"},
       {"Connor", "Fraser", "Cian", "Ronan"},
       {"Murphy", "O'Brien", "Kelly", "McKenzie", "Doyle", "Byrne"},
       {"Siobhan", "Fiona", "Mairead"},
       {"Sean", "Declan", "Ciaran"}},
      {9,
       true,
       {"Katarzyna", "Zuzanna", "Maja", "Natalia", "Alicja"},
       {"Jakub", "Dominik", "Tomasz", "Kacper", "Filip", "Lukas"},
       {"Nowak", "Mazur", "Krawczyk", "Dudek", "Sikora", "Horvath", "Popescu"},
       {"Agnieszka", "Ewa", "Monika", "Ioana"},
       {"Piotr", "Marek", "Andrei", "Pawel"}},
      {14,
       true,
       {"Aisha", "Priya", "Fatima", "Zara", "Anaya", "Maryam", "Simran", "Hafsa"},
       {"Mohammed", "Ibrahim", "Arjun", "Rohan", "Bilal", "Yusuf", "Zain", "Hamza", "Aryan"},
       {"Patel", "Khan", "Ahmed", "Hussain", "Ali", "Mahmood", "Iqbal", "Shah", "Chowdhury",
        "Rahman"},
       {"Nadia", "Shabana", "Ruksana", "Sunita", "Farzana"},
       {"Imran", "Tariq", "Rajesh", "Asif", "Sanjay"}},
      {10,
       true,
       {"Amara", "Imani", "Chidinma", "Ama", "Blessing", "Adaeze"},
       {"Oluwaseun", "Kwame", "Tobi", "Emeka", "Kofi", "David"},
       {"Okoro", "Adeyemi", "Mensah", "Osei", "Boateng", "Adebayo", "Nwosu", "Mwangi"},
       {"Grace", "Yetunde", "Abena", "Ngozi"},
       {"Kwabena", "Femi", "Chukwuma", "Samuel"}},
      {11,
       false,
       {"Tia", "Aaliyah", "Jada", "Kiara", "Leah", "Nia"},
       {"Marcus", "Jayden", "Tyrese", "Malachi", "Kai", "Jermaine"},
       {"Campbell", "Francis", "Baptiste", "Reid", "Grant", "Henry", "Richards"},
       {"Marcia", "Sonia", "Janelle", "Paulette"},
       {"Dwayne", "Clive", "Leon", "Winston"}},
  };
  return groups;
}

// Forenames pupils commonly go by something else.
const std::map<std::string, std::string>& preferred_forenames() {
  static const std::map<std::string, std::string> names = {
      {"Alexander", "Alex"}, {"Oluwaseun", "Seun"},  {"Mohammed", "Mo"},   {"Jessica", "Jess"},
      {"Thomas", "Tom"},     {"Katarzyna", "Kasia"}, {"Rebecca", "Becky"}, {"Daniel", "Danny"},
      {"Chidinma", "Chi"},   {"Adaeze", "Ada"},      {"Zuzanna", "Zuzia"}, {"Tomasz", "Tomek"},
  };
  return names;
}

const std::vector<const char*> kMedicalNeeds = {
    "Asthma – inhaler in bag",
    "Nut allergy – adrenaline auto-injector in bag and in the office",
    "Type 1 diabetes – care plan in the office; may eat in lessons",
    "Epilepsy – rescue medication held in the office",
    "ADHD – medication taken at home before school",
    "Hay fever – antihistamine in bag",
};

const std::vector<const char*>& barrier_notes(Barrier barrier) {
  static const std::map<Barrier, std::vector<const char*>> notes = {
      {Barrier::Attendance,
       {"Attendance 62% last term; late most mornings", "Persistent absence since Year 8",
        "Did not attend for six weeks before referral"}},
      {Barrier::LearningDifficulty,
       {"Reading age about three years below chronological age",
        "Suspected dyslexia; assessment requested",
        "Working memory difficulties; give instructions in small steps"}},
      {Barrier::Behaviour,
       {"Three suspensions this year for defiance", "Struggles with transitions between lessons",
        "Leaves the room when frustrated; use the agreed time-out card"}},
      {Barrier::EmotionalSocial,
       {"Anxious in large groups; CAMHS referral made",
        "Low self-esteem; withdraws when challenged",
        "Friendship breakdown led to school avoidance"}},
      {Barrier::Medical,
       {"Misses lessons for hospital appointments",
        "Medication affects concentration in the afternoon"}},
      {Barrier::Disengagement,
       {"Says school is not for people like them",
        "Refuses written work; responds well to practical tasks",
        "Lost interest after poor mock results"}},
  };
  return notes.at(barrier);
}

const std::vector<const char*> kSocialWorkers = {"Jo Whitfield", "Sam Okonkwo", "Rachel Dunn",
                                                 "Imran Siddiqui", "Kirsty Lowe"};
const std::vector<const char*> kFosterCarers = {"Karen Holt", "Bev Ashworth", "Linda Carver",
                                                "Yvonne Parris", "Mike Ferris"};

// Year groups weighted towards KS4, as AP cohorts are: 60 pupils.
constexpr std::pair<int, int> kPupilsPerYear[] = {{7, 4}, {8, 7}, {9, 13}, {10, 17}, {11, 19}};

// A set of `count` pupils chosen at random from those `eligible`.
template <typename Eligible>
std::vector<bool> choose(Random& random, std::size_t total, int count, Eligible eligible) {
  std::vector<std::size_t> candidates;
  for (std::size_t index = 0; index < total; ++index)
    if (eligible(index)) candidates.push_back(index);
  random.shuffle(candidates);
  std::vector<bool> chosen(total, false);
  for (std::size_t taken = 0; taken < candidates.size() && static_cast<int>(taken) < count; ++taken)
    chosen[candidates[taken]] = true;
  return chosen;
}

int share(std::size_t total, int percent) {
  return static_cast<int>((total * percent + 50) / 100);
}

std::string email_part(const std::string& name) {
  std::string part;
  for (char c : name)
    if (std::isalnum(static_cast<unsigned char>(c)))
      part += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return part;
}

// Phone numbers from Ofcom's ranges reserved for drama (07700 900000-900999, 0161 496 0000-0999),
// so none can ring a real person.
class ContactBook {
 public:
  Contact make(const std::string& forename, const std::string& surname,
               const std::string& relationship, bool parental_responsibility, int priority,
               Random& random) {
    Contact contact;
    contact.name = forename + " " + surname;
    contact.relationship = relationship;
    contact.parental_responsibility = parental_responsibility;
    next_mobile_ += random.between(1, 7);
    contact.phone = fmt::format("07700 900{:03}", next_mobile_);
    if (random.percent(25)) contact.phone_alt = fmt::format("0161 496 0{:03}", random.below(1000));
    if (random.percent(60))
      contact.email = email_part(forename) + "." + email_part(surname) + "@example.com";
    contact.priority = priority;
    return contact;
  }
  // For professionals and carers listed by full name ("Jo Whitfield").
  Contact make(const std::string& full_name, const std::string& relationship,
               bool parental_responsibility, int priority, Random& random) {
    const std::size_t space = full_name.find(' ');
    return make(full_name.substr(0, space), full_name.substr(space + 1), relationship,
                parental_responsibility, priority, random);
  }

 private:
  int next_mobile_ = 100;
};

// Flags chosen for the whole cohort at once, so the proportions are what AP cohorts look like.
struct Cohort {
  std::vector<std::size_t> group;  // index into name_groups()
  std::vector<bool> fsm, pupil_premium, looked_after, child_in_need, child_protection, eal,
      young_carer;
  std::vector<bool> ehcp, sen_support, no_upn, medical;
};

Cohort choose_characteristics(Random& random, const std::vector<std::size_t>& groups) {
  const std::size_t total = groups.size();
  auto anyone = [](std::size_t) { return true; };
  Cohort cohort;
  cohort.group = groups;
  cohort.fsm = choose(random, total, share(total, 30), anyone);
  cohort.looked_after = choose(random, total, share(total, 8), anyone);
  // Pupil premium covers everyone eligible for FSM and every looked-after child, and a few more
  // (FSM at some point in the last six years).
  const int premium_extra = share(total, 35) - share(total, 30) - share(total, 8) / 2;
  std::vector<bool> extra = choose(random, total, premium_extra, [&](std::size_t index) {
    return !cohort.fsm[index] && !cohort.looked_after[index];
  });
  cohort.pupil_premium.resize(total);
  for (std::size_t index = 0; index < total; ++index)
    cohort.pupil_premium[index] = cohort.fsm[index] || cohort.looked_after[index] || extra[index];
  cohort.ehcp = choose(random, total, share(total, 12), anyone);
  cohort.sen_support = choose(random, total, share(total, 45),
                              [&](std::size_t index) { return !cohort.ehcp[index]; });
  cohort.child_in_need = choose(random, total, share(total, 10),
                                [&](std::size_t index) { return !cohort.looked_after[index]; });
  cohort.child_protection = choose(random, total, share(total, 4), [&](std::size_t index) {
    return !cohort.looked_after[index] && !cohort.child_in_need[index];
  });
  cohort.eal = choose(random, total, share(total, 12),
                      [&](std::size_t index) { return name_groups()[groups[index]].often_eal; });
  cohort.young_carer = choose(random, total, share(total, 5),
                              [&](std::size_t index) { return !cohort.looked_after[index]; });
  cohort.no_upn = choose(random, total, 5, anyone);
  cohort.medical = choose(random, total, share(total, 17), anyone);
  return cohort;
}

std::vector<BarrierNote> choose_barriers(Random& random, const Pupil& pupil) {
  std::vector<Barrier> wanted;
  if (pupil.sen != SenStatus::None && random.percent(60))
    wanted.push_back(Barrier::LearningDifficulty);
  if (!pupil.medical_needs.empty() && random.percent(50)) wanted.push_back(Barrier::Medical);
  std::vector<Barrier> others;
  for (Barrier barrier : all_barriers())
    if (barrier != Barrier::Medical && barrier != Barrier::LearningDifficulty)
      others.push_back(barrier);
  random.shuffle(others);
  const std::size_t count = static_cast<std::size_t>(random.between(1, 3));
  for (std::size_t other = 0; wanted.size() < count && other < others.size(); ++other)
    wanted.push_back(others[other]);
  std::vector<BarrierNote> barriers;
  for (Barrier barrier : wanted) barriers.push_back({barrier, random.pick(barrier_notes(barrier))});
  return barriers;
}

std::vector<Contact> choose_contacts(Random& random, ContactBook& book, const NameGroup& group,
                                     const Pupil& pupil) {
  const std::string& surname = pupil.legal_surname;
  std::vector<Contact> contacts;
  if (pupil.flags.looked_after) {
    // The LA shares parental responsibility for a child in care; foster carers do not hold it.
    contacts.push_back(book.make(random.pick(kFosterCarers), "Foster carer", false, 1, random));
    contacts.push_back(book.make(random.pick(kSocialWorkers), "Social worker", false, 2, random));
    return contacts;
  }
  const int first = random.below(100);
  if (first < 70) {
    contacts.push_back(book.make(random.pick(group.women), surname, "Mother", true, 1, random));
  } else if (first < 85) {
    contacts.push_back(book.make(random.pick(group.men), surname, "Father", true, 1, random));
  } else {
    contacts.push_back(
        book.make(random.pick(group.women), surname, "Grandmother", false, 1, random));
  }
  if (!random.percent(60)) return contacts;
  if (pupil.flags.child_in_need || pupil.flags.child_protection) {
    contacts.push_back(book.make(random.pick(kSocialWorkers), "Social worker", false, 2, random));
  } else if (contacts.front().relationship == "Mother") {
    contacts.push_back(book.make(random.pick(group.men), surname, "Father", true, 2, random));
  } else {
    contacts.push_back(book.make(random.pick(group.women), surname, "Mother", true, 2, random));
  }
  return contacts;
}

// A UPN as the LA would issue it in the year the pupil started Reception. The establishment is the
// home school's, so the demo needs no primary schools; one pupil has a temporary UPN.
Upn make_upn(int establishment_number, int reception_year, std::size_t pupil_index,
             bool temporary) {
  std::string last12 = temporary ? fmt::format("{}{:04}{:02}{:02}T", kLaCode, establishment_number,
                                               reception_year % 100, pupil_index % 100)
                                 : fmt::format("{}{:04}{:02}{:03}", kLaCode, establishment_number,
                                               reception_year % 100, 101 + pupil_index * 11 % 899);
  auto upn = Upn::parse(upn_check_letter(last12) + last12);
  if (!upn.ok())
    throw std::logic_error("demo data: invalid UPN " + last12 + ": " + upn.error().message);
  return *upn;
}

}  // namespace

std::vector<DemoPupil> seed_pupils(store::Connection& connection,
                                   const DemoOrganisations& organisations, Date today,
                                   std::int64_t now, Random& random) {
  const int academic_year = academic_year_start(today);
  std::vector<int> years;
  for (auto [year, count] : kPupilsPerYear)
    years.insert(years.end(), static_cast<std::size_t>(count), year);
  random.shuffle(years);
  std::vector<std::size_t> groups;
  int total_weight = 0;
  for (const NameGroup& group : name_groups()) total_weight += group.weight;
  for (std::size_t pupil_index = 0; pupil_index < years.size(); ++pupil_index) {
    int draw = random.below(total_weight);
    std::size_t group = 0;
    while (draw >= name_groups()[group].weight) draw -= name_groups()[group++].weight;
    groups.push_back(group);
  }
  const Cohort cohort = choose_characteristics(random, groups);
  const std::size_t temporary_upn_index = 7;

  ContactBook book;
  std::set<std::string> names_used;
  std::vector<DemoPupil> seeded;
  for (std::size_t pupil_index = 0; pupil_index < years.size(); ++pupil_index) {
    const NameGroup& group = name_groups()[groups[pupil_index]];
    const int year = years[pupil_index];
    Pupil pupil;
    pupil.sex =
        random.percent(68) ? Sex::Male : Sex::Female;  // AP cohorts are about two-thirds boys
    do {
      pupil.legal_forename = random.pick(pupil.sex == Sex::Male ? group.boys : group.girls);
      pupil.legal_surname = random.pick(group.surnames);
    } while (!names_used.insert(pupil.legal_forename + " " + pupil.legal_surname).second);
    if (auto preferred = preferred_forenames().find(pupil.legal_forename);
        preferred != preferred_forenames().end())
      pupil.preferred_forename = preferred->second;
    // Born in the academic year that puts them in `year` now (see core/nc_year.h).
    const int birth_year = academic_year - year - 5;
    pupil.dob = Date::from_ymd(birth_year, 9, 1).plus_days(random.below(365));
    const std::size_t school_index =
        static_cast<std::size_t>(random.below(static_cast<int>(organisations.schools.size())));
    const DemoSchool& school = organisations.schools[school_index];
    if (!cohort.no_upn[pupil_index])
      pupil.upn = make_upn(school.establishment_number, academic_year - year, pupil_index,
                           pupil_index == temporary_upn_index);
    pupil.sen = cohort.ehcp[pupil_index]          ? SenStatus::Ehcp
                : cohort.sen_support[pupil_index] ? SenStatus::Support
                                                  : SenStatus::None;
    pupil.flags = PupilFlags{.pupil_premium = cohort.pupil_premium[pupil_index],
                             .fsm = cohort.fsm[pupil_index],
                             .looked_after = cohort.looked_after[pupil_index],
                             .child_in_need = cohort.child_in_need[pupil_index],
                             .child_protection = cohort.child_protection[pupil_index],
                             .eal = cohort.eal[pupil_index],
                             .young_carer = cohort.young_carer[pupil_index]};
    if (cohort.medical[pupil_index]) pupil.medical_needs = random.pick(kMedicalNeeds);
    pupil.barriers = choose_barriers(random, pupil);
    pupil.contacts = choose_contacts(random, book, group, pupil);

    const std::string what = "pupil " + pupil.legal_forename + " " + pupil.legal_surname;
    require_valid(validate_pupil(pupil, today), what);
    const Id id = require_stored(connection.insert_pupil(pupil, now), what);

    Enrolment enrolment;
    enrolment.pupil_id = id;
    enrolment.school_id = school.id;
    enrolment.admission_date =
        first_day_of_autumn(academic_year - (year - 7));  // the start of Year 7
    require_valid(validate_enrolment(enrolment), "enrolment of " + what);
    connection.insert_enrolment(enrolment);
    seeded.push_back({id, school_index, year, pupil.sen, pupil.flags.looked_after});
  }
  return seeded;
}

}  // namespace waymark::app::demo
