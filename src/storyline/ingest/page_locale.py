"""Where a page comes from, as far as its dates care: language, country, zone, date order.

The country comes from the page's own address (a country-code TLD) or, failing that,
its locale (``og:locale`` ``es_CL``, ``<html lang="de-DE">``), or a language that one
country dominates (``data/pubdate.toml`` ``[country]``); never from a list of outlets.
The zone is the one the page itself prints offsets in (``-06:00`` beside a UTC copy),
else its country's. Day/month order follows the language (month first only for US
English and a few others, ``[order]``); dotted dates are day first everywhere.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import timedelta, timezone, tzinfo
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import lxml.html  # type: ignore[import-untyped]

from storyline.ingest.stamps import rules

__all__ = ["PageLocale", "page_locale"]


@dataclass(frozen=True, slots=True)
class PageLocale:
    language: str | None  # "de", "en", ...
    region: str | None  # region of the locale: "us", "cl", ...
    country: str | None  # country code the page is from
    zone: tzinfo | None  # the zone its local days are counted in
    zone_source: str  # "page offset -06:00" | "country de" | ""
    day_first: bool | None  # None: not known

    def describe(self) -> str:
        order = {True: "day first", False: "month first", None: "order unknown"}[self.day_first]
        where = f"lang={self.language or '?'} country={self.country or '?'}"
        return f"{where} {order} zone={self.zone_source or '?'}"


def _locale_of(root: lxml.html.HtmlElement) -> str:
    for node in root.iter("meta"):
        key = (node.get("property") or node.get("name") or node.get("http-equiv") or "").lower()
        if key in ("og:locale", "content-language", "language", "dc.language", "inlanguage"):
            value = (node.get("content") or "").strip()
            if value:
                return value
    return (root.get("lang") or root.get("xml:lang") or "").strip()


def _split_locale(value: str) -> tuple[str | None, str | None]:
    value = value.lower().replace("_", "-")
    names = {"english": "en", "german": "de", "spanish": "es", "french": "fr", "polish": "pl"}
    if value in names:
        return names[value], None
    parts = [p for p in value.split("-") if p]
    if not parts or not parts[0].isalpha() or len(parts[0]) not in (2, 3):
        return None, None
    region = parts[1] if len(parts) > 1 and len(parts[1]) == 2 and parts[1].isalpha() else None
    return parts[0], region


def _tld(url: str | None) -> str | None:
    if not url or "://" not in url:
        return None
    host = (urlsplit(url).hostname or "").rstrip(".")
    label = host.rsplit(".", 1)[-1] if "." in host else ""
    return label or None


def _zone(name: str) -> tzinfo | None:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None


def page_locale(
    root: lxml.html.HtmlElement, url: str | None, offsets: list[int] | None = None
) -> PageLocale:
    """The page's language, country, zone and day/month order (``offsets``: the UTC
    offsets, in minutes, of the stamps the page prints in its metadata)."""
    data = rules()
    language, region = _split_locale(_locale_of(root))
    tld = _tld(url)
    zones: dict[str, str] = data["zones"]
    country = None
    if tld in zones:
        country = tld
    elif region in zones:
        country = region
    elif language in data["country"]["language"]:
        country = data["country"]["language"][language]
    zone: tzinfo | None = None
    source = ""
    printed = Counter(o for o in offsets or [] if o != 0)
    if printed:
        minutes = printed.most_common(1)[0][0]
        zone = timezone(timedelta(minutes=minutes))
        source = f"page offset {minutes:+d} min"
    elif country is not None:
        zone = _zone(zones[country])
        source = f"country {country}" if zone is not None else ""
    order = data["order"]
    tag = f"{language}-{region}" if language and region else language
    day_first: bool | None = None
    if (
        tag in order["mdy"]
        or (tld in order["mdy_tld"] and language in (None, "en"))
        or (language == "en" and region is None and tld in order["mdy_english_tld"])
    ):
        day_first = False
    elif language is not None:
        day_first = True
    return PageLocale(language, region, country, zone, source, day_first)
