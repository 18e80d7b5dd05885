"""Country normalisation to ISO 3166-1 alpha-3, with aliases and "did you mean" suggestions."""

from __future__ import annotations

import itertools
import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache

import pycountry
from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA, JaroWinkler

# Values that mean "we do not know": a data gap, never an error and never "low risk".
# "na" and "nd" are "not available" / "no data" here, as supplier lists use them; Namibia is
# written "Namibia" or "NAM" (its alpha-2 code NA gets a warning saying so, see normalise)
UNKNOWN_VALUES = frozenset(
    {
        *("", "unknown", "n/a", "na", "nd", "none", "null", "-", "--", "?", "tbd", "tbc"),
        *("not known", "undetermined", "not determined", "unspecified", "not specified"),
        "not applicable",
        # the same in the languages headers are read in (as keys: lower case, accents aside)
        *("unbekannt", "nicht bekannt", "unbestimmt", "nicht angegeben", "keine angabe"),
        *("keine angaben", "nicht zutreffend"),  # German
        *("inconnu", "inconnue", "non connu", "non connue", "non determine", "non specifie"),
        *("non precise", "non renseigne", "non applicable", "sans objet"),  # French
        *("desconocido", "desconocida", "no conocido", "no determinado", "no especificado"),
        *("sin datos", "sin informacion", "no aplica", "no aplicable"),  # Spanish
        *("desconhecido", "desconhecida", "nao conhecido", "nao determinado", "sem dados"),
        *("nao especificado", "nao informado", "nao se aplica", "nao aplicavel"),  # Portuguese
    }
)

# Placeholders written with their letters apart ("n.a.", "N/A", "n. a.", "N-A", "N A", "#N/A",
# "s/d", "k.A."), by the letters of each joined: a data gap, as UNKNOWN_VALUES. An ISO code is
# never written with its letters apart; read as codes, these were countries (NA is Namibia's
# alpha-2 code, SD Sudan's, SN Senegal's, NR Nauru's). Abbreviations of countries' names so
# written ("U.S.", "U.K.", "S.A.", "N.Z.") are none of these, and are read as countries.
SPELT_UNKNOWN = frozenset(
    {
        "na",  # not available, not applicable; nicht angegeben; no aplica; non applicable
        "nd",  # no data, not determined; non disponible; no disponible; nicht definiert
        "nk",  # not known
        "ns",  # not specified; non spécifié; no especificado
        "np",  # not provided; non précisé
        "nr",  # not reported; non renseigné
        "ne",  # not established, not estimated; nicht erhoben
        "nc",  # non communiqué
        "ni",  # no informado; não informado
        "nv",  # nicht verfügbar
        "nvt",  # niet van toepassing (Dutch: not applicable)
        "sd",  # sin dato(s), sin datos; sem dados
        "si",  # sin información
        "sn",  # sin nombre, sin número
        "so",  # sans objet (French: not applicable)
        "ka",  # keine Angabe
        "oa",  # ohne Angabe
        "tbd",
        "tbc",
        "tba",
    }
)
# the letters of a placeholder alone, or apart with dots, spaces or hyphens ("NA", "N.A.",
# "N A", "N-A"), as a country's code or its abbreviation may be written; not with a slash
# ("n/a", "S/D") or a sign ("#N/A"), which only a placeholder is
_AS_CODE = re.compile(r"[A-Za-z](?:[.\s-]*[A-Za-z]){1,2}\.?")


def _unknown(value: str, key: str) -> bool:
    """Whether a text (and its key) says "we do not know": one of UNKNOWN_VALUES, or a
    placeholder's letters apart ("n a" of "n.a.", "s d" of "S/D": SPELT_UNKNOWN)."""
    if key in UNKNOWN_VALUES or value.strip().casefold() in UNKNOWN_VALUES:
        return True
    letters = key.split()
    return (
        len(letters) > 1
        and all(len(letter) == 1 for letter in letters)
        and "".join(letters) in SPELT_UNKNOWN
    )


@lru_cache(maxsize=4096)
def is_unknown_text(value: str) -> bool:
    """Whether a text says "we do not know", as a country or a sector: one of
    UNKNOWN_VALUES, or a placeholder's letters written apart (SPELT_UNKNOWN: "n.a.", "N/A.",
    "s/d", "k.A."); cached per distinct value."""
    return _unknown(value, _key(value))


