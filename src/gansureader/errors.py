"""The root of every failure gansureader reports to a user: ``GansuReaderError``.

Each layer's errors derive from it — FetchError (net), ParseError (parse), StoreError
(store), ExportError, OpmlError, FeedServerError, and the CLI's own — and say in their
message what failed and what to do. Anything else that is raised is a bug: the CLI
says so in one line (exit 70; ``--debug`` shows the traceback), the window logs it.
Kinds are classes, never message strings to compare.
"""


class GansuReaderError(Exception):
    """A failure the user can understand and act on; the message says how."""
