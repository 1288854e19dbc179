"""The cache as feeds: Atom for every channel, for all articles, for 收藏 and for each
新闻排行, and an OPML that lists them — served on 127.0.0.1 or written as files, so any
feed reader can follow a site that has no feeds of its own."""