# Common names, local spellings and old names that pycountry does not carry.
ALIASES: dict[str, str] = {
    "ivory coast": "CIV",
    "cote divoire": "CIV",
    "cote d ivoire": "CIV",
    "rci": "CIV",  # République de Côte d'Ivoire, as its administration writes it
    "dr congo": "COD",
    "drc": "COD",
    "d r congo": "COD",
    "congo drc": "COD",
    "congo kinshasa": "COD",
    "democratic republic of congo": "COD",
    "democratic republic of the congo": "COD",
    "congo democratic republic of the": "COD",
    "congo democratic republic": "COD",
    "congo dem rep": "COD",
    "rdc": "COD",
    "dr of congo": "COD",
    "dr of the congo": "COD",
    # abbreviated as lists write them ("Dem. Rep. Congo", "Rép. dém. du Congo", "D.R.C.")
    "dem rep congo": "COD",
    "dem rep of congo": "COD",
    "dem rep of the congo": "COD",
    "democratic rep congo": "COD",
    "democratic rep of congo": "COD",
    "democratic rep of the congo": "COD",
    "rep dem congo": "COD",
    "rep dem du congo": "COD",
    "rd du congo": "COD",
    "d r c": "COD",
    "r d c": "COD",
    "dem rep kongo": "COD",
    "kongo dem rep": "COD",
    "demokratische rep kongo": "COD",
    "rep congo": "COG",
    "rep of congo": "COG",
    "rep of the congo": "COG",
    "rep du congo": "COG",
    "congo brazzaville": "COG",
    "republic of congo": "COG",
    "republic of the congo": "COG",
    "congo republic of the": "COG",
    "congo republic": "COG",  # the display name, "Congo (Republic)"
    "congo rep": "COG",  # World Bank
    "burma": "MMR",
    "vietnam": "VNM",
    "china mainland": "CHN",
    "mainland china": "CHN",
    "prc": "CHN",
    # the People's Republic after the name ("China (PRC)", "China P.R.", "P.R. China")
    "china prc": "CHN",
    "prc china": "CHN",
    "china p r": "CHN",
    "china pr": "CHN",
    "pr china": "CHN",
    "peoples republic of china": "CHN",
    "south korea": "KOR",
    "republic of korea": "KOR",
    "korea republic of": "KOR",
    "korea south": "KOR",
    "north korea": "PRK",
    "korea north": "PRK",
    "dprk": "PRK",
    "korea dpr": "PRK",
    "dpr korea": "PRK",  # the UN's short form ("D.P.R. Korea")
    "dpr of korea": "PRK",
    "rok": "KOR",
    "dem rep korea": "PRK",
    "korea dem rep": "PRK",
    "dem peoples rep korea": "PRK",
    "dem peoples rep of korea": "PRK",
    "rep korea": "KOR",
    "rep of korea": "KOR",
    "guinea conakry": "GIN",
    "guinee conakry": "GIN",
    "eq guinea": "GNQ",
    "guinea eq": "GNQ",
    "dom rep": "DOM",
    "dominican rep": "DOM",
    "rep dominicana": "DOM",
    "rep dominicaine": "DOM",
    "dominikanische rep": "DOM",
    "griechenland": "GRC",  # (it came closest to Greenland)
    "hong kong sar china": "HKG",  # World Bank
    "macao sar china": "MAC",
    "macao sar": "MAC",
    "macau sar": "MAC",
    "china p r hong kong": "HKG",  # IMF ("China, P.R.: Hong Kong"): not China itself
    "china p r macao": "MAC",
    "china p r mainland": "CHN",
    "st martin french part": "MAF",
    "sint maarten dutch part": "SXM",
    "sint maarten": "SXM",
    "korea dem peoples rep": "PRK",  # World Bank
    "korea rep": "KOR",  # World Bank
    "turkey": "TUR",
    "turkiye": "TUR",
    "turkey turkiye": "TUR",
    "brasil": "BRA",
    "russia": "RUS",
    "iran": "IRN",
    "syria": "SYR",
    "laos": "LAO",
    "lao pdr": "LAO",
    "tanzania": "TZA",
    "bolivia": "BOL",
    "venezuela": "VEN",
    "moldova": "MDA",
    "uk": "GBR",
    "u k": "GBR",
    "great britain": "GBR",
    "britain": "GBR",
    "england": "GBR",
    "scotland": "GBR",
    "northern ireland": "GBR",
    "north ireland": "GBR",
    "bosnia": "BIH",
    "bosnia herzegovina": "BIH",
    "sao tome": "STP",
    "wales": "GBR",
    "usa": "USA",
    "us virgin islands": "VIR",
    "u s virgin islands": "VIR",
    "united states virgin islands": "VIR",
    "virgin islands us": "VIR",
    "virgin islands u s": "VIR",
    "usvi": "VIR",
    "bvi": "VGB",
    # the two Virgin Islands told apart by their state, in English, German, French, Spanish,
    # Portuguese ("Virgin Islands (UK)" is no near miss of the U.S. Virgin Islands); "Virgin
    # Is (UK)" is read as "UK Virgin Is" ("virgin is uk" would be a near miss of "Virgin")
    **dict.fromkeys(
        (
            "virgin islands uk",
            "uk virgin is",
            "virgin islands gb",
            "uk virgin islands",
            "virgin is british",
            "british virgin is",
            "br virgin is",
            "br virgin islands",
            "brit virgin islands",
            "britische jungferninseln",
            "iles vierges britanniques",
            "islas virgenes britanicas",
            "ilhas virgens britanicas",
        ),
        "VGB",
    ),
    **dict.fromkeys(
        (
            "virgin islands usa",
            "usa virgin is",
            "us virgin is",
            "american virgin islands",
            "amerikanische jungferninseln",
            "iles vierges des etats unis",
            "iles vierges americaines",
            "islas virgenes de los estados unidos",
            "islas virgenes estadounidenses",
            "ilhas virgens dos estados unidos",
            "ilhas virgens americanas",
        ),
        "VIR",
    ),
    "us": "USA",
    "u s": "USA",
    "u s a": "USA",
    "united states of america": "USA",
    "america": "USA",
    "holland": "NLD",
    "the netherlands": "NLD",
    "nederland": "NLD",
    "czech republic": "CZE",
    "swaziland": "SWZ",
    "macedonia": "MKD",
    "fyrom": "MKD",  # "the Former Yugoslav Republic of Macedonia", its name until 2019
    "fyr macedonia": "MKD",
    "cape verde": "CPV",
    "kyrgyz republic": "KGZ",
    "kyrgyzstan": "KGZ",
    "kosovo": "XKX",
    "xkx": "XKX",
    "xk": "XKX",
    "taiwan": "TWN",
    "chinese taipei": "TWN",  # its name in the Olympics and the WTO
    "republic of china taiwan": "TWN",  # (the Republic of China alone is no one country)
    "taiwan republic of china": "TWN",
    "hong kong": "HKG",
    "hong kong sar": "HKG",
    "macau": "MAC",
    "macao": "MAC",
    "palestine": "PSE",
    "west bank and gaza": "PSE",
    "micronesia": "FSM",
    "the gambia": "GMB",
    "gambia": "GMB",
    "the bahamas": "BHS",
    "bahamas": "BHS",
    "slovak republic": "SVK",
    "deutschland": "DEU",
    "bundesrepublik deutschland": "DEU",
    "brd": "DEU",  # (Bundesrepublik Deutschland)
    "allemagne": "DEU",
    "espana": "ESP",
    "italia": "ITA",
    "schweiz": "CHE",
    "suisse": "CHE",
    "svizzera": "CHE",
    "osterreich": "AUT",
    "oesterreich": "AUT",
    "belgie": "BEL",
    "belgique": "BEL",
    "polska": "POL",
    "hrvatska": "HRV",
    "magyarorszag": "HUN",
    "sverige": "SWE",
    "norge": "NOR",
    "danmark": "DNK",
    "suomi": "FIN",
    "ellada": "GRC",
    "hellas": "GRC",
    "el": "GRC",  # the EU's and Eurostat's code for Greece (no ISO code: none other's)
    "mexique": "MEX",
    "perou": "PER",
    "bresil": "BRA",
    "inde": "IND",
    "chine": "CHN",
    "volksrepublik china": "CHN",
    "vr china": "CHN",
    "republique populaire de chine": "CHN",
    "republica popular china": "CHN",
    "republica popular de china": "CHN",
    "cameroun": "CMR",
    "turquie": "TUR",
    "maroc": "MAR",
    "vatican": "VAT",
    "holy see": "VAT",  # ISO's short name (its full one adds "(Vatican City State)")
    "vatican city": "VAT",
    "vatican city state": "VAT",
    "socialist republic of vietnam": "VNM",
    "republic of the union of myanmar": "MMR",  # the official name since 2011
    # the Serb entity of Bosnia and Herzegovina, as the Federation is its other
    "republika srpska": "BIH",
    "republic of srpska": "BIH",
    "federation of bosnia and herzegovina": "BIH",
    "east timor": "TLS",
    "timor leste": "TLS",
    "st lucia": "LCA",
    "saint lucia": "LCA",
    "st kitts and nevis": "KNA",
    "saint kitts": "KNA",  # (its short name in trade lists; "Nevis" is its other island)
    "saint vincent": "VCT",
    "south georgia": "SGS",  # (and the South Sandwich Islands)
    "st vincent and the grenadines": "VCT",
    "sao tome and principe": "STP",
    "uae": "ARE",
    "ksa": "SAU",  # the Kingdom of Saudi Arabia
    # Georgia told from the US state by a word ("Georgia (Country)")
    "georgia country": "GEO",
    "georgia the country": "GEO",
    "georgia caucasus": "GEO",
    "emirates": "ARE",
    "burkina": "BFA",
}

