"""Full-content feeds: Atom 1.0, RSS 2.0 and JSON Feed 1.1, for the site, each source and each event.

Feeds carry absolute URLs (from base_url) since readers fetch them out of the site's context. Their
times come from the story dates only, never from the clock, so two builds agree byte for byte.
A story without a full date is left out of every feed: a feed is ordered by publication date, and
any date given to such a story would be made up (the site lists it on its "undated" page).
"""
from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import datetime
from email.utils import format_datetime
from html import escape
from zoneinfo import ZoneInfo

from digest.config import SiteConfig
from digest.site.routes import Routes
from digest.site.views import StoryView
from digest.site.xmlchars import xml_chars

FEED_ITEMS = 50
DUBLIN_CORE = "http://purl.org/dc/elements/1.1/"
ATOM = "http://www.w3.org/2005/Atom"
EPOCH = "1970-01-01"
FEED_KINDS = ("atom", "rss", "json")  # the three files of every feed


@dataclass(frozen=True, slots=True)
class Feed:
    folder: str  # "" for the site, "sources/trend" for one source
    title: str
    page: str  # the HTML page the feed mirrors
    stories: tuple[StoryView, ...]  # newest first


def content_html(view: StoryView) -> str:
    """The whole story as HTML, quotes marked, so readers show it without visiting the site."""
    record = view.record
    parts = []
    for index, paragraph in enumerate(view.paragraphs):
        text = "".join(f"<q>{escape(s.text)}</q>" if s.quote else escape(s.text) for s in paragraph)
        if index == 0 and record.dateline:
            text = f"<strong>{escape(record.dateline.text)}</strong> {text}"
        parts.append(f"<p>{text}</p>")
    return "\n".join(parts)


def dated(stories: tuple[StoryView, ...]) -> tuple[StoryView, ...]:
    """The stories a feed may carry: those with a day of their own."""
    return tuple(view for view in stories if view.day)


def _moment(date: str | None, fallback: str, zone: ZoneInfo) -> datetime:
    """The day's midnight, else the fallback's: a record from an older cache may hold a day no
    calendar has ("2025-04-31"), and one such story must not stop the feeds."""
    for day in (date, fallback, EPOCH):
        if day and len(day) == 10 and day[4] == "-":
            try:
                return datetime.fromisoformat(day).replace(tzinfo=zone)
            except ValueError:
                continue
    return datetime.fromisoformat(EPOCH).replace(tzinfo=zone)


def _updated(feed: Feed) -> str:
    days = [v.day for v in feed.stories if v.day]
    return max(days) if days else EPOCH


def atom(feed: Feed, config: SiteConfig) -> bytes:
    zone, updated = ZoneInfo(config.timezone), _updated(feed)
    root = ET.Element("feed", {"xmlns": ATOM, "xml:lang": config.language})
    ET.SubElement(root, "title").text = feed.title
    ET.SubElement(root, "id").text = config.url(Routes.feed(feed.folder, "atom"))
    ET.SubElement(root, "updated").text = _moment(updated, EPOCH, zone).isoformat()
    ET.SubElement(root, "link", {"href": config.url(feed.page), "rel": "alternate", "type": "text/html"})
    ET.SubElement(root, "link", {"href": config.url(Routes.feed(feed.folder, "atom")), "rel": "self"})
    ET.SubElement(ET.SubElement(root, "author"), "name").text = config.title
    for view in feed.stories:
        entry = ET.SubElement(root, "entry")
        ET.SubElement(entry, "title").text = view.record.headline
        ET.SubElement(entry, "id").text = config.url(view.path)
        ET.SubElement(entry, "link", {"href": config.url(view.path), "rel": "alternate"})
        if view.record.url:  # the page the story was saved from
            ET.SubElement(entry, "link", {"href": view.record.url, "rel": "via"})
        ET.SubElement(entry, "updated").text = _moment(view.day, updated, zone).isoformat()
        for name in view.writers or ((view.record.source,) if view.record.source else ()):
            ET.SubElement(ET.SubElement(entry, "author"), "name").text = name
        ET.SubElement(entry, "summary").text = view.lead
        ET.SubElement(entry, "content", {"type": "html"}).text = content_html(view)
    return _xml_file(root)


def rss(feed: Feed, config: SiteConfig) -> bytes:
    zone, updated = ZoneInfo(config.timezone), _updated(feed)
    root = ET.Element("rss", {"version": "2.0", "xmlns:atom": ATOM, "xmlns:dc": DUBLIN_CORE})
    channel = ET.SubElement(root, "channel")
    ET.SubElement(channel, "title").text = feed.title
    ET.SubElement(channel, "link").text = config.url(feed.page)
    ET.SubElement(channel, "description").text = config.description
    ET.SubElement(channel, "language").text = config.language
    ET.SubElement(channel, "lastBuildDate").text = format_datetime(_moment(updated, EPOCH, zone))
    ET.SubElement(channel, "atom:link", {"href": config.url(Routes.feed(feed.folder, "rss")), "rel": "self",
                                         "type": "application/rss+xml"})
    for view in feed.stories:
        item = ET.SubElement(channel, "item")
        ET.SubElement(item, "title").text = view.record.headline
        ET.SubElement(item, "link").text = config.url(view.path)
        ET.SubElement(item, "guid", {"isPermaLink": "true"}).text = config.url(view.path)
        if view.record.url:  # RSS has no element for the original page: Atom's, as in the Atom feed
            ET.SubElement(item, "atom:link", {"href": view.record.url, "rel": "via"})
        ET.SubElement(item, "pubDate").text = format_datetime(_moment(view.day, updated, zone))
        for name in view.writers:  # RSS's own <author> wants an email address
            ET.SubElement(item, "dc:creator").text = name
        ET.SubElement(item, "description").text = content_html(view)
    return _xml_file(root)


def _xml_file(root: ET.Element) -> bytes:
    """The feed as a file readers accept: what XML forbids is dropped from every text and attribute."""
    return b'<?xml version="1.0" encoding="utf-8"?>\n' + xml_chars(ET.tostring(root, encoding="unicode")).encode("utf-8") + b"\n"


def json_feed(feed: Feed, config: SiteConfig) -> bytes:
    zone, updated = ZoneInfo(config.timezone), _updated(feed)
    items = [{
        "id": config.url(view.path),
        "url": config.url(view.path),
        **({"external_url": view.record.url} if view.record.url else {}),
        "title": view.record.headline,
        "content_html": content_html(view),
        "summary": view.lead,
        "date_published": _moment(view.day, updated, zone).isoformat(),
        **({"authors": [{"name": name} for name in view.writers or (view.record.source,)]}
           if view.writers or view.record.source else {}),
    } for view in feed.stories]
    data = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": feed.title,
        "home_page_url": config.url(feed.page),
        "feed_url": config.url(Routes.feed(feed.folder, "json")),
        "description": config.description,
        "language": config.language,
        "items": items,
    }
    return (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def feed_files(feeds: list[Feed], config: SiteConfig) -> dict[str, bytes]:
    files: dict[str, bytes] = {}
    for feed in feeds:
        feed = Feed(feed.folder, feed.title, feed.page, dated(feed.stories)[:FEED_ITEMS])
        for kind, render in zip(FEED_KINDS, (atom, rss, json_feed)):
            files[Routes.feed(feed.folder, kind)] = render(feed, config)
    return files
