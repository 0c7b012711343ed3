"""Places: the one table of countries, US states and well-known cities importers use.

A CV line ends in ``City, Country`` and a site's ``_config.yml`` has ``location: "Berkeley,
CA, USA"``; both readers recognise places from these tables, so a country known to one is
known to the other. Names are matched case-folded; codes are ISO 3166-1 alpha-2.
"""

from __future__ import annotations

from functools import cache

#: Country names (English, and the Chinese names CV pages use) → ISO 3166-1 alpha-2.
COUNTRY_CODES: dict[str, str] = {
    "uae": "AE", "united arab emirates": "AE", "afghanistan": "AF", "argentina": "AR",
    "austria": "AT", "australia": "AU", "bangladesh": "BD", "belgium": "BE", "bulgaria": "BG",
    "brazil": "BR", "canada": "CA", "switzerland": "CH", "chile": "CL", "china": "CN",
    "p.r. china": "CN", "pr china": "CN", "中国": "CN", "colombia": "CO", "cyprus": "CY",
    "czech republic": "CZ", "czechia": "CZ", "germany": "DE", "德国": "DE", "denmark": "DK",
    "estonia": "EE", "egypt": "EG", "spain": "ES", "ethiopia": "ET", "finland": "FI",
    "france": "FR", "法国": "FR", "england": "GB", "scotland": "GB", "u.k.": "GB", "uk": "GB",
    "united kingdom": "GB", "wales": "GB", "英国": "GB", "ghana": "GH", "greece": "GR",
    "hong kong": "HK", "香港": "HK", "croatia": "HR", "hungary": "HU", "indonesia": "ID",
    "ireland": "IE", "israel": "IL", "india": "IN", "iran": "IR", "iceland": "IS",
    "italy": "IT", "jordan": "JO", "japan": "JP", "日本": "JP", "kenya": "KE", "korea": "KR",
    "south korea": "KR", "lebanon": "LB", "sri lanka": "LK", "lithuania": "LT",
    "luxembourg": "LU", "latvia": "LV", "morocco": "MA", "macao": "MO", "macau": "MO",
    "澳门": "MO", "malta": "MT", "mexico": "MX", "malaysia": "MY", "nigeria": "NG",
    "netherlands": "NL", "the netherlands": "NL", "norway": "NO", "nepal": "NP",
    "new zealand": "NZ", "peru": "PE", "philippines": "PH", "pakistan": "PK", "poland": "PL",
    "portugal": "PT", "qatar": "QA", "romania": "RO", "serbia": "RS", "russia": "RU",
    "saudi arabia": "SA", "sweden": "SE", "singapore": "SG", "新加坡": "SG", "slovenia": "SI",
    "slovakia": "SK", "thailand": "TH", "tunisia": "TN", "turkey": "TR", "türkiye": "TR",
    "taiwan": "TW", "台湾": "TW", "ukraine": "UA", "u.s.": "US", "u.s.a.": "US",
    "united states": "US", "united states of america": "US", "us": "US", "usa": "US",
    "美国": "US", "viet nam": "VN", "vietnam": "VN", "south africa": "ZA",
}  # fmt: skip

#: US state and District of Columbia postal codes (``Berkeley, CA, USA``).
US_STATES: frozenset[str] = frozenset({
    "AK", "AL", "AR", "AZ", "CA", "CO", "CT", "DC", "DE", "FL", "GA", "HI", "IA", "ID", "IL",
    "IN", "KS", "KY", "LA", "MA", "MD", "ME", "MI", "MN", "MO", "MS", "MT", "NC", "ND", "NE",
    "NH", "NJ", "NM", "NV", "NY", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT",
    "VA", "VT", "WA", "WI", "WV", "WY",
})  # fmt: skip

#: Cities that CV lines name without a country (``Research Intern, Acme, Shanghai``).
CITIES: frozenset[str] = frozenset({
    "amsterdam", "beijing", "berlin", "boston", "cambridge", "chengdu", "chicago", "delft",
    "edinburgh", "geneva", "guangzhou", "hangzhou", "heidelberg", "herrenberg", "hildesheim",
    "hong kong", "istanbul", "kyoto", "lisbon", "london", "luxembourg", "madrid", "melbourne",
    "montreal", "munich", "nanjing", "new york", "osaka", "oxford", "paris", "san francisco",
    "seattle", "seoul", "shanghai", "shenzhen", "singapore", "stuttgart", "sydney", "tokyo",
    "toronto", "ulm", "vancouver", "vienna", "weissach", "wuhan", "zurich",
    # as CJK pages write them
    "北京", "上海", "广州", "深圳", "杭州", "南京", "武汉", "成都", "西安", "天津", "重庆",
    "苏州", "厦门", "合肥", "长沙", "青岛", "香港", "台北", "東京", "京都", "大阪", "서울",
})  # fmt: skip


def country_code(name: str) -> str | None:
    """``"P.R. China"`` → ``"CN"``; None for a name that is not in the table."""
    return COUNTRY_CODES.get(name.strip().lower())


def is_country(name: str) -> bool:
    return country_code(name) is not None


def is_place(part: str) -> bool:
    """A country, a US state code, a state, province or Land name, or a well-known city."""
    p = part.strip()
    return is_country(p) or p in US_STATES or p.lower() in CITIES or is_region(p)


def is_region(part: str) -> bool:
    """A state, Land, canton or territory name ("Ohio", "Bayern", "Ontario")."""
    p = part.strip()
    return p[:1].isupper() and p.lower() in _regions()


#: Subdivision kinds whose names CV lines write after a city ("Springfield, Ohio"); not
#: districts, counties or regions, whose names are often ordinary words ("Centre").
_REGION_KINDS = frozenset({"State", "Land", "Canton", "Territory"})


@cache
def _regions() -> frozenset[str]:
    """State, Land, canton, territory (and Canadian and Chinese province) names of ISO 3166-2
    (pycountry), case-folded: loaded
    on first use (~80 ms), only when a part is no country, state code or known city."""
    import pycountry

    names = set()
    for s in pycountry.subdivisions:
        if s.type in _REGION_KINDS or (s.country_code == "CA" and s.type == "Province"):
            names.add(s.name.lower())
        elif s.country_code == "CN" and s.type == "Province":
            names.add(s.name.lower().removesuffix(" sheng"))  # "Shanxi Sheng" is written Shanxi
    return frozenset(names)
