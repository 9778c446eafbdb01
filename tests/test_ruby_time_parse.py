"""Dates as Ruby's ``Time.parse`` reads them: front matter ``date:`` (Jekyll's ``Utils.parse_date``)
and the ``date`` filter (Liquid's ``Utils.to_date``). Each expected value was observed from Jekyll
4.3.1 on a probe site with ``timezone: UTC`` (``{{ page.date }}`` and ``{{ X | date: "%F %T %z" }}``);
an al-folio fork's post dated ``11-4-2024`` builds with Jekyll and stopped liquidsite."""

from __future__ import annotations

import datetime as dt

import pytest
from inprocess import build

from liquidsite.errors import InvalidDateError
from liquidsite.rubytime import parse_time
from liquidsite.timeutil import parse_date

UTC = dt.timezone.utc


@pytest.mark.parametrize(("written", "jekyll"), [
    ("11-4-2024", "2024-04-11 00:00:00 +0000"),
    ("2024/10/30", "2024-10-30 00:00:00 +0000"),
    ("Oct 30, 2024", "2024-10-30 00:00:00 +0000"),
    ("30 October 2024", "2024-10-30 00:00:00 +0000"),
    ("2024-10-30 10:00 PM", "2024-10-30 22:00:00 +0000"),
    ("Wed, 30 Oct 2024 10:00:00 -0500", "2024-10-30 15:00:00 +0000"),
    ("20241030", "2024-10-30 00:00:00 +0000"),
])
def test_front_matter_dates_read_as_time_parse(written: str, jekyll: str) -> None:
    assert parse_date(written, UTC).strftime("%Y-%m-%d %H:%M:%S %z") == jekyll


def test_a_date_time_parse_rejects_is_invalid() -> None:
    with pytest.raises(InvalidDateError, match="Invalid date '10/30/2024'"):  # month 30, as Ruby reads it
        parse_date("10/30/2024", UTC)


@pytest.mark.parametrize(("written", "jekyll"), [
    ("11-4-2024", "2024-04-11 00:00:00 +0000"),
    ("2024-10-30 10:00 PM", "2024-10-30 22:00:00 +0000"),
    ("30.10.2024", "2024-10-30 00:00:00 +0000"),
    ("10/30/2024", None),  # the filter prints its input
])
def test_the_date_filter_reads_the_same_forms(written: str, jekyll: str) -> None:
    parsed = parse_time(written, UTC)
    assert (parsed.strftime("%Y-%m-%d %H:%M:%S %z") if parsed else None) == jekyll


def test_a_post_dated_day_first_builds(tmp_path) -> None:
    site = build(tmp_path, {
        "_config.yml": "timezone: UTC\n",
        "_posts/2024-10-30-elections.md": (
            "---\ndate:  11-4-2024\n---\n{{ page.date }} and {{ '30.10.2024' | date: '%F' }}\n"
        ),
    })
    assert (site / "2024/04/11/elections.html").read_text() == "<p>2024-04-11 00:00:00 +0000 and 2024-10-30</p>\n"
