"""A bounded load test on loopback: N browser sessions click through pages and filters for T seconds.

Only 127.0.0.1 is ever a target. Every session stops at its deadline or after max_loads page loads."""

from __future__ import annotations

import asyncio
import statistics
import time

from warddash.serve import CHROMIUM, CHROMIUM_ARGS

JOURNEY = ["/overview", "/workload?district=008", "/staffing", "/petitions?period=pilot&period=before_pilot",
           "/transition?district=001", "/district?district=269", "/workload?district=005&lang=en",
           "/staffing?district=002", "/overview?lang=en", "/workload"]


async def _session(browser, base: str, deadline: float, offset: int, max_loads: int, out: dict) -> None:
    context = await browser.new_context(viewport={"width": 1280, "height": 900})
    page = await context.new_page()
    try:
        for i in range(max_loads):
            if time.monotonic() > deadline:
                break
            url = base + JOURNEY[(offset + i) % len(JOURNEY)]
            t0 = time.monotonic()
            try:
                await page.goto(url, wait_until="domcontentloaded", timeout=60_000)
                await page.locator(".js-plotly-plot").first.wait_for(state="visible", timeout=60_000)
                out["samples"].append(time.monotonic() - t0)
                if await page.get_by_test_id("stException").count():
                    out["errors"].append(f"exception on {url}")
            except Exception as exc:  # a timeout or a crash is an error of the run, not of the harness
                out["errors"].append(f"{url}: {type(exc).__name__}")
    finally:
        await context.close()


async def _run(base: str, sessions: int, seconds: float, max_loads: int) -> dict:
    from playwright.async_api import async_playwright

    out: dict = {"samples": [], "errors": []}
    async with async_playwright() as pw:
        browser = await pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        deadline = time.monotonic() + seconds
        await asyncio.gather(*[_session(browser, base, deadline, i, max_loads, out) for i in range(sessions)])
        await browser.close()
    samples = sorted(out["samples"])
    out["loads"] = len(samples)
    out["median"] = statistics.median(samples) if samples else None
    out["p95"] = samples[int(0.95 * (len(samples) - 1))] if samples else None
    return out


def run(base: str, sessions: int = 5, seconds: float = 20, max_loads: int = 200) -> dict:
    """Run the load test against base (a loopback URL); returns loads, errors, median and p95 seconds."""
    if not base.startswith(("http://127.0.0.1:", "http://localhost:")):
        raise ValueError("the load test only targets this machine's loopback address")
    return asyncio.run(_run(base, sessions, seconds, max_loads))
