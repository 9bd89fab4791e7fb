#include "core/la_codes.h"

#include <algorithm>
#include <array>
#include <iterator>

namespace waymark {

namespace {

struct LocalAuthority {
  int code;
  std::string_view name;
};

// Sorted by code so that lookups can binary-search (checked below at compile time). Retired codes
// are kept, see the header, and named with the year they closed so that a user can tell why an old
// UPN names an authority that no longer exists. Tests for this table live in upn_test.cpp.
constexpr std::array kLocalAuthorities = std::to_array<LocalAuthority>({
    // Inner London
    {201, "City of London"},
    {202, "Camden"},
    {203, "Greenwich"},
    {204, "Hackney"},
    {205, "Hammersmith and Fulham"},
    {206, "Islington"},
    {207, "Kensington and Chelsea"},
    {208, "Lambeth"},
    {209, "Lewisham"},
    {210, "Southwark"},
    {211, "Tower Hamlets"},
    {212, "Wandsworth"},
    {213, "Westminster"},
    // Outer London
    {301, "Barking and Dagenham"},
    {302, "Barnet"},
    {303, "Bexley"},
    {304, "Brent"},
    {305, "Bromley"},
    {306, "Croydon"},
    {307, "Ealing"},
    {308, "Enfield"},
    {309, "Haringey"},
    {310, "Harrow"},
    {311, "Havering"},
    {312, "Hillingdon"},
    {313, "Hounslow"},
    {314, "Kingston upon Thames"},
    {315, "Merton"},
    {316, "Newham"},
    {317, "Redbridge"},
    {318, "Richmond upon Thames"},
    {319, "Sutton"},
    {320, "Waltham Forest"},
    // Metropolitan districts
    {330, "Birmingham"},
    {331, "Coventry"},
    {332, "Dudley"},
    {333, "Sandwell"},
    {334, "Solihull"},
    {335, "Walsall"},
    {336, "Wolverhampton"},
    {340, "Knowsley"},
    {341, "Liverpool"},
    {342, "St. Helens"},
    {343, "Sefton"},
    {344, "Wirral"},
    {350, "Bolton"},
    {351, "Bury"},
    {352, "Manchester"},
    {353, "Oldham"},
    {354, "Rochdale"},
    {355, "Salford"},
    {356, "Stockport"},
    {357, "Tameside"},
    {358, "Trafford"},
    {359, "Wigan"},
    {370, "Barnsley"},
    {371, "Doncaster"},
    {372, "Rotherham"},
    {373, "Sheffield"},
    {380, "Bradford"},
    {381, "Calderdale"},
    {382, "Kirklees"},
    {383, "Leeds"},
    {384, "Wakefield"},
    {390, "Gateshead"},
    {391, "Newcastle upon Tyne"},
    {392, "North Tyneside"},
    {393, "South Tyneside"},
    {394, "Sunderland"},
    {420, "Isles of Scilly"},
    // Wales
    {660, "Isle of Anglesey"},
    {661, "Gwynedd"},
    {662, "Conwy"},
    {663, "Denbighshire"},
    {664, "Flintshire"},
    {665, "Wrexham"},
    {666, "Powys"},
    {667, "Ceredigion"},
    {668, "Pembrokeshire"},
    {669, "Carmarthenshire"},
    {670, "Swansea"},
    {671, "Neath Port Talbot"},
    {672, "Bridgend"},
    {673, "Vale of Glamorgan"},
    {674, "Rhondda Cynon Taf"},
    {675, "Merthyr Tydfil"},
    {676, "Caerphilly"},
    {677, "Blaenau Gwent"},
    {678, "Torfaen"},
    {679, "Monmouthshire"},
    {680, "Newport"},
    {681, "Cardiff"},
    // Shire counties and unitary authorities
    {800, "Bath and North East Somerset"},
    {801, "Bristol"},
    {802, "North Somerset"},
    {803, "South Gloucestershire"},
    {805, "Hartlepool"},
    {806, "Middlesbrough"},
    {807, "Redcar and Cleveland"},
    {808, "Stockton-on-Tees"},
    {810, "Kingston upon Hull"},
    {811, "East Riding of Yorkshire"},
    {812, "North East Lincolnshire"},
    {813, "North Lincolnshire"},
    {815, "North Yorkshire"},
    {816, "York"},
    {820, "Bedfordshire (until 2009)"},
    {821, "Luton"},
    {822, "Bedford"},
    {823, "Central Bedfordshire"},
    {825, "Buckinghamshire"},
    {826, "Milton Keynes"},
    {830, "Derbyshire"},
    {831, "Derby"},
    {835, "Dorset (until 2019)"},
    {836, "Poole (until 2019)"},
    {837, "Bournemouth (until 2019)"},
    {838, "Dorset"},
    {839, "Bournemouth, Christchurch and Poole"},
    {840, "County Durham"},
    {841, "Darlington"},
    {845, "East Sussex"},
    {846, "Brighton and Hove"},
    {850, "Hampshire"},
    {851, "Portsmouth"},
    {852, "Southampton"},
    {855, "Leicestershire"},
    {856, "Leicester"},
    {857, "Rutland"},
    {860, "Staffordshire"},
    {861, "Stoke-on-Trent"},
    {865, "Wiltshire"},
    {866, "Swindon"},
    {867, "Bracknell Forest"},
    {868, "Windsor and Maidenhead"},
    {869, "West Berkshire"},
    {870, "Reading"},
    {871, "Slough"},
    {872, "Wokingham"},
    {873, "Cambridgeshire"},
    {874, "Peterborough"},
    {875, "Cheshire (until 2009)"},
    {876, "Halton"},
    {877, "Warrington"},
    {878, "Devon"},
    {879, "Plymouth"},
    {880, "Torbay"},
    {881, "Essex"},
    {882, "Southend-on-Sea"},
    {883, "Thurrock"},
    {884, "Herefordshire"},
    {885, "Worcestershire"},
    {886, "Kent"},
    {887, "Medway"},
    {888, "Lancashire"},
    {889, "Blackburn with Darwen"},
    {890, "Blackpool"},
    {891, "Nottinghamshire"},
    {892, "Nottingham"},
    {893, "Shropshire"},
    {894, "Telford and Wrekin"},
    {895, "Cheshire East"},
    {896, "Cheshire West and Chester"},
    {908, "Cornwall"},
    {909, "Cumbria (until 2023)"},
    {916, "Gloucestershire"},
    {919, "Hertfordshire"},
    {921, "Isle of Wight"},
    {925, "Lincolnshire"},
    {926, "Norfolk"},
    {928, "Northamptonshire (until 2021)"},
    {929, "Northumberland"},
    {931, "Oxfordshire"},
    {933, "Somerset"},
    {935, "Suffolk"},
    {936, "Surrey"},
    {937, "Warwickshire"},
    {938, "West Sussex"},
    {940, "North Northamptonshire"},
    {941, "West Northamptonshire"},
    {942, "Cumberland"},
    {943, "Westmorland and Furness"},
    // FIXME: Service Children's Education schools abroad have their own DfE number (believed to
    // be 702); add it once confirmed against Get Information about Schools.
});

static_assert(std::ranges::is_sorted(kLocalAuthorities, {}, &LocalAuthority::code),
              "kLocalAuthorities must stay sorted by code for binary search");

const LocalAuthority* find(int code) {
  auto found = std::ranges::lower_bound(kLocalAuthorities, code, {}, &LocalAuthority::code);
  if (found == kLocalAuthorities.end() || found->code != code) return nullptr;
  return &*found;
}

}  // namespace

bool is_la_code(int code) {
  return find(code) != nullptr;
}

std::string_view la_name(int code) {
  const LocalAuthority* authority = find(code);
  return authority == nullptr ? std::string_view{} : authority->name;
}

}  // namespace waymark
