"""Everything the helper says lives in content/; this package reads, renders and checks it."""
from .store import ContentStore, ContentItem, Source, Button

__all__ = ["ContentStore", "ContentItem", "Source", "Button"]
