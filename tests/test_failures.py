"""A bug's traceback goes to gansureader.log in the data folder, rotated; the log file is
opened by the first failure, not at start."""

import logging

from gansureader.ui import failures


def test_a_failure_is_logged_with_its_traceback_and_the_log_rotates(tmp_path, monkeypatch):
    logger = logging.getLogger("gansureader")
    monkeypatch.setattr(logger, "handlers", [])
    path = failures.start_log(tmp_path)
    assert not path.exists()  # nothing written until something fails
    try:
        try:
            raise ValueError("the parser met a page it cannot read")
        except ValueError as error:
            failures.log_failure(error)
        text = path.read_text(encoding="utf-8")
        assert "ValueError: the parser met a page it cannot read" in text and "Traceback" in text
        logger.handlers[0]._file.maxBytes = 200  # as if a megabyte had been written
        failures.log_failure(RuntimeError("again"))
        assert (tmp_path / "gansureader.log.1").exists()  # the full one moved aside
    finally:
        logger.handlers[0]._file.close()


def test_every_reason_of_the_sync_is_matched_back_to_its_template():
    """The window translates a reason by its template: each, filled, must come back to it
    (and a reason of no template stays as it is)."""
    from gansureader import reasons
    from gansureader.ui.failures import reason_phrase

    for template in reasons.TEMPLATES:
        values = tuple("甲乙丙丁戊"[: template.count("%")])
        assert reasons.template_of(reasons.fill(template, *values)) == (template, values)
    assert reason_phrase("a reason of no template: 404") == "a reason of no template: 404"


def test_many_addresses_failing_alike_say_their_reason_once():
    """Offline, every channel failed with the same words: 45 lines of "could not connect"."""
    from gansureader import reasons
    from gansureader.sync_report import Problem, SyncSummary
    from gansureader.terminal import sync_summary

    channels = [f"http://gansu.gscn.com.cn/c{n}/" for n in range(45)]
    summary = SyncSummary(failed=[Problem(url, reasons.UNREACHABLE) for url in channels])
    summary.failed.append(Problem("http://edu.gscn.com.cn/gone/", "the server answered HTTP 404"))
    said = sync_summary(summary)
    assert said.count(reasons.UNREACHABLE) == 1 and f"{reasons.UNREACHABLE} — 45 addresses" in said
    assert all(url in said for url in channels)  # every address still named
    assert "  http://edu.gscn.com.cn/gone/: the server answered HTTP 404" in said
