"""`gansureader parse`: JSON out for pages, one clear line and non-zero exit for bad input."""

import json
import socket
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from conftest import FIXTURE_URLS, FIXTURES, GOLDEN
from gansureader.cli import main


def run(capsys, *argv):
    code = main(["parse", *map(str, argv)])
    out, err = capsys.readouterr()
    return code, out, err


def test_file_with_url_prints_the_golden_json(capsys):
    url = FIXTURE_URLS["seed_article.html"]
    code, out, err = run(capsys, FIXTURES / "seed_article.html", "--url", url)
    assert code == 0 and err == ""
    golden = json.loads((GOLDEN / "seed_article.json").read_text(encoding="utf-8"))
    assert json.loads(out) == golden


def test_console_script_writes_utf8_chinese_not_escapes():
    result = subprocess.run(
        [sys.executable, "-m", "gansureader.cli", "parse", str(FIXTURES / "gbk_article.html")],
        capture_output=True,
        env={"PYTHONIOENCODING": "ascii", "PATH": ""},
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    text = result.stdout.decode("utf-8")
    assert "兰州新区" in text and "\\u" not in text


@pytest.fixture
def bad_inputs(tmp_path):
    empty = tmp_path / "empty.html"
    empty.write_bytes(b"")
    png = tmp_path / "picture.html"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    huge = tmp_path / "huge.html"
    with huge.open("wb") as handle:  # sparse: 20 MB on paper, nothing on disk
        handle.truncate(20 * 1024 * 1024)
    notes = tmp_path / "notes.txt"
    notes.write_text("兰州今天晴，最高气温 12 度。\n明天多云。\n", encoding="utf-8")
    return {
        "empty": (empty, "empty"),
        "png": (png, "PNG image"),
        "huge": (huge, "too large"),
        "text": (notes, "does not look like an HTML page"),
        "missing": (tmp_path / "missing.html", "no such file"),
        "folder": (tmp_path, "is a folder"),
    }


@pytest.mark.parametrize("case", ["empty", "png", "huge", "text", "missing", "folder"])
def test_bad_input_gets_one_clear_line_and_a_failing_exit(capsys, bad_inputs, case):
    path, reason = bad_inputs[case]
    code, out, err = run(capsys, path)
    assert code != 0 and out == ""
    assert err.count("\n") == 1 and "Traceback" not in err
    assert err.startswith("gansureader: error: ") and reason in err and str(path) in err


def test_unreachable_url_is_named_in_one_line(capsys):
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"http://127.0.0.1:{port}/system/2024/01/01/013000001.shtml"
    code, out, err = run(capsys, url)
    assert code != 0 and out == ""
    assert err.count("\n") == 1 and url in err and "could not connect" in err


def test_url_given_for_a_file_must_be_a_web_address(capsys):
    code, _, err = run(capsys, FIXTURES / "seed_article.html", "--url", "gansu/x.shtml")
    assert code != 0 and "--url" in err


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 (http.server's name)
        if self.path == "/gbk.shtml":
            body = (FIXTURES / "gbk_article.html").read_bytes()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=GBK")
        else:
            body = b"<html><title>404</title></html>"
            self.send_response(404)
            self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_url_is_fetched_and_parsed(capsys, server):
    code, out, _ = run(capsys, f"{server}/gbk.shtml")
    page = json.loads(out)
    assert code == 0 and page["kind"] == "article"
    assert page["url"] == f"{server}/gbk.shtml" and "王堃" in page["paragraphs"][2]


def test_http_error_is_reported_with_its_status(capsys, server):
    code, out, err = run(capsys, f"{server}/gone.shtml")
    assert code != 0 and out == "" and "HTTP 404" in err


def test_the_sites_maintenance_page_is_printed_but_not_taken_for_an_article(capsys, tmp_path):
    page = tmp_path / "013200001.shtml"
    page.write_text(
        '<html><head><meta charset="utf-8"><title>中国甘肃网</title></head><body>'
        "<h1>系统维护中</h1><p>网站正在进行系统升级维护，请稍后访问。</p>"
        '<div class="footer">中国甘肃网 版权所有</div></body></html>',
        encoding="utf-8",
    )
    code, out, err = run(capsys, page)
    assert json.loads(out)["kind"] == "article"  # what the parser read, as asked
    assert code == 2 and "maintenance" in err and "not an article" in err
