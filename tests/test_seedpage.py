from datetime import UTC, datetime, time

import pytest
from sqlalchemy import select

from moderator.config import SEEDS_DIR
from moderator.errors import FileFormatError
from moderator.formats.seedpage import parse_page, slug
from moderator.importing import import_page_file
from moderator.importing.demo import SEED_PAGE
from moderator.storage.models import Article, Site

SEED_TEXT = (SEEDS_DIR / SEED_PAGE).read_text(encoding="utf-8")


def test_seed_page_has_the_article_and_five_read_next_items():
    page = parse_page(SEED_TEXT)
    assert page.article.headline.startswith("Europe is moving away from sending ground troops")
    assert page.article.standfirst.startswith("As Europe's plans to bolster security")
    assert len(page.article.paragraphs) == 6
    assert page.article.paragraphs[-1].startswith("As Europe grapples")
    assert [a.time_of_day for a in page.read_next] == [time(22, 30), time(22, 0), time(21, 30), time(21, 0), time(20, 30)]
    assert len(page.articles) == 6


def test_the_read_next_item_without_a_section_line():
    page = parse_page(SEED_TEXT)
    sections = [a.section for a in page.read_next]
    assert sections == ["World News"] * 4 + [None]
    assert page.read_next[4].headline.startswith("Japanese Prime Minister Ishiba Shigeru")


def test_comment_prompt_is_the_sites_own_words():
    page = parse_page(SEED_TEXT)
    assert page.comment_prompt == "What is your opinion on this topic?"
    assert page.comment_call == "Leave the first comment"


def test_ids_are_readable_and_stable():
    page = parse_page(SEED_TEXT)
    assert page.article.external_id == "europe-is-moving-away-from-sending-ground-troops"
    assert page.read_next[2].external_id == "estonias-defense-minister-hanno-pevkur-says-the-us"
    assert slug("Zoë’s   café, U.S.!") == "zoes-cafe-us"


def test_a_read_next_item_without_summary_names_its_line():
    text = ("Headline\nBody paragraph.\nRead next\n22:30\nWorld News\nSummary.\n21:00\n"
            "What is your opinion on this topic?\nLeave the first comment\n")
    with pytest.raises(FileFormatError) as error:
        parse_page(text, "page.txt")
    assert str(error.value) == "page.txt, line 7: this 'Read next' item has a time but no summary"


def test_an_item_must_start_with_its_time():
    with pytest.raises(FileFormatError, match=r"x.txt, line 3: a 'Read next' item must start with its time"):
        parse_page("Headline\nRead next\nWorld News\n22:30\nSummary\n", "x.txt")


def test_empty_page_is_rejected():
    with pytest.raises(FileFormatError, match="empty"):
        parse_page("\n \n", "empty.txt")


def test_page_import_dates_items_and_is_idempotent(session):
    first = import_page_file(session, SEEDS_DIR / SEED_PAGE, published_on=datetime(2025, 4, 29).date())
    second = import_page_file(session, SEEDS_DIR / SEED_PAGE, published_on=datetime(2025, 5, 2).date())
    assert (first.articles.added, second.articles.added, second.articles.unchanged) == (6, 0, 6)
    articles = {a.external_id: a for a in session.scalars(select(Article))}
    main = articles["europe-is-moving-away-from-sending-ground-troops"]
    assert main.published_at == datetime(2025, 4, 29, 22, 30, tzinfo=UTC)  # newest Read-next time
    assert articles["japanese-prime-minister-ishiba-shigeru-and-philippine-president"].section is None
    assert session.scalar(select(Site.comment_call)) == "Leave the first comment"
