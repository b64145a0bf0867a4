"""delib review in a real browser: headless Chromium (Debian's chromium and chromium-driver,
driven by Selenium) opens the app on the shipped samples' run and on a real scanned file,
opens an act, selects a value and checks that the box drawn on the page lies over that
value's words, shows the OCR words, submits a correction and finds it in the SCDL export.

Screenshots of each view are written to build/test-artifacts/review/. Where no browser can
be started the tests are skipped, saying why (``make test`` installs it with apt-get).
"""

from __future__ import annotations

import csv
import json
import shutil
import socket
import threading
import time
import urllib.request
from pathlib import Path
from typing import Any, Iterator

import pytest

from pipeline.review import corrections as corr
from tests.conftest import REAL, REPO, copy_run

CHROMIUM, DRIVER = "/usr/bin/chromium", "/usr/bin/chromedriver"
ARTIFACTS = REPO / "build" / "test-artifacts" / "review"
REAL_SCAN = REAL / "commune-saint-restitut-2019-03-12-cm-cr-scan.pdf"


def _why_no_browser() -> str | None:
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed (pip install -e '.[dev]')"
    for path in (CHROMIUM, DRIVER):
        if not Path(path).exists():
            return f"{path} is absent (apt-get install chromium chromium-driver; make test does it)"
    return None


pytestmark = pytest.mark.skipif(_why_no_browser() is not None, reason=_why_no_browser() or "")


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    # the flags of a closed network (../.library machines/python.md): no background connections
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage", "--window-size=1500,1000"):
        opts.add_argument(flag)
    try:
        driver = webdriver.Chrome(service=Service(DRIVER), options=opts)
    except Exception as exc:  # noqa: BLE001 - a browser that cannot start on this machine
        pytest.skip(f"headless Chromium could not start: {exc}")
    driver.set_page_load_timeout(30)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    yield driver
    driver.quit()


class Server:
    """The review app served by uvicorn on a free loopback port, in a thread."""

    def __init__(self, out: Path) -> None:
        import uvicorn

        from pipeline.review.app import create_app

        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        config = uvicorn.Config(create_app(out), host="127.0.0.1", port=self.port, log_level="warning")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> "Server":
        self.thread.start()
        deadline = time.monotonic() + 15
        while not self.server.started and time.monotonic() < deadline:
            time.sleep(0.05)
        assert self.server.started, "uvicorn did not start"
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)

    def url(self, path: str = "/") -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def json(self, path: str) -> Any:
        with urllib.request.urlopen(self.url(path), timeout=10) as r:
            return json.loads(r.read())


def _wait(driver: Any, script: str, timeout: float = 15) -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = driver.execute_script(script)
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for: {script}")


def _open_act(driver: Any, server: Server, file_name: str, index: int = 0) -> None:
    from selenium.webdriver.common.by import By

    driver.get(server.url("/"))
    rows = [r for r in driver.find_elements(By.CSS_SELECTOR, "#acts tr.act") if file_name in r.text]
    rows[index].find_element(By.CSS_SELECTOR, "a.act-link").click()
    _wait(driver, "const i = document.getElementById('pageimg'); return i && i.complete && i.naturalWidth > 0;")


def _select_and_check_box(driver: Any, server: Server, out: Path, table: str, row: dict[str, Any],
                          text: str) -> None:
    """Click the value ``text`` and assert the drawn boxes lie over the row's words."""
    from selenium.webdriver.common.by import By

    target = next(r for r in driver.find_elements(By.CSS_SELECTOR, f"#t-{table} tr.val")
                  if r.find_element(By.CSS_SELECTOR, "td.v").text.split("\n")[0].startswith(text))
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", target)
    target.click()
    boxes = _wait(driver, "const rs = [...document.querySelectorAll('#overlay rect.box')];"
                          "return rs.length && rs.map(r => r.getBoundingClientRect().toJSON());")
    img = driver.execute_script("return document.getElementById('pageimg').getBoundingClientRect().toJSON();")
    page = row["boxes"][0]["page"]
    info = server.json(f"/api/words/{row['doc_id']}/{page}")
    sx, sy = img["width"] / info["width"], img["height"] / info["height"]
    words = [w for w in info["words"] if row["char_start"] <= w["char_start"] < row["char_end"]]
    assert words, "the value has words on its page"
    for w in words:  # each word's centre, on screen, inside a drawn box
        cx = img["x"] + (w["x0"] + w["x1"]) / 2 * sx
        cy = img["y"] + (w["top"] + w["bottom"]) / 2 * sy
        assert any(b["left"] - 1.5 <= cx <= b["right"] + 1.5 and b["top"] - 1.5 <= cy <= b["bottom"] + 1.5
                   for b in boxes), (w["text"], cx, cy, boxes)
    # …and the boxes are the words', not a large part of the page
    word_area = sum((w["x1"] - w["x0"]) * (w["bottom"] - w["top"]) * sx * sy for w in words)
    assert sum(b["width"] * b["height"] for b in boxes) < 4 * word_area + 400


@pytest.fixture(scope="module")
def samples_out(samples_run: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_run(samples_run, tmp_path_factory.mktemp("browser") / "run")


def test_review_browser_samples_select_a_value_and_correct_it(browser: Any, samples_out: Path) -> None:
    from selenium.webdriver.common.by import By

    from pipeline.export.scdl import export_scdl

    out = samples_out
    docs = {Path(d["source_path"]).name: d["doc_id"] for d in corr.read_rows(out, "documents")}
    scan = docs["B-commune-cm-s202-scan.pdf"]
    person = next(r for r in corr.read_rows(out, "attendance")
                  if r["doc_id"] == scan and r["printed"] == "Mme KOWALCZYK Marie")
    with Server(out) as server:
        browser.get(server.url("/"))
        assert "B-commune-cm-s202-scan.pdf" in browser.find_element(By.ID, "documents").text
        browser.save_screenshot(str(ARTIFACTS / "1-documents-and-acts.png"))
        browser.find_element(By.ID, "filter-any").click()
        browser.save_screenshot(str(ARTIFACTS / "2-acts-that-need-a-look.png"))

        _open_act(browser, server, "B-commune-cm-s202-scan.pdf")
        _select_and_check_box(browser, server, out, "attendance", person, "Mme KOWALCZYK Marie")
        browser.save_screenshot(str(ARTIFACTS / "3-act-value-selected.png"))

        browser.find_element(By.ID, "words-toggle").click()
        _wait(browser, "return document.querySelectorAll('#overlay rect.word').length > 100;")
        browser.save_screenshot(str(ARTIFACTS / "4-ocr-words-and-confidence.png"))
        browser.find_element(By.ID, "words-toggle").click()

        title = browser.find_element(By.ID, "v-acts-title")
        browser.execute_script("arguments[0].scrollIntoView({block: 'center'});", title)
        title.click()
        value = browser.find_element(By.ID, "corr-value")
        value.clear()
        value.send_keys("Budget principal 2022 - Décision modificative n°3 (relu)")
        browser.find_element(By.ID, "corr-note").send_keys("checked on page 1")
        browser.find_element(By.ID, "btn-set").click()
        status = _wait(browser, "const s = document.getElementById('corr-status').textContent;"
                                "return s.startsWith('saved') || s.startsWith('refused') ? s : '';")
        assert status.startswith("saved"), status
        browser.save_screenshot(str(ARTIFACTS / "5-correction-saved.png"))

    report = export_scdl(out)
    assert "corrections: 1 applied (1 values set" in report.summary()
    with open(out / "scdl" / "deliberations.csv", encoding="utf-8") as f:
        objets = [r["DELIB_OBJET"] for r in csv.DictReader(f)]
    assert "Budget principal 2022 - Décision modificative n°3 (relu)" in objets
    assert objets.count("Budget principal 2022 - Décision modificative n°3") == 1  # the born-digital twin


@pytest.mark.corpus
@pytest.mark.skipif(not REAL_SCAN.exists(), reason=f"{REAL_SCAN} is absent")
def test_review_browser_real_scan(browser: Any, tmp_path: Path) -> None:
    """A real scanned file (Saint-Restitut, 12 March 2019): its values drawn over the OCR words."""
    from selenium.webdriver.common.by import By

    from pipeline.runner import run

    out = tmp_path / "real-scan"
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(REAL_SCAN, src / REAL_SCAN.name)  # read from a temporary copy, never the repository
    assert run([src], out).failed == 0
    rows = [r for r in corr.read_rows(out, "attendance") if r["boxes"] and r["printed"]]
    acts = sorted(corr.read_rows(out, "acts"), key=lambda a: a["act_index"])
    row = next(r for r in rows if r["act_id"] == acts[0]["act_id"])
    with Server(out) as server:
        _open_act(browser, server, REAL_SCAN.name, 0)
        browser.find_element(By.ID, f"page-{row['boxes'][0]['page']}").click()
        _wait(browser, "const i = document.getElementById('pageimg'); return i.complete && i.naturalWidth > 0;")
        _select_and_check_box(browser, server, out, "attendance", row, row["printed"])
        browser.find_element(By.ID, "words-toggle").click()
        _wait(browser, "return document.querySelectorAll('#overlay rect.word').length > 50;")
        browser.save_screenshot(str(ARTIFACTS / "6-real-scan-value-and-ocr-words.png"))