# Country names in German, French and Spanish (as supplier lists of employers' organisations
# and their members write them), for the countries of sourcing and trade; each is a name the
# country has in that language, never a guess. Names that are English ones are left out.
EXONYMS: dict[str, str] = {
    name: iso3
    for iso3, names in {
        "EGY": "agypten, aegypten, egypte, egipto",
        "ALB": "albanien, albanie",
        "DZA": "algerien, algerie, argelia",
        "ARG": "argentinien, argentine",
        "ARM": "armenien, armenie",
        "AZE": "aserbaidschan, azerbaidjan",
        "GNQ": "aquatorialguinea, aequatorialguinea, guinee equatoriale, guinea ecuatorial,"
        " guine equatorial",
        "ETH": "athiopien, aethiopien, ethiopie, etiopia",
        "AUS": "australien, australie",
        "BGD": "bangladesch",
        "BEL": "belgien, belgica",
        "BOL": "bolivien, bolivie",
        "BIH": "bosnien und herzegowina, bosnie herzegovine",
        "BRA": "brasilien",
        "BGR": "bulgarien, bulgarie",
        "CHL": "chili",
        "CIV": "elfenbeinkuste, elfenbeinkueste, costa de marfil",
        "DNK": "danemark, daenemark, dinamarca",
        "DOM": "dominikanische republik, republique dominicaine, republica dominicana",
        "DJI": "dschibuti",
        "ECU": "equateur",
        "EST": "estland, estonie",
        "FJI": "fidschi, fidji",
        "FIN": "finnland, finlande, finlandia",
        "FRA": "frankreich, francia",
        "GAB": "gabun",
        "GEO": "georgien, georgie",
        "GRC": "grece, grecia",
        "GBR": "grossbritannien, vereinigtes konigreich, vereinigtes koenigreich, royaume uni,"
        " reino unido",
        "GIN": "guinee, guine",
        "HKG": "hongkong",
        "IND": "indien",
        "IDN": "indonesien, indonesie",
        "IRQ": "irak",
        "IRL": "irland, irlande, irlanda",
        "ISL": "island, islande, islandia",
        "ITA": "italien, italie",
        "JAM": "jamaika, jamaique",
        "JPN": "japon",
        "YEM": "jemen",
        "JOR": "jordanien, jordanie, jordania",
        "KHM": "kambodscha, cambodge, camboya",
        "CMR": "kamerun, camerun",
        "CAN": "kanada",
        "CPV": "kap verde, kapverden, cap vert",
        "KAZ": "kasachstan",
        "QAT": "katar",
        "KEN": "kenia",
        "KGZ": "kirgisistan, kirghizistan",
        "COL": "kolumbien, colombie",
        "COD": "demokratische republik kongo, republique democratique du congo,"
        " republica democratica del congo, republica democratica do congo, dr kongo, rd kongo,"
        " rd congo, r d congo, rdc congo, kongo kinshasa",
        "COG": "republik kongo, rep kongo, republique du congo, republica del congo,"
        " republica do congo, kongo brazzaville",
        "HRV": "kroatien, croatie, croacia",
        "CUB": "kuba",
        "LVA": "lettland, lettonie, letonia",
        "LBN": "libanon, liban, libano",
        "LBY": "libyen, libye, libia",
        "LTU": "litauen, lituanie, lituania",
        "LUX": "luxemburg",
        "MDG": "madagaskar",
        "MYS": "malaisie, malasia",
        "MAR": "marokko, marruecos",
        "MRT": "mauretanien, mauritanie",
        "MUS": "ile maurice, iles maurice, mauricio",
        "MEX": "mexiko",
        "MDA": "moldau, moldawien",
        "MNG": "mongolei, mongolie",
        "MOZ": "mosambik",
        "MMR": "birmanie, birma",
        "NZL": "neuseeland, nouvelle zelande, nueva zelanda",
        "NLD": "niederlande, pays bas, paises bajos",
        "MKD": "nordmazedonien, macedoine du nord",
        "NOR": "norwegen, norvege, noruega",
        "PHL": "philippinen, filipinas",
        "POL": "polen, pologne, polonia",
        "ROU": "rumanien, rumaenien, roumanie, rumania",
        "RUS": "russland, russie, rusia",
        "RWA": "ruanda",
        "ZMB": "sambia, zambie",
        "SAU": "saudi arabien, arabie saoudite, arabia saudita",
        "SWE": "schweden, suede, suecia",
        "SRB": "serbien, serbie",
        "ZWE": "simbabwe",
        "SGP": "singapur, singapour",
        "SVK": "slowakei, slovaquie, eslovaquia",
        "SVN": "slowenien, slovenie, eslovenia",
        "ESP": "spanien, espagne",
        "ZAF": "sudafrika, suedafrika, afrique du sud, sudafrica",
        "KOR": "sudkorea, suedkorea, coree du sud, corea del sur, coreia do sul, republik korea,"
        " republique de coree, republica de corea",
        "PRK": "nordkorea, coree du nord, corea del norte, coreia do norte,"
        " demokratische volksrepublik korea, republique populaire democratique de coree,"
        " republica popular democratica de corea",
        "SSD": "sudsudan, suedsudan, soudan du sud, sudan del sur, sudao do sul",
        "SDN": "soudan, sudao",
        "GNB": "guinee bissau, guine bissau",
        "PNG": "papua neuguinea, papouasie nouvelle guinee, papua nueva guinea",
        "DMA": "dominique",
        "SYR": "syrien, syrie, siria",
        "TJK": "tadschikistan, tadjikistan",
        "TZA": "tansania, tanzanie",
        "THA": "thailande, tailandia",
        "TCD": "tschad",
        "CZE": "tschechien, tchequie, chequia",
        "TUN": "tunesien, tunisie, tunez",
        "TUR": "turkei, tuerkei, turquia",
        "UGA": "ouganda",
        "HUN": "ungarn, hongrie, hungria",
        "UZB": "usbekistan, ouzbekistan",
        "ARE": "vereinigte arabische emirate, emirats arabes unis, emiratos arabes unidos",
        "USA": "vereinigte staaten, vereinigte staaten von amerika, etats unis,"
        " etats unis d amerique, estados unidos",
        "BLR": "weissrussland",
        "CAF": "zentralafrikanische republik, republique centrafricaine",
        "CHE": "suiza",
        "DEU": "alemania",
        "AUT": "autriche",
    }.items()
    for name in (n.strip() for n in names.split(","))
}

# Countries that no longer exist (ISO 3166-3), read as the one country each became: their
# names in English, German, French and Spanish, and their ISO 3166-3 codes
FORMER_NAMES: dict[str, str] = {
    name: iso3
    for iso3, names in {
        "COD": "zaire, zar, republik zaire, republique du zaire",
        "MMR": "bur",
        "TLS": "tmp, osttimor, timor oriental",
        "DEU": "east germany, german democratic republic, ddr, deutsche demokratische republik,"
        " ostdeutschland, rda, republique democratique allemande, allemagne de l est,"
        " republica democratica alemana, alemania oriental, alemania del este",
        "BLR": "byelorussia, belorussia, byelorussian ssr, byelorussian soviet socialist republic",
        "BFA": "upper volta, republic of upper volta, obervolta, haute volta, alto volta",
        "BEN": "dahomey",
        "ZWE": "rhodesia, southern rhodesia, rhodesien, rhodesie, rodesia",
        "VUT": "new hebrides, nouvelles hebrides, neue hebriden",
        "YEM": "south yemen, democratic yemen, peoples democratic republic of yemen",
    }.items()
    for name in (n.strip() for n in names.split(","))
}


@dataclass(frozen=True, slots=True)
class _Dissolved:
    """A country that no longer exists and whose land is now in several: a supplier written
    in it is in one of them, never guessed."""

    name: str
    when: str  # the year it ended (or the years it broke up in)
    now: tuple[tuple[str, str], ...]  # the countries of its land today: (name, ISO3)
    names: str  # its names in English, German, French and Spanish, and its ISO 3166-3 code

    def why(self) -> str:
        now = [f"{name} ({iso3})" for name, iso3 in self.now]
        listed = f"{', '.join(now[:-1])} and {now[-1]}"
        return (
            f"a country that no longer exists ({self.when}); its land is now {listed}: write"
            " the one the supplier is in"
        )


# keyed by their ISO 3166-3 codes
DISSOLVED: dict[str, _Dissolved] = {
    "ANT": _Dissolved(
        "the Netherlands Antilles",
        "dissolved in 2010",
        (("Curaçao", "CUW"), ("Sint Maarten", "SXM"), ("Bonaire, Sint Eustatius and Saba", "BES")),
        "netherlands antilles, antilles neerlandaises, niederlandische antillen,"
        " niederlaendische antillen, antillas neerlandesas, ant",
    ),
    "YUG": _Dissolved(
        "Yugoslavia",
        "broken up from 1991 to 2006",
        (
            ("Bosnia and Herzegovina", "BIH"),
            ("Croatia", "HRV"),
            ("Kosovo", "XKX"),
            ("Montenegro", "MNE"),
            ("North Macedonia", "MKD"),
            ("Serbia", "SRB"),
            ("Slovenia", "SVN"),
        ),
        "yugoslavia, federal republic of yugoslavia, socialist federal republic of yugoslavia,"
        " sfr yugoslavia, sfry, jugoslawien, yougoslavie, jugoslavija, yug",
    ),
    "SCG": _Dissolved(
        "Serbia and Montenegro",
        "dissolved in 2006",
        (("Kosovo", "XKX"), ("Montenegro", "MNE"), ("Serbia", "SRB")),
        "serbia and montenegro, serbia montenegro, state union of serbia and montenegro,"
        " serbien und montenegro, serbie et montenegro, serbia y montenegro, scg",
    ),
    "CSK": _Dissolved(
        "Czechoslovakia",
        "dissolved in 1993",
        (("Czechia", "CZE"), ("Slovakia", "SVK")),
        "czechoslovakia, czecho slovakia, czechoslovak socialist republic, cssr, csfr,"
        " tschechoslowakei, tchecoslovaquie, checoslovaquia, csk",
    ),
    "SUN": _Dissolved(
        "the Soviet Union",
        "dissolved in 1991",
        (
            ("Armenia", "ARM"),
            ("Azerbaijan", "AZE"),
            ("Belarus", "BLR"),
            ("Estonia", "EST"),
            ("Georgia", "GEO"),
            ("Kazakhstan", "KAZ"),
            ("Kyrgyzstan", "KGZ"),
            ("Latvia", "LVA"),
            ("Lithuania", "LTU"),
            ("Moldova", "MDA"),
            ("Russia", "RUS"),
            ("Tajikistan", "TJK"),
            ("Turkmenistan", "TKM"),
            ("Ukraine", "UKR"),
            ("Uzbekistan", "UZB"),
        ),
        "ussr, soviet union, union of soviet socialist republics, udssr, sowjetunion, urss,"
        " union sovietique, union sovietica, cccp, sun",
    ),
    "GEL": _Dissolved(
        "the Gilbert and Ellice Islands",
        "divided in 1976",
        (("Kiribati", "KIR"), ("Tuvalu", "TUV")),
        "gilbert and ellice islands, gel",
    ),
}

