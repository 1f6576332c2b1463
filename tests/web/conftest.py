"""Headless Chromium (Debian's, not a downloaded one) driven by Playwright for Python.

Without /usr/bin/chromium the browser tests skip with the reason, except under
``CI=true`` where they fail: a skipped UI test in CI would hide a broken UI.
Screenshots go to ``test-artifacts/`` in the repository (gitignored).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    reason = ""
    if not CHROMIUM.exists():
        reason = f"{CHROMIUM} is missing; install Debian's chromium and fonts-lohit-deva"
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        reason = "playwright is not installed; pip install -e '.[test]'"
    if reason:
        if os.environ.get("CI", "").lower() in ("true", "1"):
            pytest.fail(f"CI is set, so the browser tests must run: {reason}")
        pytest.skip(reason)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser: object) -> Iterator[object]:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="hi-IN")  # type: ignore[attr-defined]
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS
