"""The council's yearly report figures, checked against a known set of notifications, with "<5"."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from desktop.desk.figures import ReportFacts, Share, share_parts, shown, table_texts, yearly_report


def _facts(month: int, day: int, *, acute: bool = False, profession: str = "teacher", band: str = "6-12",
           grounds: tuple[str, ...] = ("special_support",), categories: tuple[str, ...] = ("neglect",),
           assessed_after: timedelta | None = timedelta(hours=3),
           acknowledged_after: timedelta | None = timedelta(days=2), repeat: bool = False) -> ReportFacts:
    received = datetime(2026, month, day, 10, 0, tzinfo=UTC)
    return ReportFacts(received, acute, profession, band, grounds, categories,
                       None if assessed_after is None else received + assessed_after,
                       None if acknowledged_after is None else received + acknowledged_after, repeat)


def known_set() -> list[ReportFacts]:
    """40 notifications in 2026 plus 3 outside the period, with every figure worked out by hand."""
    facts: list[ReportFacts] = []
    facts += [_facts(1, 5 + i % 20) for i in range(12)]  # January: 12 teachers, 6-12, neglect
    facts += [_facts(2, 3 + i, profession="educator", band="3-5") for i in range(10)]  # February: 10
    facts += [_facts(3, 2 + i, profession="health", band="0-2", acute=True,
                     grounds=("special_support", "abuse"), categories=("neglect", "physical_violence"))
              for i in range(6)]  # March: 6 acute
    facts += [_facts(4, 7 + i, profession="social", band="13-17", assessed_after=timedelta(hours=30))
              for i in range(3)]  # April: 3, assessed late
    facts += [_facts(6, 1 + i, band="unborn", grounds=("unborn_child",),
                     categories=("parental_substance_abuse",),
                     acknowledged_after=None, repeat=i < 2) for i in range(9)]  # June: 9, none acknowledged
    facts += [_facts(12, 28, acknowledged_after=timedelta(days=15))]  # December 28: acknowledged late
    facts += [ReportFacts(datetime(2025, 12, 31, 22, 30, tzinfo=UTC), False, "teacher", "6-12", (), (),
                          None, None, False)]  # 23:30 Danish time on 31 December 2025: outside
    facts += [ReportFacts(datetime(2026, 12, 31, 23, 30, tzinfo=UTC), False, "teacher", "6-12", (), (),
                          None, None, False)] * 2  # already 1 January 2027 in Denmark: outside
    return facts


def test_the_known_set_gives_the_known_figures() -> None:
    report = yearly_report(known_set(), date(2026, 1, 1), date(2026, 12, 31))
    assert report.total == 41
    assert dict(report.by_month) == {"2026-01": 12, "2026-02": 10, "2026-03": 6, "2026-04": 3, "2026-05": 0,
                                     "2026-06": 9, "2026-07": 0, "2026-08": 0, "2026-09": 0, "2026-10": 0,
                                     "2026-11": 0, "2026-12": 1}
    assert dict(report.by_profession) == {"teacher": 22, "educator": 10, "health": 6, "social": 3,
                                          "leader": 0, "other": 0}
    assert dict(report.by_age_band) == {"unborn": 9, "0-2": 6, "3-5": 10, "6-12": 13, "13-17": 3}
    assert dict(report.by_ground) == {"special_support": 32, "unborn_child": 9, "school_absence": 0,
                                      "abuse": 6}
    assert dict(report.by_category) == {"neglect": 32, "parental_substance_abuse": 9, "physical_violence": 6}
    assert (report.acute.count, report.acute.total) == (6, 41)
    assert report.assessed_in_time.count == 38
    assert report.acknowledged_in_time.count == 31  # 9 never, 1 late
    assert report.repeats.count == 2


def test_counts_from_one_to_four_are_shown_as_less_than_five() -> None:
    report = yearly_report(known_set(), date(2026, 1, 1), date(2026, 12, 31))
    months = {month: shown(count) for month, count in report.by_month}
    assert months["2026-04"] == "<5" and months["2026-12"] == "<5"
    assert months["2026-03"] == "6" and months["2026-05"] == "0"
    assert [shown(n) for n in range(7)] == ["0", "<5", "<5", "<5", "<5", "5", "6"]
    # 2 repeats of 41: the exact number is not shown; 3 late assessments of 41: neither.
    assert share_parts(report.repeats) == ("small", "<5", "41")
    assert share_parts(report.assessed_in_time) == ("almost", "36", "41")
    assert share_parts(report.acute) == ("exact", "15", "6/41")


def test_a_single_small_count_in_a_table_that_adds_up_to_the_total_cannot_be_worked_out() -> None:
    report = yearly_report(known_set(), date(2026, 1, 1), date(2026, 12, 31))
    # Professions: social 3 is the only "<5"; 41 - 22 - 10 - 6 would give it, so health's 6 is hidden too.
    assert table_texts(report.by_profession, once_each=True) == ["22", "10", "≥5", "<5", "0", "0"]
    # Age bands: 13-17 3 alone; 0-2 (6) is the smallest other count.
    assert table_texts(report.by_age_band, once_each=True) == ["9", "≥5", "10", "13", "<5"]
    # Months: April 3 and December 1 - two "<5" together cannot be told apart; nothing more hidden.
    assert "≥5" not in table_texts(report.by_month, once_each=True)
    # Grounds count a notification under each of its grounds: no total to subtract from.
    assert table_texts([("a", 30), ("b", 2), ("c", 9)], once_each=False) == ["30", "<5", "9"]
    # Equal smallest: the first is hidden; a table with one "<5" and only zeros needs nothing more
    # (the total is then "<5" itself).
    assert table_texts([("a", 7), ("b", 7), ("c", 1)], once_each=True) == ["≥5", "7", "<5"]
    assert table_texts([("a", 0), ("b", 4)], once_each=True) == ["0", "<5"]


def test_a_share_of_a_tiny_total_shows_no_number() -> None:
    assert share_parts(Share(2, 3)) == ("small_total", "<5", "")
    assert share_parts(Share(0, 0)) == ("none", "", "")
    assert Share(2, 3).percent is None


def test_a_period_that_ends_before_it_starts_is_refused() -> None:
    with pytest.raises(ValueError, match="ends before"):
        yearly_report([], date(2026, 2, 1), date(2026, 1, 1))


def test_hidden_counts_that_the_total_still_gives_away_hide_one_more() -> None:
    """The total less the counts printed is what the hidden ones add up to. Two "<5" adding up to 2 are
    both 1; two adding up to 8 are both 4; a "<5" beside a "≥5" adding up to 6 are 1 and 5. Each time one
    more count (the smallest printed) is hidden too, until no hidden count can be worked out."""

    def worked_out(counts: list[int], texts: list[str]) -> bool:
        """Whether some "<5" has only one possible value, given the total and the printed counts."""
        hidden = [i for i, text in enumerate(texts) if text in ("<5", "≥5")]
        rest = sum(counts) - sum(int(t) for t in texts if t not in ("<5", "≥5"))
        ranges = [range(1, 5) if texts[i] == "<5" else range(5, rest + 1) for i in hidden]
        from itertools import product

        possible = [combo for combo in product(*ranges) if sum(combo) == rest]
        return any(texts[i] == "<5" and len({combo[n] for combo in possible}) == 1
                   for n, i in enumerate(hidden))

    cases = {
        (10, 1, 1, 9): ["10", "<5", "<5", "≥5"],    # two 1s: the smallest printed (9) hidden too
        (10, 4, 4, 7): ["10", "<5", "<5", "≥5"],    # two 4s
        (12, 5, 1): ["≥5", "≥5", "<5"],             # 1 beside a 5 add up to 6: the 12 as well
        (30, 20, 3): ["30", "≥5", "<5"],            # unchanged: 3 + 20 could be 1 + 22 ... 4 + 19
        (30, 3, 1, 9): ["30", "<5", "<5", "9"],     # unchanged: 3 + 1 could be 2 + 2
    }
    for counts, expected in cases.items():
        rows = [(f"r{n}", count) for n, count in enumerate(counts)]
        texts = table_texts(rows, once_each=True)
        assert texts == expected, counts
        assert not worked_out(list(counts), texts), counts