# The states of the United States and their postal codes: a supplier written in one is in the
# United States, never in the country one shares its name with ("Georgia, USA" is no Georgia
# (GEO); "New Mexico" no Mexico, "New Jersey" no Jersey)
_US_STATE_CODES = (
    "al:alabama ak:alaska az:arizona ar:arkansas ca:california co:colorado ct:connecticut"
    " de:delaware fl:florida ga:georgia hi:hawaii id:idaho il:illinois in:indiana ia:iowa"
    " ks:kansas ky:kentucky la:louisiana me:maine md:maryland ma:massachusetts mi:michigan"
    " mn:minnesota ms:mississippi mo:missouri mt:montana ne:nebraska nv:nevada"
    " nh:new_hampshire nj:new_jersey nm:new_mexico ny:new_york nc:north_carolina"
    " nd:north_dakota oh:ohio ok:oklahoma or:oregon pa:pennsylvania ri:rhode_island"
    " sc:south_carolina sd:south_dakota tn:tennessee tx:texas ut:utah vt:vermont va:virginia"
    " wa:washington wv:west_virginia wi:wisconsin wy:wyoming dc:district_of_columbia"
    " dc:washington_dc dc:washington_d_c"
)
_US_STATES: dict[str, str] = {
    name.replace("_", " "): code
    for code, name in (pair.split(":") for pair in _US_STATE_CODES.split())
}
# words that say a state is one of the United States ("Georgia (USA)", "State of Georgia"),
# and its larger cities ("Atlanta, Georgia"); a state that is also a country's name (Georgia)
# is read as the state only with one of them
_US_WORDS = re.compile(
    r"\b(?:united states(?: of america)?|u ?s(?: ?a)?|america|state|"
    r"atlanta|savannah|augusta|columbus|macon|athens|albany|new york city|los angeles|chicago|"
    r"houston|phoenix|philadelphia|san antonio|san diego|dallas|san jose|austin|jacksonville|"
    r"san francisco|seattle|denver|boston|detroit|miami|albuquerque|santa fe|newark|"
    r"jersey city|trenton|charlotte|nashville|memphis|portland|las vegas|baltimore)\b"
)
_US_STATE = re.compile(
    r"\b(" + "|".join(sorted(map(re.escape, _US_STATES), key=len, reverse=True)) + r")\b"
)


def _us_state(key: str) -> str | None:
    """The US state a text names, with nothing else but words saying it is one ("Georgia,
    USA", "State of Georgia", "New Mexico"), or None. A state sharing a country's name
    ("Georgia") is the state only with such a word: alone, it is the country."""
    found = _US_STATE.search(key)
    if found is None:
        return None
    state = found.group(1)
    rest, marked = _US_WORDS.subn(" ", key[: found.start()] + " " + key[found.end() :])
    words = [w for w in rest.split() if w not in ("of", "the")]
    code = [w for w in words if w == _US_STATES[state]]  # its postal code: "Georgia, GA"
    if len(words) > len(code) or not (marked or code or state not in _table()):
        return None
    return state


_STATE_OF_CODE = {code: state for state, code in reversed(_US_STATES.items())}


def _city_and_state_code(value: str) -> str | None:
    """The US state whose postal code follows a US city ("Savannah, GA", "Boston, MA, USA",
    "Atlanta GA"), or None: the code is the state's, never the country's its letters are
    (Gabon's GA)."""
    head, comma, tail = value.partition(",")
    if not comma:  # ("Atlanta GA": the code is the last word)
        head, _, tail = value.strip().rpartition(" ")
    if not _US_WORDS.fullmatch(_key(head)):
        return None
    words = _US_WORDS.sub(" ", _key(tail)).split()
    return _STATE_OF_CODE.get(words[0]) if len(words) == 1 else None


def _as_written(value: str, state: str) -> str:
    """A US state as the text writes it ("Washington D.C", "NEW YORK"), else its name."""
    letters = [re.escape(c) for c in state.replace(" ", "")]
    dot = r"\.?" if len(state.split()[-1]) == 1 else ""  # ("Washington D.C.")
    found = re.search(r"[\W_]*".join(letters) + dot, value, re.IGNORECASE)
    return found.group(0) if found is not None else state.title()


def _us_state_error(written: str, state: str, *, by_code: bool = False) -> CountryMatch:
    """The error for a supplier written in a US state (by its name, or by its postal code
    after a city): it is in the United States, never in the country the state shares its
    name or its code with ("Georgia": Georgia's; "GA": Gabon's)."""
    code = _US_STATES[state]
    if code == "dc":  # (the capital's district, no state)
        return CountryMatch(None, suggestion=_USA, why=f"{written} is in the United States")
    country = _table().get(code if by_code else state)
    what = (
        f"{code.upper()} is the US state {state.title()}" if by_code else f"{written} is a US state"
    )
    why = what + (f" here, not the country {display_name(country)}" if country else "")
    return CountryMatch(None, suggestion=_USA, why=why)


_CHINA_OR_TAIWAN = "China (CHN) or Taiwan (TWN)"
# Names that mean two countries: an error with both suggestions, never a silent guess
AMBIGUOUS: dict[str, str] = {
    "roc": _CHINA_OR_TAIWAN,  # the Republic of China (see _ambiguous)
    "congo": "Congo (Republic) (COG) or DR Congo (COD)",
    "the congo": "Congo (Republic) (COG) or DR Congo (COD)",
    "korea": "South Korea (KOR) or North Korea (PRK)",
    "kongo": "Congo (Republic) (COG) or DR Congo (COD)",  # German
    **dict.fromkeys(("corea", "coree", "coreia"), "South Korea (KOR) or North Korea (PRK)"),
    # the British and the US Virgin Islands, in English, French, Spanish, Portuguese, German
    **dict.fromkeys(
        (
            "virgin islands",
            "virgin island",
            "virgin is",
            "iles vierges",
            "islas virgenes",
            "ilhas virgens",
            "jungferninseln",
        ),
        "Virgin Islands, British (VGB) or Virgin Islands, U.S. (VIR)",
    ),
}

# words of a state's form as lists abbreviate them ("Slovak Rep.", "Fed. Rep. of Nigeria"),
# and the points of the compass before a name ("N. Korea", "S. Sudan", "E. Timor")
_ABBREVIATIONS = {
    "rep": "republic",
    "dem": "democratic",
    "fed": "federal",
    "st": "saint",
    "n": "north",
    "s": "south",
    "e": "east",
}
# a state's form before its name ("Rep. of Niger", "République du Niger", "Republik Niger")
_STATE_FORM = re.compile(
    r"(?:the )?(?:rep|republic|republique|republica|republik|repubblica)"
    r"(?: (?:of|du|de|del|do|da|di))?(?: (?:the|la))? "
)


@dataclass(frozen=True, slots=True)
class _Family:
    """Countries whose names share a word ("Congo", "Korea", "Guinea") and are told apart by
    others ("Democratic", "Kinshasa"; "North"; "Bissau"): a near miss of one of them that
    names another's words must not be suggested as it ("Dem. Rep. Kongo" is no Republic of
    the Congo)."""

    words: frozenset[str]  # the shared words: a text naming one is one of these countries
    marks: dict[str, frozenset[str]]  # each country's words that tell it from the others
    plain: str  # the one whose names need no word of its own (every other's name has one)

    def names_one(self, tokens: list[str]) -> bool:
        return any(t in self.words for t in tokens)

    def marked(self, tokens: list[str], iso3: str) -> bool:
        """Whether the text names a word of this country's (a slip of one letter in a long
        word too: "Democartic" aside, "Nroth"), a word of the family's own read as written."""
        marks = self.marks[iso3]
        for token in tokens:
            if token in marks:
                return True
            if (
                len(token) >= 4
                and token not in self.words
                and not self._known(token)
                and any(len(m) >= 5 and OSA.distance(token, m) <= 1 for m in marks)
            ):
                return True
        return False

    def _known(self, token: str) -> bool:
        return any(token in marks for marks in self.marks.values())


