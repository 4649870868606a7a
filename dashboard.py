"""Hanoi Ward Dashboard — entry point: `streamlit run dashboard.py`."""

import streamlit as st

from warddash.ui import PAGES, run_guarded

pages = [st.Page(path, url_path=key, default=(key == "overview")) for key, path, _ in PAGES]
run_guarded(st.navigation(pages, position="hidden"))
