"""Offline finder for the nearest Informatiepunt Digitale Overheid (IDO)."""
from .search import SearchResult, find_help, route_link

__all__ = ["SearchResult", "find_help", "route_link"]
