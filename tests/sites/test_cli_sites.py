"""`moderator sites`, `moderator sync` and `moderator outbox` against the real WordPress."""

from __future__ import annotations

import io
import json
import stat

from moderator.connectors.secrets import store_available


def test_connect_sync_and_read_the_outbox_from_the_command_line(paths, wordpress, cli, monkeypatch):
    held = wordpress.add_comment("Held on the site", status="hold")
    user = wordpress.users["editor"]
    monkeypatch.setattr("sys.stdin", io.StringIO(user.password + "\n"))
    code, out, err = cli("sites", "add", "wordpress", wordpress.url, "--user", user.login, "--keep", "file",
                         "--hide", "off_topic=hold")
    assert code == 0, err
    assert "Connected The Daily Test" in out and "a file only you can read" in out
    secrets_file = paths.home / "secrets" / "site-secrets.json"
    assert stat.S_IMODE(secrets_file.stat().st_mode) == 0o600
    code, out, err = cli("sync", "--json")
    assert code == 0, err
    report = json.loads(out)
    assert report["pulled"]["added"] == 1 and report["to_send"] == 0 and not report["offline"]
    code, out, _ = cli("queue", "--json")
    comment_id = json.loads(out)[0]["id"]
    assert cli("decide", str(comment_id), "hide", "--reason", "off_topic")[0] == 0
    code, out, _ = cli("outbox", "--json")
    assert [(i["operation"], i["status"], i["reason"], i["state"]) for i in json.loads(out)] == \
        [("status", "hidden", "off_topic", "waiting")]
    code, out, err = cli("sync")
    assert code == 0 and "sent 1" in out, err
    assert wordpress.comment(held)["status"] == "hold"  # off_topic maps to hold on this connection
    code, out, _ = cli("sites", "list", "--json")
    listed = json.loads(out)[0]
    assert listed["to_send"] == 0 and listed["last_push"] and listed["secret_kept"] == "file"
    code, out, _ = cli("outbox", "--all", "--json")
    assert [(i["status"], i["state"]) for i in json.loads(out)] == [("hidden", "sent")]
    assert cli("sites", "off", listed["site"])[0] == 0
    code, out, err = cli("sync", "--site", listed["site"])
    assert code == 1 and "is off" in err and err.count("\n") == 1  # no request while off
    assert cli("sync")[1] == ""  # no connection is on: nothing to do


def test_without_a_credential_store_the_app_says_so(paths, wordpress, cli, monkeypatch):
    assert not store_available()  # this machine has none: keyring's fail backend
    user = wordpress.users["editor"]
    monkeypatch.setattr("sys.stdin", io.StringIO(user.password + "\n"))
    code, out, err = cli("sites", "add", "wordpress", wordpress.url, "--user", user.login)
    assert code == 0
    assert "no credential store" in err and "asked each run" in out
    code, out, err = cli("sites", "add", "wordpress", wordpress.url, "--user", user.login, "--keep", "keyring")
    assert code == 1 and "no credential store" in err


def test_a_wrong_password_is_one_sentence_and_nothing_is_added(paths, wordpress, cli, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO("wrong wrong wrong wrong\n"))
    code, out, err = cli("sites", "add", "wordpress", wordpress.url, "--user", "editor", "--keep", "session")
    assert code == 1 and "refused the user name or password" in err and err.count("\n") == 1
    assert cli("sites", "list", "--json")[1].strip() == "[]"
