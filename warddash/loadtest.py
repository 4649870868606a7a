"""A bounded load test on loopback: N browser sessions click through pages and filters for T seconds.

Only 127.0.0.1 is ever a target. Every session stops at its deadline or after max_loads page loads."""

from __future__ import annotations

import asyncio
import statistics
import time

from warddash.serve import CHROMIUM, CHROMIUM_ARGS

# (sidebar link, heading of the page it opens, has a chart): a session clicks round these, and toggles
# the language now and then (a filter change: the same page reruns)
JOURNEY = [
    ("Khối lượng công việc", True),
    ("Biên chế", True),
    ("Tiếp dân, kiến nghị", True),
    ("Chuyển đổi 2025", True),
    ("Hồ sơ quận", False),  # no district chosen yet: the picker and the ranking table
    ("Tổng quan", True),
    ("Nguồn và dữ liệu", False),
]


STEP_TIMEOUT = 120_000  # ms: on 2 cores the browsers, not the server, are the bottleneck under load


async def _session(
    browser, base: str, deadline: float, offset: int, max_loads: int, out: dict, delay: float = 0.0
) -> None:
    await asyncio.sleep(delay)  # sessions arrive over a ramp, as people do, not in the same millisecond
    context = await browser.new_context(viewport={"width": 1280, "height": 900})
    page = await context.new_page()
    try:
        t0 = time.monotonic()
        await page.goto(base + "/", wait_until="domcontentloaded", timeout=STEP_TIMEOUT)
        await page.locator(".js-plotly-plot").first.wait_for(state="visible", timeout=STEP_TIMEOUT)
        out["samples"].append(time.monotonic() - t0)
        sidebar = page.get_by_test_id("stSidebar")
        for i in range(max_loads):
            if time.monotonic() > deadline:
                break
            name, has_chart = JOURNEY[(offset + i) % len(JOURNEY)]
            t0 = time.monotonic()
            try:
                await sidebar.get_by_role("link", name=name, exact=True).click(timeout=STEP_TIMEOUT)
                await page.get_by_role("heading", name=name, exact=True).first.wait_for(timeout=STEP_TIMEOUT)
                if has_chart:
                    await page.locator(".js-plotly-plot").first.wait_for(state="visible", timeout=STEP_TIMEOUT)
                out["samples"].append(time.monotonic() - t0)
                if await page.get_by_test_id("stException").count():
                    out["errors"].append(f"exception on {name}")
            except Exception as exc:  # a timeout or a crash is an error of the run, not of the harness
                out["errors"].append(f"{name}: {type(exc).__name__}")
    finally:
        await context.close()


async def _run(base: str, sessions: int, seconds: float, max_loads: int, ramp: float) -> dict:
    from playwright.async_api import async_playwright

    out: dict = {"samples": [], "errors": []}
    async with async_playwright() as pw:
        browser = await pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        deadline = time.monotonic() + seconds
        await asyncio.gather(
            *[_session(browser, base, deadline, i, max_loads, out, ramp * i / sessions) for i in range(sessions)]
        )
        await browser.close()
    samples = sorted(out["samples"])
    out["loads"] = len(samples)
    out["median"] = statistics.median(samples) if samples else None
    out["p95"] = samples[int(0.95 * (len(samples) - 1))] if samples else None
    return out


def run(base: str, sessions: int = 5, seconds: float = 20, max_loads: int = 200, ramp: float | None = None) -> dict:
    """Run the load test against base (a loopback URL); returns loads, errors, median and p95 seconds.
    Sessions start spread over `ramp` seconds (default: a quarter of the run)."""
    if not base.startswith(("http://127.0.0.1:", "http://localhost:")):
        raise ValueError("the load test only targets this machine's loopback address")
    return asyncio.run(_run(base, sessions, seconds, max_loads, seconds / 4 if ramp is None else ramp))
