"""Files for crawlers and machines: sitemap.xml, robots.txt and each story's NewsArticle JSON-LD."""
from __future__ import annotations

import json

from digest.config import SiteConfig
from digest.lexicon.outlets import known_outlet
from digest.site.kinds import HomePage, Page, StoryPage, TermPage
from digest.site.routes import NOT_FOUND, SEARCH
from digest.site.views import StoryView
from digest.site.xmlchars import xml_chars

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
UNLISTED = {NOT_FOUND, SEARCH}  # pages that are no content of their own


def page_day(page: Page) -> str | None:
    """The day a page is of: a story's, a day's page's, the home page's newest."""
    if isinstance(page, StoryPage):
        return page.story.day
    return page.day if isinstance(page, (HomePage, TermPage)) else None


def sitemap(pages: tuple[Page, ...], config: SiteConfig) -> bytes:
    """Written as text, not through ElementTree: one entry a page, and building a tree of ten
    thousand elements only to serialise it cost a seventh of a second on every build."""
    entries = []
    for page in pages:
        if page.path in UNLISTED or (page.pager and page.pager.previous):  # a list's first page only
            continue
        day = page_day(page)
        lastmod = f"<lastmod>{_xml_text(day)}</lastmod>" if day else ""
        entries.append(f"<url><loc>{_xml_text(config.url(page.path))}</loc>{lastmod}</url>")
    body = f'<urlset xmlns="{SITEMAP_NS}">{"".join(entries)}</urlset>' if entries else f'<urlset xmlns="{SITEMAP_NS}" />'
    return b'<?xml version="1.0" encoding="utf-8"?>\n' + body.encode("utf-8") + b"\n"


def _xml_text(text: str) -> str:
    return xml_chars(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def robots(config: SiteConfig) -> bytes:
    return f"User-agent: *\nAllow: /\n\nSitemap: {config.url('sitemap.xml')}\n".encode("utf-8")


def json_ld(view: StoryView, config: SiteConfig) -> str:
    """schema.org NewsArticle, safe inside <script>: '<', '>' and '&' are escaped so dump text
    such as '</script>' cannot end the block."""
    record = view.record
    data: dict = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": record.headline[:110],
        "url": config.url(view.path),
        "mainEntityOfPage": config.url(view.path),
        "inLanguage": config.language,
        "articleBody": "\n\n".join(record.body),
    }
    if view.day:
        data["datePublished"] = view.day
    if record.url:  # the outlet's page this one republishes
        data["isBasedOn"] = record.url
    if record.source:
        data["publisher"] = {"@type": "Organization", "name": record.source}
        data["author"] = {"@type": "Organization", "name": record.source}
    if view.writers:  # the people the page credits, not the outlet; a byline naming an outlet
        # ("By Reuters", "The Associated Press") credits an organisation, not a person
        data["author"] = [{"@type": "Organization", "name": outlet} if (outlet := known_outlet(name))
                          else {"@type": "Person", "name": name} for name in view.writers]
    if record.dateline and record.dateline.place:
        data["contentLocation"] = {"@type": "Place", "name": record.dateline.place}
    text = json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True)
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
