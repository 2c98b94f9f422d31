"""digest: turn scraped news-page dumps into a static news-digest site."""

__version__ = "0.1.0"