_DEMOCRATIC = ("dem", "democratic", "democratique", "demokratische", "democratica")
_FAMILIES: tuple[_Family, ...] = tuple(
    _Family(frozenset(words.split()), {c: frozenset(m.split()) for c, m in marks.items()}, plain)
    for words, plain, marks in (
        (
            "congo kongo",
            "COG",
            {
                "COD": " ".join(_DEMOCRATIC) + " dr rd drc rdc kinshasa zaire zar",
                "COG": "brazzaville",
            },
        ),
        (
            "korea corea coree coreia",
            "KOR",
            {
                "PRK": " ".join(_DEMOCRATIC) + " dpr dprk dvrk rpd rpdc people peoples popular"
                " populaire volksrepublik north nord norte nordkorea",
                "KOR": "south sud sued sur sul sudkorea suedkorea rok",
            },
        ),
        (
            "sudan soudan sudao",
            "SDN",
            {"SSD": "south sud sued sur sul sudsudan suedsudan", "SDN": ""},
        ),
        (
            "guinea guinee guine",
            "GIN",
            {
                "GNB": "bissau",
                "GNQ": "equatorial ecuatorial equatoriale aquatorial aequatorial eq"
                " aquatorialguinea aequatorialguinea",
                "PNG": "papua papouasie papuasia new nouvelle nueva nova neuguinea",
                "GIN": "conakry",
            },
        ),
        ("niger nigeria", "NER", {"NGA": "nigeria nigerian federal fed", "NER": ""}),
        (
            "dominica dominican dominicana dominicaine dominikanische dominique",
            "DMA",
            {
                "DOM": "rep republic republik republique republica dominicana dominicaine"
                " dominikanische",
                "DMA": "commonwealth",
            },
        ),
    )
)
_FAMILY_OF = {iso3: family for family in _FAMILIES for iso3 in family.marks}


def _tokens(key: str) -> list[str]:
    """A key's words, and its run of single letters written together ("d r c": "drc")."""
    tokens = key.split()
    letters = "".join(t for t in tokens if len(t) == 1)
    return [*tokens, letters] if len(letters) > 1 else tokens


def _written_out(key: str) -> list[str]:
    """A key's other forms: its single letters written together ("d p r korea": "dpr
    korea"), its abbreviations written out ("slovak rep": "slovak republic"), and its name
    without the state's form before it ("rep of niger": "niger")."""
    joined = _joined(key)
    expanded = _expanded(key)
    forms = [joined, expanded, _named_after_state_form(expanded)]
    return [form for form in dict.fromkeys(forms) if form and form != key]


_POINTS = {"north": "n", "northern": "n", "south": "s", "southern": "s", "east": "e"}
_POINTS |= {"eastern": "e", "west": "w", "western": "w"}


def _points(name: str) -> set[str]:
    """The points of the compass a name has ("south korea": {"s"})."""
    return {_POINTS[word] for word in name.split() if word in _POINTS}


def _joined(key: str) -> str:
    """A key with its runs of single letters written together ("d p r korea": "dpr korea")."""
    return " ".join(
        "".join(words) if single else " ".join(words)
        for single, words in itertools.groupby(key.split(), key=lambda word: len(word) == 1)
    )


def _expanded(key: str) -> str:
    """A key with its single letters joined and its abbreviations written out ("n korea":
    "north korea", "slovak rep": "slovak republic")."""
    return " ".join(_ABBREVIATIONS.get(word, word) for word in _joined(key).split())


def _named_after_state_form(key: str) -> str | None:
    """The name after a state's form ("republic of the niger": "niger"), or None."""
    state = _STATE_FORM.match(key)
    return key[state.end() :] if state is not None else None


def _contradicts(key: str, iso3: str) -> bool:
    """Whether a text is no name of this country for the words it names: another country's
    of its family ("Dem. Rep. Kongo" for COG), or none of its own where each of its names
    has one ("Rép. du Congo" for COD)."""
    family = _FAMILY_OF.get(iso3)
    if family is None:
        return False
    tokens = _tokens(key)
    if iso3 != family.plain and not family.marked(tokens, iso3):
        return True
    return any(family.marked(tokens, other) for other in family.marks if other != iso3)


def _told_apart(key: str, iso3: str) -> str | None:
    """The one country of iso3's family the text names by a word of its own ("Kinshasa,
    Congo": COD), or None."""
    family = _FAMILY_OF[iso3]
    tokens = _tokens(key)
    named = [c for c in family.marks if family.marked(tokens, c) and not _contradicts(key, c)]
    return named[0] if len(named) == 1 else None


# Names as shown to users; pycountry's formal names are awkward for a few countries.
DISPLAY_NAMES: dict[str, str] = {
    "COD": "Congo (Democratic Republic)",
    "COG": "Congo (Republic)",
    "KOR": "South Korea",
    "PRK": "North Korea",
    "TWN": "Taiwan",
    "IRN": "Iran",
    "BOL": "Bolivia",
    "VEN": "Venezuela",
    "TZA": "Tanzania",
    "RUS": "Russia",
    "SYR": "Syria",
    "LAO": "Laos",
    "MDA": "Moldova",
    "XKX": "Kosovo",
    "PSE": "Palestine",
    "FSM": "Micronesia",
    "GBR": "United Kingdom",
    "USA": "United States",
}


def begins_the_name(text: str, name: str) -> bool:
    """Whether a text is the first words of a country's name, case, accents and punctuation
    aside ('Papua': Papua New Guinea, written in part; 'Pará' is no word of Paraguay's)."""
    words = _key(text).split()
    return bool(words) and _key(name).split()[: len(words)] == words


def _key(value: str) -> str:
    """Casefold, strip accents and punctuation so that 'Côte d’Ivoire' == 'cote divoire'."""
    # casefold first: it writes "ß" as "ss" (Großbritannien), which the ASCII step would drop
    text = unicodedata.normalize("NFKD", value.casefold()).encode("ascii", "ignore").decode()
    text = text.replace("'", "").replace("’", "").replace("&", " and ")
    text = re.sub(r"[^a-z0-9]+", " ", text).strip()
    return text


# territories, often written with the state they belong to or are tied to ("Jersey, United
# Kingdom", "Réunion, France", "Hong Kong, China"): one place, not two countries
_PART_OF = {
    **dict.fromkeys(("ASM", "GUM", "MNP", "PRI", "UMI", "VIR"), "USA"),
    **dict.fromkeys(
        (
            "AIA", "BMU", "CYM", "FLK", "GGY", "GIB", "IMN", "IOT", "JEY", "MSR", "PCN",
            "SGS", "SHN", "TCA", "VGB",
        ),
        "GBR",
    ),
    **dict.fromkeys(
        ("ATF", "BLM", "GLP", "GUF", "MAF", "MTQ", "MYT", "NCL", "PYF", "REU", "SPM", "WLF"),
        "FRA",
    ),
    **dict.fromkeys(("ABW", "BES", "CUW", "SXM"), "NLD"),
    **dict.fromkeys(("FRO", "GRL"), "DNK"),
    **dict.fromkeys(("BVT", "SJM"), "NOR"),
    **dict.fromkeys(("CCK", "CXR", "HMD", "NFK"), "AUS"),
    **dict.fromkeys(("COK", "NIU", "TKL"), "NZL"),
    "ALA": "FIN",
    **dict.fromkeys(("HKG", "MAC", "TWN"), "CHN"),
}  # fmt: skip
_USA = "United States (USA)"
# a name and a qualifier in brackets after it
_QUALIFIED = re.compile(r"\s*([^()]+?)\s*\(([^()]+)\)\s*")
# a country and a place in it after a dash with spaces: "China - Xinjiang"
_DASHED = re.compile(r"\s*(.+?)\s+[-–—]\s+(.+?)\s*")
_NOT_LATIN = "write the country's name in English, or its ISO code (CHN, RUS)"


@dataclass(frozen=True, slots=True)
class CountryMatch:
    """The outcome of normalising one country value."""

    iso3: str | None
    unknown: bool = False  # blank or "unknown": a data gap
    suggestion: str | None = None  # a near miss, for "did you mean"
    why: str | None = None  # what is wrong with it, when more than "unknown"
    # a placeholder whose letters are also a country's code, written as a code may be ("NA",
    # "N.A.", "S.D."): the country it is not read as (a data gap, said with a warning)
    not_read_as: str | None = None


@cache
def _table() -> dict[str, str]:
    table: dict[str, str] = {}
    for c in pycountry.countries:
        for attr in ("alpha_2", "alpha_3", "name", "official_name", "common_name"):
            value = getattr(c, attr, None)
            if value:
                table.setdefault(_key(value), c.alpha_3)
                if value.startswith("the "):  # ("the State of Eritrea": also without "the")
                    table.setdefault(_key(value[4:]), c.alpha_3)
        # "Congo, The Democratic Republic of the" → also "democratic republic of the congo"
        if "," in c.name:
            head, tail = c.name.split(",", 1)
            table.setdefault(_key(f"{tail} {head}"), c.alpha_3)
    for alias, iso3 in ALIASES.items():
        table[_key(alias)] = iso3
    for name, iso3 in EXONYMS.items():
        table.setdefault(_key(name), iso3)
    for key, iso3 in _translated_names().items():
        table.setdefault(key, iso3)
    for name, iso3 in FORMER_NAMES.items():
        table.setdefault(_key(name), iso3)
    for code, former in DISSOLVED.items():  # (read as no country: see normalise_country)
        for name in former.names.split(","):
            table.setdefault(_key(name), code)
    table.pop("", None)
    return table


