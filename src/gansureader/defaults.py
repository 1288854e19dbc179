"""Every default a user can change, in one place: the window's settings, the CLI's
options and the engines take them from here.

Light on purpose (no imports): the window reads it at start-up.
"""

REFRESH_MINUTES = 30  # the window refreshes by itself this often; 0: never
LIST_PAGES = 2  # list pages read per channel
PANEL_ARTICLES = 30  # articles behind the panels fetched per sync, for offline clicks
CACHE_LIMIT_MB = 500  # the window cleans up to this after every refresh
RECHECK_DAYS = 3  # articles published this recently are looked at again; 0: never
PANEL_DAYS = 90  # panel history kept; starred articles' always
FONT_SIZE = 13  # points
FEEDS_PORT = 8787  # the local feed server's, on 127.0.0.1
FEEDS_URL = f"http://127.0.0.1:{FEEDS_PORT}"
