"""find_help(): from what the user typed to the nearest IDO help points, ready to phrase."""
from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlencode

from . import helppoints, places
from .helppoints import NEAR_KM

MAX_POINTS = 3


@dataclass(frozen=True)
class FoundPoint:
    name: str
    town: str
    gemeente: str  # if it differs from SearchResult.gemeente, also mention the user's own library
    km: int  # straight line from the user's place to the help point's town centre, whole km
    opening_times: str | None
    phone: str | None
    website: str | None
    source_date: str | None  # when the source page said this ('2021-11', '2019', ...), or None
    status: str  # 'open', or 'onbekend' when the source only announced it
    lat: float
    lon: float
    located_by: str  # 'town_centre'


@dataclass(frozen=True)
class SearchResult:
    """status: 'found' (points within NEAR_KM), 'none_near' (place known, nothing within NEAR_KM:
    send the user to the library in `gemeente`; `points` then holds the nearest ones anyway),
    'suggest' (ask "Bedoel je ...?" with `suggestions`), 'which' (more places have that name: ask which,
    the `suggestions` naming province or gemeente), 'unknown' or 'foreign'."""
    status: str
    place_label: str = ""
    place_kind: str | None = None  # 'postcode' | 'town' | 'gemeente'
    gemeente: str = ""
    points: list[FoundPoint] = field(default_factory=list)
    suggestions: list[str] = field(default_factory=list)
    near_km: int = NEAR_KM


def find_help(text: str) -> SearchResult:
    place = places.resolve(text[:places.MAX_INPUT_CHARS])
    if place.status == "suggest":
        return SearchResult("which" if place.reason == "same_name" else "suggest", suggestions=place.suggestions)
    if place.status != "point":
        return SearchResult(place.reason or "unknown")
    ranked = helppoints.nearest(place.lat, place.lon, MAX_POINTS)
    near = [(point, km) for point, km in ranked if km <= NEAR_KM]
    return SearchResult("found" if near else "none_near", place.label, place.kind, place.gemeente,
                        [_found(point, km) for point, km in near or ranked])


def _found(point: helppoints.HelpPoint, km: float) -> FoundPoint:
    return FoundPoint(point.name, point.town, point.gemeente, round(km), point.opening_times, point.phone,
                      point.website, point.source_date, point.status, point.lat, point.lon,
                      point.located_by)


def route_link(point: FoundPoint | helppoints.HelpPoint) -> str:
    """OpenStreetMap directions to the help point's town centre; the user fills in the start."""
    to = f"{point.lat:.5f},{point.lon:.5f}"
    return f"https://www.openstreetmap.org/directions?{urlencode({'to': to})}"