# the languages whose names of the countries are read (pycountry's translations of ISO 3166-1,
# from Debian's iso-codes): those supplier lists are written in, beside English
TRANSLATED = ("de", "fr", "es", "pt", "pt_BR", "nl", "it")


def _translated_names() -> dict[str, str]:
    """The countries' ISO names (short, official and common) in the TRANSLATED languages, as
    keys: "Malaui", "Moçambique", "Duitsland", "Ivoorkust". A name two countries have in the
    catalogues, one that is ambiguous ("Kongo"), or one whose words of a family of names are
    not read as such ("Zuid-Soedan") is left out: never a guess."""
    import gettext

    found: dict[str, set[str]] = {}
    for language in TRANSLATED:
        try:
            catalogue = gettext.translation(
                "iso3166-1", pycountry.LOCALES_DIR, languages=[language]
            )
        except OSError:  # (a pycountry without its translations: the English names only)
            continue
        for c in pycountry.countries:
            for attr in ("name", "official_name", "common_name"):
                value = getattr(c, attr, None)
                if value:
                    found.setdefault(_key(catalogue.gettext(value)), set()).add(c.alpha_3)
    return {
        key: next(iter(codes))
        for key, codes in found.items()
        if len(codes) == 1
        and key
        and key not in AMBIGUOUS
        and not key.startswith("the ")
        # (nor one the words that tell a family apart rule out: "papoea nieuw guinea")
        and not _contradicts(key, next(iter(codes)))
    }


def _ambiguous(key: str) -> str | None:
    """The two countries a key may name ("the Congo"), or None. The Republic of China is
    Taiwan's official name, and often written for the People's Republic ("République de
    Chine", "Rep. of China")."""
    bare = key[4:] if key.startswith("the ") else key
    if bare in AMBIGUOUS:
        return AMBIGUOUS[bare]
    if _named_after_state_form(key) in ("china", "chine"):
        return _CHINA_OR_TAIWAN
    return None


def _read(key: str) -> str | None:
    """The country a key names whole, as written or in a form of _written_out ("Rep. of
    Niger", "Slovak Rep.", "D.P.R. Korea"): never a name of two, nor one its words rule out
    ("Rep. of Dominica" is no Dominica)."""
    table = _table()
    iso3 = table.get(key)
    if iso3 is None and key.startswith("the "):
        iso3 = table.get(key[4:])
    if iso3 is not None:
        return iso3
    # told apart by its words written out ("S. Sudan": "south sudan"; "Rep. of Dominica")
    whole = _expanded(key)
    for form in _written_out(key):
        iso3 = None if form in AMBIGUOUS else table.get(form)
        if iso3 is not None and not _contradicts(whole, iso3):
            return iso3
    return None


@cache
def _names() -> list[str]:
    """Candidates for suggestions: names only (two- and three-letter codes suggest noise)."""
    return [k for k in _table() if len(k) > 3]


def _names_for(key: str) -> list[str]:
    """The names a near miss may be suggested as: those of a family it names a shared word
    of ("Republic of Niger": Niger's or Nigeria's), and never one of a country its words
    rule out (see _contradicts)."""
    tokens = key.split()
    families = [f for f in _FAMILIES if f.names_one(tokens)]
    out = {c for family in _FAMILIES for c in family.marks if _contradicts(key, c)}
    within = {c for family in families for c in family.marks} - out if families else None
    if within is None and not out:
        return _names()
    table = _table()
    return [n for n in _names() if table[n] not in out and (within is None or table[n] in within)]


# words the names of many countries share ("Republic", "State", "Kingdom"): set aside when a
# near miss is compared, so that none is suggested for them alone ("Lao Republic" came
# closest to "Slovak Republic", "Democratic Republic of Vietnam" to the DR Congo's)
_GENERIC_WORDS = (
    "republic republics rep republique republica republik republika state democratic dem"
    " democratique democratica socialist union kingdom peoples people federal fed of the"
)
_GENERIC = frozenset(_GENERIC_WORDS.split())


_LONG_GENERIC = tuple(word for word in _GENERIC if len(word) >= 7)


def _own_words(name: str) -> list[str]:
    """A name's words but the generic ones ("lao peoples democratic republic": "lao"), a
    long one with a slip of one letter too ("Democartic Rep. Laos": "laos")."""
    return [
        word
        for word in name.split()
        if word not in _GENERIC
        and not (len(word) >= 6 and any(OSA.distance(word, g) <= 1 for g in _LONG_GENERIC))
    ]


def _content(name: str) -> str:
    """A name as compared with near misses: its own words, or all of them where the generic
    ones tell it from another country ("Rep. of Korea", "Dem. Rep. Congo")."""
    content = " ".join(_own_words(name))
    return name if content in AMBIGUOUS else content


@cache
def _contents() -> dict[str, str]:
    return {name: _content(name) for name in _names()}


def _closest(near: str, names: list[str]) -> str | None:
    """The name a near miss is closest to, its generic words set aside, or None; of those as
    close once set aside, the one closest as written."""
    query = _content(near)
    if not query:  # ("Republic of the Union": no country's own word)
        return None
    contents = _contents()
    choices = [contents[name] for name in names]
    found = process.extract(
        query, choices, scorer=JaroWinkler.normalized_similarity, score_cutoff=0.9, limit=None
    )
    if found:
        top = max(score for _, score, _ in found)
        return max(
            (names[i] for _, score, i in found if score == top),
            key=lambda name: JaroWinkler.normalized_similarity(near, name),
        )
    # as written, for words run together or a slip in a short name ("Stateof Kuwait", "State
    # of Qtar"), where it shares a word of the country's own
    for scorer, cutoff in ((JaroWinkler.normalized_similarity, 0.9), (fuzz.ratio, 80)):
        if scorer is fuzz.ratio and len(near) < 5:
            break
        best = process.extractOne(near, names, scorer=scorer, score_cutoff=cutoff)
        if best is not None:
            theirs = _own_words(best[0])
            shared = any(fuzz.ratio(a, b) >= 75 for a in _own_words(near) for b in theirs)
            return best[0] if shared else None
    return None


# words that name no country of their own in a part of a name ("Islands", "and"): a part
# made only of them suggests none
_PART_WORDS = _GENERIC | frozenset(
    {"and", "island", "islands", "d", "de", "du", "da", "del", "di", "des", "la", "le", "el"}
)
_PART_MOST = 3  # the most countries a part of a name suggests


@cache
def _names_by_word() -> dict[str, list[str]]:
    """The names of today's countries by each of their words (for _names_with): no former
    name ("New Hebrides"), nor one of a country that no longer exists."""
    former = {_key(name) for name in FORMER_NAMES}
    table = _table()
    by_word: dict[str, list[str]] = {}
    for name in _names():
        if name in former or table[name] in DISSOLVED:
            continue
        for word in dict.fromkeys(name.split()):
            by_word.setdefault(word, []).append(name)
    return by_word


def _names_with(key: str) -> str | None:
    """The countries a part of a name is whole words of ("Saudi": Saudi Arabia; "Lanka": Sri
    Lanka; "Côte": Côte d'Ivoire), those whose name begins with it first, at most
    _PART_MOST, as a suggestion; None where it is no part of any or names no country's own
    word ("Islands", "Republic")."""
    words = key.split()
    if not words or all(word in _PART_WORDS or len(word) < 3 for word in words):
        return None
    table = _table()
    found: dict[str, int] = {}
    for name in _names_by_word().get(words[0], ()):
        theirs = name.split()
        at = next(
            (i for i in range(len(theirs) - len(words) + 1) if theirs[i : i + len(words)] == words),
            None,
        )
        if at is not None and at < found.get(table[name], len(theirs)):
            found[table[name]] = at
    codes = sorted(found, key=lambda code: (found[code], display_name(code)))[:_PART_MOST]
    texts = [f"{display_name(code)} ({code})" for code in codes]
    return " or ".join(filter(None, [", ".join(texts[:-1]), *texts[-1:]])) or None


def _islands_told(key: str) -> str | None:
    """Why "Islands" (or "Island of") is no country: the names of many hold it; None for
    another key of words that name no country's own ("Republic")."""
    if not {"island", "islands"} & set(key.split()):
        return None
    table = _table()
    codes = {table[name] for name in _names_by_word().get("islands", ())}
    named = [sentence_name(c) for c in sorted(codes, key=lambda c: display_name(c).casefold())]
    return (
        f"the names of {len(codes)} countries hold 'Islands' ({', '.join(named[:3])}, …):"
        " write the whole name"
    )


