"""The rules' and commenters' commands (moderator/cli/rules.py) and `decide ID feature`, run
in-process on a real database."""

from __future__ import annotations

from sqlalchemy import select

from moderator.storage.models import Comment, Featured, Threshold
from moderator.vocabulary import Status
from tests.rulesdata import write_csv


def imported(cli, tmp_path, rows, name="c.csv"):
    code, out, err = cli("import", str(write_csv(tmp_path / name, rows)), "--format", "csv")
    assert code == 0, err


def test_rules_list_add_enable_disable_remove(cli, tmp_path):
    imported(cli, tmp_path, [{"comment_id": "1", "body": "hello"}])
    code, out, _ = cli("rules", "list")
    assert code == 0
    lines = {line.split()[0]: line.split()[1:4] for line in out.splitlines()}
    assert lines["banned_words"] == ["banned_words", "on", "hide"]
    assert lines["personal_data"] == ["personal_data", "on", "flag"]
    assert lines["first_comment"] == ["first_comment", "off", "flag"]
    assert cli("rules", "add", "many_links", "--kind", "links", "--mode", "hide", "--links", "5")[0] == 0
    assert "many_links           links              off  hide     every site, more than 5 links" in cli("rules", "list")[1]
    assert cli("rules", "enable", "many_links")[1].strip() == "Rule 'many_links' is on (hide)."
    assert cli("rules", "disable", "many_links")[0] == 0
    assert cli("rules", "remove", "many_links")[0] == 0
    assert "many_links" not in cli("rules", "list")[1]


def test_rules_refuse_bad_values_in_one_sentence(cli, tmp_path):
    imported(cli, tmp_path, [{"comment_id": "1", "body": "hello"}])
    code, _, err = cli("rules", "remove", "banned_words")
    assert code == 1 and "built-in rule: disable it instead" in err
    code, _, err = cli("rules", "set", "model_hide", "--mode", "flag")
    assert code == 1 and "A model_hide rule can hide, not 'flag'." in err
    code, _, err = cli("rules", "threshold", "quick", "toxicity", "--hide", "1.5")
    assert code == 1 and "must be between 0 and 1; 1.5 is not" in err
    code, _, err = cli("rules", "enable", "nonesuch")
    assert code == 1 and "There is no rule 'nonesuch'" in err


def test_rules_test_says_what_hits_and_what_would_be_done(cli, tmp_path):
    imported(cli, tmp_path, [{"comment_id": "1", "body": "hello"}])
    code, out, _ = cli("rules", "test", "Those people are vermin, I know where you live")
    assert code == 0
    assert "dehumanising term 'vermin'" in out and "threatening phrase 'know where you live'" in out
    assert out.strip().endswith("→ flag by rule 'dehumanising': dehumanising term 'vermin'")
    assert cli("rules", "test", "A classic day in Scunthorpe")[1].strip() == "→ no rule acts on it"


def test_threshold_and_dry_run_and_enable_asks_above_a_share(cli, tmp_path, db):
    imported(cli, tmp_path, [{"comment_id": "1", "author": "Ann", "body": "hello"},
                             {"comment_id": "2", "author": "Bob", "body": "hi"}])
    assert cli("rules", "threshold", "quick", "toxicity", "--hide", "0.9", "--approve", "0.1")[0] == 0
    with db.sessions() as session:
        assert session.get(Threshold, ("quick", "toxicity")).hide == 0.9
    ids = _ids(db)
    cli("decide", str(ids["1"]), "approve", "--moderator", "mod")
    cli("decide", str(ids["2"]), "hide", "--reason", "abuse", "--moderator", "mod")
    cli("rules", "add", "newcomers", "--kind", "first_comment", "--mode", "hide")
    code, out, _ = cli("rules", "dry-run", "newcomers")
    assert code == 0
    assert "on 2 comment(s) moderators decided: it would act on 2 (100.0%)" in out
    assert "would hide 1 they approved (against them)" in out
    code, _, err = cli("rules", "enable", "newcomers")
    assert code == 1 and "would act on 100% of the 2 comments moderators decided" in err
    assert cli("rules", "enable", "newcomers", "--yes")[0] == 0


def test_commenter_ban_with_pending_hidden_then_show_and_unban(cli, tmp_path, db):
    imported(cli, tmp_path, [{"comment_id": "1", "author": "Troll", "body": "one"},
                             {"comment_id": "2", "author": "Troll", "body": "two"}])
    code, out, _ = cli("commenter", "ban", "Troll", "--hide-pending", "--note", "repeat offender", "--moderator", "lead")
    assert code == 0 and "2 pending comment(s) hidden, one step" in out
    assert cli("commenter", "note", "Troll", "writes from three accounts")[0] == 0
    code, out, _ = cli("commenter", "show", "Troll")
    assert out.splitlines()[0] == "Troll (name:Troll): banned"
    assert "Notes: writes from three accounts" in out and "ban      normal → banned  by lead  repeat offender" in out
    imported(cli, tmp_path, [{"comment_id": "3", "author": "Troll", "body": "three"}], "b.csv")
    assert _status(db, _ids(db)["3"]) == Status.HIDDEN
    assert cli("commenter", "unban", "Troll")[0] == 0
    code, _, err = cli("commenter", "unban", "Troll")
    assert code == 1 and "Troll is normal already; nothing was changed." in err
    code, _, err = cli("commenter", "show", "Nobody")
    assert code == 1 and "There is no commenter called 'Nobody'" in err


def test_premoderation_per_article_from_the_command_line(cli, tmp_path, db):
    imported(cli, tmp_path, [{"comment_id": "1", "article_id": "open", "body": "x"}])
    article = _article(db, "open")
    assert cli("rules", "premoderation", "post", "--article", str(article))[1].strip() == f"Article {article}: post-moderated."
    imported(cli, tmp_path, [{"comment_id": "2", "article_id": "open", "body": "published"},
                             {"comment_id": "3", "article_id": "other", "body": "waits"}], "b.csv")
    ids = _ids(db)
    assert (_status(db, ids["2"]), _status(db, ids["3"])) == (Status.APPROVED, Status.PENDING)
    assert cli("rules", "premoderation", "site", "--article", str(article))[0] == 0
    code, _, err = cli("rules", "premoderation", "site")
    assert code == 1 and "Pre-moderation is pre or post" in err


def _article(db, external):
    from moderator.storage.models import Article

    with db.sessions() as session:
        return session.scalar(select(Article.id).where(Article.external_id == external))


def test_decide_feature_and_unfeature(cli, tmp_path, db):
    imported(cli, tmp_path, [{"comment_id": "1", "body": "a fine comment"}])
    cid = _ids(db)["1"]
    code, out, _ = cli("decide", str(cid), "feature", "--moderator", "editor")
    assert code == 0 and out.startswith(f"Comment {cid}: featured")
    assert cli("decide", str(cid), "feature")[1].strip() == f"Comment {cid} is already featured; nothing was changed."
    with db.sessions() as session:
        assert session.scalars(select(Featured.comment_id)).all() == [cid]
    assert cli("decide", str(cid), "unfeature")[0] == 0
    with db.sessions() as session:
        assert session.scalars(select(Featured.comment_id)).all() == []


def _ids(db):
    with db.sessions() as session:
        return dict(session.execute(select(Comment.external_id, Comment.id)).all())


def _status(db, cid):
    with db.sessions() as session:
        return session.scalar(select(Comment.status).where(Comment.id == cid))
