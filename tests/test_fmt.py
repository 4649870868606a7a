import datetime as dt

import pandas as pd

from warddash import fmt


def test_vietnamese_numbers_and_percentages():
    assert fmt.num(15376) == "15.376"
    assert fmt.num(1234567.891, decimals=2) == "1.234.567,89"
    assert fmt.pct(96.2) == "96,2%"
    assert fmt.pct(89.8, "en") == "89.8%"
    assert fmt.num(15376, "en") == "15,376"


def test_missing_is_a_dash_not_zero():
    assert fmt.num(None) == "—"
    assert fmt.num(float("nan")) == "—"
    assert fmt.pct(pd.NA) == "—"


def test_dates():
    assert fmt.date("2025-07-01") == "01/07/2025"
    assert fmt.date(dt.date(2025, 7, 1), "en") == "Jul 1, 2025"
    assert fmt.date(pd.Timestamp("2021-07-01")) == "01/07/2021"
    assert fmt.date_range("2020-07-01", "2021-06-30") == "01/07/2020 – 30/06/2021"
    assert fmt.date_range(None, None, "en") == "undated"


def test_signed_changes_and_qualifiers():
    assert fmt.signed(-6.4, "vi", 1, " đ.p.") == "−6,4 đ.p."
    assert fmt.signed(2.5, "en", 1, " pp") == "+2.5 pp"
    assert fmt.qualified(22300, "over", "người") == "hơn 22.300"
    assert fmt.qualified(96.2, "", "%", "en") == "96.2%"
    assert fmt.qualified(4000, "nearly", "x", "en") == "nearly 4,000"


def test_catalogue_has_both_languages_for_every_key():
    for key, texts in fmt.TEXT.items():
        assert set(texts) == {"vi", "en"}, key
        assert all(texts.values()), key
    assert fmt.t("whatif_result", "vi", n="3", m="4", s="15.000") == "3 trong 4 phường thuộc quận vượt 15.000 người"


def test_fast_number_format_matches_babel():
    import random

    rnd = random.Random(7)
    values = [0, 1, 999, 1000, 15376, 156692, 1234567.891, -1354, -0.004, 0.5, 2.5, 96.15, 1e9]
    values += [rnd.uniform(-1e7, 1e7) for _ in range(300)]
    for v in values:
        for lang in ("vi", "en"):
            for d in (0, 1, 2):
                ours, ref = fmt.num(v, lang, d), fmt.num_babel(v, lang, d)
                if ref.startswith("-") and ref.strip("-0.,") == "":
                    ref = ref[1:]  # the one deliberate difference: we never print "-0"
                assert ours == ref, (v, lang, d)


def test_kpi_delta_direction_colour_and_only_for_computed_changes():
    import pandas as pd

    changes = pd.DataFrame(
        {
            "ref_b": ["F012", "F015", "X004", "S1"],
            "scale": ["count", "rate", "rank", "count"],
            "pct_change": [-21.46, None, None, 12.0],
            "pp_change": [None, -6.4, None, None],
            "higher_is_better": [None, True, False, None],
            "not_computed_reason": [None, None, None, "bound"],
        }
    )
    fall = fmt.kpi_delta(changes, "F012", "vi", " đ.p.")
    assert fall == {"delta": "−21,5%", "arrow": "down", "colour": "gray"}  # a fall points down; good or bad unknown
    rate = fmt.kpi_delta(changes, "F015", "en", " pp")
    assert rate == {"delta": "−6.4 pp", "arrow": "down", "colour": "red"}  # a lower resolution rate is worse
    assert fmt.kpi_delta(changes, "X004", "vi", "")["delta"] is None  # a rank: no % change
    assert fmt.kpi_delta(changes, "S1", "vi", "")["delta"] is None  # a bound: no change computed
    assert fmt.kpi_delta(changes, "nope", "vi", "")["delta"] is None