@lru_cache(maxsize=512)
def display_name(iso3: str) -> str:
    """A readable English name for an ISO3 code."""
    if iso3 in DISPLAY_NAMES:
        return DISPLAY_NAMES[iso3]
    if iso3 in DISSOLVED:  # (never a supplier's: a country of its land is)
        return DISSOLVED[iso3].name
    c = pycountry.countries.get(alpha_3=iso3)
    if c is None:
        return iso3
    return str(getattr(c, "common_name", None) or c.name)


# the names read with "the" in a sentence ("which the Netherlands does not produce"), besides
# those of the forms below (the United States, the Solomon Islands, the Dominican Republic)
_WITH_THE = frozenset(
    [
        "Bahamas",
        "Comoros",
        "Falkland Islands (Malvinas)",
        "Gambia",
        "Holy See",
        "Maldives",
        "Netherlands",
        "Philippines",
    ]
)


@lru_cache(maxsize=512)
def sentence_name(iso3: str) -> str:
    """A country's name as a sentence reads it: display_name, with "the" where English
    writes one (the Netherlands, the Philippines, the United Kingdom, the Cayman Islands)."""
    name = display_name(iso3)
    if (
        name in _WITH_THE
        or name.startswith("United ")
        or name.endswith((" Islands", " Republic", " Emirates"))
    ):
        return f"the {name}"
    return name


@lru_cache(maxsize=1024)
def is_iso3(code: str) -> bool:
    """True when code is an ISO 3166-1 alpha-3 code (or Kosovo's XKX)."""
    return code == "XKX" or pycountry.countries.get(alpha_3=code) is not None


def _code_of(value: str, key: str) -> str | None:
    """The country whose ISO code a placeholder's letters are, where it is written as a code
    may be ("NA", "N.A.", "S.D.": Namibia, Sudan), else None ("n/a", "#N/A", "nd")."""
    if _AS_CODE.fullmatch(value.strip()) is None:
        return None
    letters = key.replace(" ", "").upper()
    if len(letters) == 2:
        country = pycountry.countries.get(alpha_2=letters)
    else:
        country = pycountry.countries.get(alpha_3=letters)
    return None if country is None else str(country.alpha_3)


_GARBLED = (
    "its letters are garbled: it is {mended!r} written in UTF-8 and read as Windows-1252"
    " somewhere along the way (a spreadsheet or export step using the wrong encoding); save"
    " the file as UTF-8 again, or write the name anew"
)


def _mended(text: str) -> str | None:
    """A text as it read before UTF-8 bytes were taken for Windows-1252 (or Latin-1)
    characters, where it holds the signs of that ('Ã', 'Â', 'â€') and reads back cleanly;
    else None. Such text reaches a file when a spreadsheet or export step reads UTF-8 as the
    system's code page and saves it again."""
    if not any(sign in text for sign in ("Ã", "Â", "â€", "Ä", "Å")):
        return None
    for encoding in ("cp1252", "latin-1"):
        try:
            mended = text.encode(encoding).decode("utf-8")
        except UnicodeError:
            continue
        if mended != text:
            return mended
    return None


@lru_cache(maxsize=4096)
def normalise_country(value: str | None) -> CountryMatch:
    """Map a country as written in a supplier list to ISO3; cached per distinct value."""
    if value is None:
        return CountryMatch(None, unknown=True)
    key = _key(str(value))
    if not key and any(unicodedata.category(c).startswith("L") for c in str(value)):
        return CountryMatch(None, why=_NOT_LATIN)  # "中国", "Россия": no name in English
    if _unknown(str(value), key):
        return CountryMatch(None, unknown=True, not_read_as=_code_of(str(value), key))
    if (ambiguous := _ambiguous(key)) is not None:
        return CountryMatch(None, suggestion=ambiguous)
    table = _table()
    turned = _key(" ".join(reversed(str(value).split(",", 1))))  # ("Mexico, New")
    if (state := _us_state(key) or _us_state(turned)) is not None:  # "Georgia (USA)"
        return _us_state_error(_as_written(str(value), state), state)
    if (state := _city_and_state_code(str(value))) is not None:
        return _us_state_error(str(value).strip(), state, by_code=True)  # "Atlanta, GA"
    iso3 = _read(key)
    if iso3 is None and (parts := _QUALIFIED.fullmatch(str(value))) is not None:
        # a qualifier in brackets, as ISO writes them: "Korea (the Republic of)",
        # "Netherlands (the)", "Korea (South)"
        turned = _key(f"{parts.group(2)} {parts.group(1)}")
        if (ambiguous := _ambiguous(turned)) is not None:  # "Congo (the)", "China (Rep. of)"
            return CountryMatch(None, suggestion=ambiguous)
        iso3 = _read(turned)
        if iso3 is None:  # two names of one country: "Burma (Myanmar)", "Holland (Netherlands)"
            name, other = (_read(_key(part)) for part in parts.groups())
            iso3 = name if name == other else None
    if iso3 is None and "," in str(value):
        head_text, tail_text = str(value).split(",", 1)
        head, tail = _key(head_text), _key(tail_text)
        # reversed, as in statistical lists: "Guinea, Equatorial", "Sudan, Rep. of South"
        turned = _key(f"{tail_text} {head_text}")
        if (ambiguous := _ambiguous(turned)) is not None:  # "Congo, The", "China, Rep. of"
            return CountryMatch(None, suggestion=ambiguous)
        iso3 = _read(turned)
        if iso3 is None:  # World Bank style: "Egypt, Arab Rep."
            iso3 = None if head in AMBIGUOUS else table.get(head)
            if iso3 is not None and _contradicts(key, iso3):  # "Sudan, Rep. of South"
                iso3 = None
            other = table.get(tail) or table.get(tail[4:] if tail.startswith("the ") else tail)
            if (
                iso3 is not None
                and iso3 not in DISSOLVED
                and other not in (None, iso3, _PART_OF.get(iso3))
            ):
                return CountryMatch(
                    None,
                    why=f"names two countries, {display_name(iso3)} and {display_name(other)}:"
                    " give each supplier the one country it works in",
                )
    if iso3 is None and "," not in str(value) and (split := _place_split(str(value))):
        # a country and a place in it, in brackets or after a dash: "China (Xinjiang)",
        # "China - Xinjiang" (the place is its region: country_place)
        first, second = (_read(_key(part)) for part in split)
        # (a name turned round, as statistical lists write it: "Sudan - South", "Guinea -
        # Equatorial", as "Sudan, South" is)
        turned_iso3 = _read(_key(f"{split[1]} {split[0]}"))
        # (a territory of the country in it: "Netherlands (Bonaire)", "Netherlands -
        # Aruba", scored on its own data, not the country's)
        inner = normalise_country(split[1].strip(" ()"))
        territory = inner.iso3 if inner.iso3 not in (None, first) else None
        if territory is None and inner.suggestion and first is not None:
            # (written much like one of the country's own territories: "Bonaire")
            codes = re.findall(r"\(([A-Z]{3})\)", inner.suggestion)
            if len(codes) == 1 and _PART_OF.get(codes[0]) == first:
                territory = codes[0]
        if turned_iso3 is not None:
            iso3 = turned_iso3
        elif territory is not None:
            return CountryMatch(None, suggestion=f"{display_name(territory)} ({territory})")
        # (neither part a name of several countries: "Congo (Korea)" names two, or none)
        elif (
            first is not None
            and second in (None, first)
            and not any(_ambiguous(_key(part)) for part in split)
        ):
            iso3 = first
    if iso3 in DISSOLVED:  # ("Netherlands Antilles": which of the countries it became?)
        return CountryMatch(None, why=DISSOLVED[iso3].why())
    if iso3 is not None:
        return CountryMatch(iso3)
    if all(word in _PART_WORDS for word in key.split()):  # ("Islands", "Republic of the")
        return CountryMatch(None, why=_islands_told(key))  # (no near miss: "Iceland")
    if (mended := _mended(str(value))) is not None:
        # ("TÃ¼rkiye": no near miss of any name, its letters garbled, not mistyped)
        match = normalise_country(mended)
        meant = f"{display_name(match.iso3)} ({match.iso3})" if match.iso3 else match.suggestion
        if meant is not None:
            return CountryMatch(None, suggestion=meant, why=_GARBLED.format(mended=mended))
    names = _names_for(key)
    best = None
    # a near miss of the name after a state's form first, not of the form ("Rep. of Nigre"
    # came closest to "Republic of Guinea")
    for near in dict.fromkeys((_named_after_state_form(key) or key, key)):
        if (best := _closest(near, names)) is not None:
            break
    partial = _names_with(key) if "," not in str(value) else None
    if partial is not None and (
        best is None or not (key.startswith(best) or best.startswith(f"{key} "))
    ):
        # whole words of a name before a near miss of another ("Leone": Sierra Leone, not
        # Latvia; "Hong": Hong Kong, not "Hongrie", Hungary); not before the name a word
        # begins or is made from ("United": the United Kingdom, "Indian": India)
        return CountryMatch(None, suggestion=partial)
    points = _points(_expanded(key))
    if best is not None and points and points != _points(best):
        best = None  # no other half of a country ("N. Ireland" is no Ireland, "S. Georgia")
    code = table[best] if best is not None else None
    if code is None and "," in str(value):  # a place and its country: "Dhaka, Bangladesh"
        tail = _key(str(value).rsplit(",", 1)[1])
        code = table.get(tail)
        if code is None and tail in AMBIGUOUS:  # "Taipei, ROC": no one country's name
            return CountryMatch(None, suggestion=AMBIGUOUS[tail])
        if code is not None and (tail in AMBIGUOUS or _contradicts(key, code)):
            # "Kinshasa, Congo": the Congo its words name, else both
            code = _told_apart(key, code) if code in _FAMILY_OF else None
            if code is None and tail in AMBIGUOUS:
                return CountryMatch(None, suggestion=AMBIGUOUS[tail])
    if code is None and re.fullmatch(r"[A-Za-z]{4}", str(value).strip()):
        # an ISO code with a letter too many: "CIVV", "BGDD"
        text = str(value).strip().upper()
        code = next((c for c in (text[:3], text[1:]) if is_iso3(c)), None)
    if code in DISSOLVED:  # (a near miss of one: "Netherland Antilles")
        return CountryMatch(None, why=DISSOLVED[code].why())
    if code is None and key in _CITIES:  # a city written for its country: "Dubai"
        city = _CITIES[key]
        return CountryMatch(
            None,
            suggestion=f"{display_name(city)} ({city})",
            why=f"{value!s} is a city: write its country (the city may go in the region column)",
        )
    if code is None:  # a part of a name after a comma: "Leone, Sierra" (never read as it)
        return CountryMatch(None, suggestion=_names_with(key))
    return CountryMatch(None, suggestion=f"{display_name(code)} ({code})")


# cities that supplier lists write in a country column, by their country: no near miss of
# a country's name, and no country itself (Singapore, Hong Kong, Macao and Kuwait are read
# as their countries)
_CITIES = {
    **dict.fromkeys(["dubai", "abu dhabi", "sharjah", "ajman", "jebel ali"], "ARE"),
    **dict.fromkeys(["doha"], "QAT"),
    **dict.fromkeys(["riyadh", "jeddah", "dammam", "jubail"], "SAU"),
    **dict.fromkeys(["muscat"], "OMN"),
    **dict.fromkeys(["manama"], "BHR"),
    **dict.fromkeys(["kuala lumpur", "penang", "johor bahru", "port klang"], "MYS"),
    **dict.fromkeys(["dhaka", "chittagong", "chattogram", "gazipur", "narayanganj"], "BGD"),
    **dict.fromkeys(["karachi", "lahore", "sialkot", "faisalabad"], "PAK"),
    **dict.fromkeys(["mumbai", "new delhi", "delhi", "chennai", "tiruppur", "bangalore"], "IND"),
    **dict.fromkeys(["shanghai", "shenzhen", "guangzhou", "beijing", "ningbo", "xiamen"], "CHN"),
    **dict.fromkeys(["ho chi minh city", "saigon", "hanoi", "hai phong"], "VNM"),
    **dict.fromkeys(["istanbul", "izmir", "bursa"], "TUR"),
    **dict.fromkeys(["bangkok", "samut sakhon", "mahachai"], "THA"),
    **dict.fromkeys(["jakarta", "surabaya", "medan"], "IDN"),
    **dict.fromkeys(["manila"], "PHL"),
    **dict.fromkeys(["abidjan"], "CIV"),
    **dict.fromkeys(["accra", "tema", "kumasi"], "GHA"),
    **dict.fromkeys(["lagos"], "NGA"),
    **dict.fromkeys(["nairobi", "mombasa"], "KEN"),
    **dict.fromkeys(["kathmandu"], "NPL"),
    **dict.fromkeys(["colombo"], "LKA"),
    **dict.fromkeys(["phnom penh"], "KHM"),
    **dict.fromkeys(["yangon", "rangoon"], "MMR"),
    **dict.fromkeys(["rotterdam", "amsterdam"], "NLD"),
    **dict.fromkeys(["hamburg", "bremen"], "DEU"),
    **dict.fromkeys(["antwerp", "antwerpen"], "BEL"),
    **dict.fromkeys(["sao paulo"], "BRA"),
    **dict.fromkeys(["guayaquil"], "ECU"),
}


# the words of a state's form or of its name as World Bank lists write them after a comma
# ("Egypt, Arab Rep.", "Venezuela, RB", "Micronesia, Fed. Sts.", "Gambia, The"): never a place
_FORM_TEXT = (
    "rep republic arab islamic dem democratic people peoples s the of fed federal sts"
    " states rb fyr pdr sar kingdom plurinational state bolivarian united union"
    " socialist federation federative and commonwealth territory sultanate principality"
    " grand duchy emirates former yugoslav china mainland prc n s e w north south east west"
)
_FORM_WORDS = frozenset(_FORM_TEXT.split())


# abbreviations of a place within its country, which a bracket may hold ("China (XUAR)")
_PLACE_CODES = frozenset({"XUAR", "XJ"})


def _place_split(text: str) -> tuple[str, str] | None:
    """A country text's two parts where it may name a place after the country: after a
    comma ("China, Xinjiang"), in brackets ("China (Xinjiang)") or after a dash with spaces
    ("China - Xinjiang"); None where it has none of these."""
    if "," in text:
        head, tail = text.split(",", 1)
        return head, tail
    for form in (_QUALIFIED, _DASHED):
        if (found := form.fullmatch(text)) is not None:
            return found.group(1), found.group(2)
    return None


def may_name_place(value: str) -> bool:
    """Whether a country text may name a place in the country (country_place), told at C
    speed for the many that do not: a comma, a bracket or a dash in it."""
    return "," in value or "(" in value or " - " in value or "–" in value or "—" in value


def country_place(value: str | None) -> str | None:
    """The place within its country a country text names after a comma, in brackets or
    after a dash, where the text is read as the country its first part names ("China,
    Xinjiang", "China (Xinjiang)", "China - Xinjiang": 'Xinjiang'; "Brazil, Mato Grosso":
    'Mato Grosso'); None where there is none: no such part, a World Bank name ("Egypt, Arab
    Rep.", "Gambia, The": its state's form), a name turned round ("Guinea, Equatorial",
    "Korea (South)"), a country ("Puerto Rico, USA"), or words of the country's own
    names."""
    if value is None:
        return None
    text = str(value)
    split = _place_split(text)
    if split is None:
        return None
    iso3 = normalise_country(text).iso3
    head_text, tail_text = split
    if iso3 is None or _read(_key(text)) == iso3 or _read(_key(head_text)) != iso3:
        return None  # (a name of its own, or one turned round: "Korea, Republic of")
    if _read(_key(f"{tail_text} {head_text}")) == iso3 or _read(_key(tail_text)) is not None:
        return None  # (nor a territory's country: "Puerto Rico, USA")
    # (a code or abbreviation in brackets says what the country is, not where: "Germany
    # (EU)", "Taiwan (R.O.C.)", "South Africa (RSA)")
    letters = tail_text.replace(".", "").strip()
    if "(" in text and letters.isupper() and len(letters) <= 5 and letters not in _PLACE_CODES:
        return None
    words = _key(tail_text).split()
    country = pycountry.countries.get(alpha_3=iso3)
    own = {
        word
        for attr in ("name", "official_name", "common_name")
        for word in _key(getattr(country, attr, "") or "").split()
    }
    if not words or all(word in _FORM_WORDS or word in own for word in words):
        return None
    place = tail_text.strip(" .;")
    return place or None


def country_named(text: str) -> str | None:
    """The ISO3 code a country's name names as normalise_country reads it without its
    "did you mean" search ('sierra leone': SLE); None where it names none."""
    return _read(_key(text))
