"""Real comment servers for the connector tests, on 127.0.0.1, in a folder of their own.

- WordPress from Debian's packages (`wordpress`, `php-cli`, `php-mysql`, `mariadb-server`):
  a MariaDB data folder of its own (a socket, no TCP port), WordPress installed by a short
  PHP script calling `wp_install`, Application Passwords enabled by `WP_ENVIRONMENT_TYPE`
  `local`, served by `php -S` with a few workers.
- Isso from PyPI (the `test` extra), with moderation on and the admin page enabled.
- `CuttingProxy`: a loopback proxy in front of either that can cut a connection at a
  chosen moment (before the request reaches the site, or after the site answered but
  before the answer reaches us): network faults made for real.

A server that cannot start raises `ServerUnavailable` with one sentence saying what is
missing; the fixtures turn it into a failure, never a skip.
"""

from __future__ import annotations

import base64
import http.client
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode

WORDPRESS = Path("/usr/share/wordpress")
APT_LINE = "apt-get install -y wordpress php-cli php-mysql mariadb-server"
START_TIMEOUT = 60.0


class ServerUnavailable(RuntimeError):
    """A test server could not start: one sentence saying what is missing."""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until(check, timeout: float, what: str, log: Path | None = None) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.05)
    tail = log.read_text(errors="replace")[-800:] if log is not None and log.exists() else ""
    raise ServerUnavailable(f"{what} did not start within {timeout:.0f} s. {tail}".strip())


def _listening(port: int) -> bool:
    with socket.socket() as probe:
        probe.settimeout(0.2)
        return probe.connect_ex(("127.0.0.1", port)) == 0


def _stop(process: subprocess.Popen | None) -> None:
    """The process and, when it leads a process group of its own (php -S: its workers), the
    whole group: php's workers outlived their parent and piled up on the machine."""
    if process is None or process.poll() is not None:
        return
    group = _own_group(process)  # while it runs (our child, not yet reaped), its pid is its own
    process.send_signal(signal.SIGTERM)
    if group is not None:
        _signal_group(group, signal.SIGTERM)
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
    if group is not None:
        _signal_group(group, signal.SIGKILL)  # a worker that did not go with its parent


def _own_group(process: subprocess.Popen) -> int | None:
    try:
        return process.pid if os.getpgid(process.pid) == process.pid else None
    except ProcessLookupError:
        return None


def _signal_group(group: int, signal_number: int) -> None:
    try:
        os.killpg(group, signal_number)
    except (ProcessLookupError, PermissionError):
        pass


# ---- WordPress --------------------------------------------------------------------------------

@dataclass
class WpUser:
    login: str
    password: str  # the Application Password
    user_id: int


@dataclass
class WordPressServer:
    """A WordPress site: `url`, an administrator, an editor and an author with Application
    Passwords, and a post to comment on. `api` calls the REST API as one of them."""

    work: Path
    port: int = 0
    users: dict[str, WpUser] = field(default_factory=dict)
    post_id: int = 0
    processes: list[subprocess.Popen] = field(default_factory=list)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def socket_path(self) -> Path:
        return self.work / "mysql.sock"

    def start(self) -> WordPressServer:
        for program, package in (("php", "php-cli"), ("mariadbd", "mariadb-server"),
                                 ("mariadb-install-db", "mariadb-server")):
            if shutil.which(program) is None and not Path("/usr/sbin", program).exists():
                raise ServerUnavailable(f"WordPress tests need {program} (Debian package {package}): {APT_LINE}.")
        if not (WORDPRESS / "wp-settings.php").exists():
            raise ServerUnavailable(f"WordPress tests need Debian's wordpress package in {WORDPRESS}: {APT_LINE}.")
        self.work.mkdir(parents=True, exist_ok=True)
        self._start_mariadb()
        self._lay_out_site()
        self.port = free_port()
        self._install()
        self._serve()
        return self

    def stop(self) -> None:
        for process in reversed(self.processes):
            _stop(process)
        self.processes.clear()

    # the database

    def _start_mariadb(self) -> None:
        data, log = self.work / "mysql", self.work / "mariadb.log"
        if not data.exists():
            done = subprocess.run(["mariadb-install-db", f"--datadir={data}", "--user=root",
                                   "--auth-root-authentication-method=normal", "--skip-test-db", "--skip-name-resolve"],
                                  capture_output=True, text=True)
            if done.returncode != 0:
                raise ServerUnavailable(f"MariaDB could not make its data folder: {done.stderr.strip()[-300:]}")
        mariadbd = shutil.which("mariadbd") or "/usr/sbin/mariadbd"
        with log.open("ab") as out:
            self.processes.append(subprocess.Popen(
                [mariadbd, "--no-defaults", f"--datadir={data}", f"--socket={self.socket_path}", "--skip-networking",
                 "--user=root", f"--pid-file={self.work / 'mariadb.pid'}", "--innodb-buffer-pool-size=64M",
                 "--innodb-flush-log-at-trx-commit=2", "--skip-log-bin", f"--log-error={log}"],
                stdout=out, stderr=out))
        wait_until(self.socket_path.exists, START_TIMEOUT, "MariaDB", log)
        wait_until(lambda: self._sql("SELECT 1").returncode == 0, START_TIMEOUT, "MariaDB", log)
        self._sql("CREATE DATABASE IF NOT EXISTS wordpress CHARACTER SET utf8mb4")

    def _sql(self, statement: str) -> subprocess.CompletedProcess:
        return subprocess.run(["mariadb", "--no-defaults", f"--socket={self.socket_path}", "-uroot", "-e", statement],
                              capture_output=True, text=True)

    # the site

    @property
    def www(self) -> Path:
        return self.work / "www"

    def _lay_out_site(self) -> None:
        """The package's files linked into a folder of our own, with our own wp-config.php
        (Debian's reads /etc/wordpress) and wp-content; ABSPATH is set to this folder before
        WordPress starts (auto_prepend_file), so every include goes through it."""
        www = self.www
        www.mkdir(exist_ok=True)
        for entry in WORDPRESS.iterdir():
            if entry.name not in ("wp-config.php", "wp-content") and not (www / entry.name).exists():
                (www / entry.name).symlink_to(entry)
        content = www / "wp-content"
        (content / "uploads").mkdir(parents=True, exist_ok=True)
        for name in ("themes", "plugins", "languages"):
            if not (content / name).exists():
                (content / name).symlink_to(WORDPRESS / "wp-content" / name)
        (www / "wp-config.php").write_text(WP_CONFIG.format(socket=self.socket_path, www=www))
        (self.work / "prepend.php").write_text(f"<?php if (!defined('ABSPATH')) define('ABSPATH', '{www}/');\n")

    def php(self, script: str, *args: str, installing: bool = False) -> str:
        """Runs PHP with WordPress loaded (as the command line, no request); returns what it printed."""
        path = self.work / "script.php"
        path.write_text(WP_BOOT.format(www=self.www, url=self.url, installing="true" if installing else "false") + script)
        done = subprocess.run(["php", "-d", f"auto_prepend_file={self.work / 'prepend.php'}", str(path), *args],
                              capture_output=True, text=True, cwd=self.www)
        if done.returncode != 0:
            raise ServerUnavailable(f"WordPress's PHP failed: {(done.stdout + done.stderr).strip()[-600:]}")
        return done.stdout

    def _install(self) -> None:
        answer = json.loads(self.php(WP_INSTALL, installing=True).strip().splitlines()[-1])
        self.post_id = answer["post"]
        self.users = {role: WpUser(**user) for role, user in answer["users"].items()}

    def _serve(self) -> None:
        log = self.work / "php.log"
        environment = {**os.environ, "PHP_CLI_SERVER_WORKERS": "4"}
        with log.open("ab") as out:
            self.processes.append(subprocess.Popen(
                ["php", "-d", f"auto_prepend_file={self.work / 'prepend.php'}", "-d", "display_errors=stderr",
                 "-S", f"127.0.0.1:{self.port}", "-t", str(self.www)], stdout=out, stderr=out, env=environment,
                cwd=self.www, start_new_session=True))  # a group of its own: stopped with its workers
        wait_until(lambda: _listening(self.port), START_TIMEOUT, "WordPress (php -S)", log)

    # calling its API, as its own users would

    def api(self, method: str, route: str, body: dict | None = None, as_user: str = "admin",
            **query: object) -> tuple[int, object]:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        user = self.users[as_user]
        token = base64.b64encode(f"{user.login}:{user.password}".encode()).decode()
        path = "/?" + urlencode({"rest_route": route, **{k: v for k, v in query.items()}})
        headers = {"Authorization": f"Basic {token}", "Content-Type": "application/json"}
        try:
            connection.request(method, path, json.dumps(body) if body is not None else None, headers)
            response = connection.getresponse()
            return response.status, json.loads(response.read() or b"null")
        finally:
            connection.close()

    def comment(self, comment_id: int) -> dict:
        status, answer = self.api("GET", f"/wp/v2/comments/{comment_id}", context="edit")
        assert status == 200, answer
        assert isinstance(answer, dict)
        return answer

    def add_comment(self, content: str, status: str = "hold", parent: int = 0, author: str = "Reader",
                    post: int | None = None) -> int:
        status_code, answer = self.api("POST", "/wp/v2/comments", {
            "post": post or self.post_id, "content": content, "author_name": author, "author_email": "reader@example.org",
            "parent": parent, "status": status})
        assert status_code == 201, answer
        assert isinstance(answer, dict)
        return int(answer["id"])

    def set_status(self, comment_id: int, status: str) -> None:
        code, answer = self.api("POST", f"/wp/v2/comments/{comment_id}", {"status": status})
        assert code == 200, answer

    def all_comments(self) -> list[dict]:
        found, page = [], 1
        while True:
            code, answer = self.api("GET", "/wp/v2/comments", context="edit", per_page=100, page=page, status="any",
                                    orderby="id", order="asc")
            assert code == 200, answer
            assert isinstance(answer, list)
            found += answer
            if len(answer) < 100:
                return found
            page += 1

    def bulk_comments(self, count: int, posts: int = 50, hold_every: int = 3) -> None:
        """Many comments at once, straight into the site's tables (as an import plugin would)."""
        self.php(WP_BULK, str(count), str(posts), str(hold_every))

    def reset_comments(self) -> None:
        self.php("global $wpdb; $wpdb->query(\"DELETE FROM {$wpdb->comments}\"); "
                 "$wpdb->query(\"DELETE FROM {$wpdb->commentmeta}\"); echo 'ok';")


WP_CONFIG = """<?php
define('DB_NAME', 'wordpress');
define('DB_USER', 'root');
define('DB_PASSWORD', '');
define('DB_HOST', 'localhost:{socket}');
define('DB_CHARSET', 'utf8mb4');
define('WP_CONTENT_DIR', '{www}/wp-content');
define('WP_ENVIRONMENT_TYPE', 'local');
define('DISABLE_WP_CRON', true);
define('AUTOMATIC_UPDATER_DISABLED', true);
define('WP_HTTP_BLOCK_EXTERNAL', true);
define('AUTH_KEY', 'test-only'); define('SECURE_AUTH_KEY', 'test-only'); define('LOGGED_IN_KEY', 'test-only');
define('NONCE_KEY', 'test-only'); define('AUTH_SALT', 'test-only'); define('SECURE_AUTH_SALT', 'test-only');
define('LOGGED_IN_SALT', 'test-only'); define('NONCE_SALT', 'test-only');
$table_prefix = 'wp_';
require_once ABSPATH . 'wp-settings.php';
"""

WP_BOOT = """<?php
$_SERVER['HTTP_HOST'] = parse_url('{url}', PHP_URL_HOST) . ':' . parse_url('{url}', PHP_URL_PORT);
$_SERVER['REQUEST_URI'] = '/';
define('WP_INSTALLING', {installing});
define('WP_SITEURL', '{url}');
define('WP_HOME', '{url}');
require_once '{www}/wp-load.php';
"""

WP_INSTALL = r"""
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
require_once ABSPATH . 'wp-admin/includes/user.php';
if (!is_blog_installed()) {
    wp_install('The Daily Test', 'admin', 'admin@example.org', true, '', 'admin-password');
}
update_option('comment_moderation', 0);
update_option('comment_previously_approved', 0);
update_option('require_name_email', 0);
update_option('comment_registration', 0);
update_option('comments_notify', 0);
update_option('moderation_notify', 0);
update_option('close_comments_for_old_posts', 0);
update_option('thread_comments_depth', 10);
update_option('timezone_string', 'Europe/Berlin');
$users = [];
foreach (['admin' => 'administrator', 'editor' => 'editor', 'author' => 'author'] as $login => $role) {
    $user = get_user_by('login', $login);
    $id = $user ? $user->ID : wp_insert_user(['user_login' => $login, 'user_pass' => "$login-password",
        'user_email' => "$login@example.org", 'role' => $role, 'display_name' => ucfirst($login)]);
    [$password, $item] = WP_Application_Passwords::create_new_application_password($id, ['name' => 'tests-' . uniqid()]);
    $users[$role == 'administrator' ? 'admin' : $login] = ['login' => $login, 'password' => $password, 'user_id' => $id];
}
$post = get_page_by_path('europe-ground-troops', OBJECT, 'post');
$post_id = $post ? $post->ID : wp_insert_post(['post_title' => 'Europe is moving away from sending ground troops',
    'post_name' => 'europe-ground-troops', 'post_content' => 'The article.', 'post_status' => 'publish',
    'comment_status' => 'open', 'post_author' => 1]);
echo json_encode(['post' => $post_id, 'users' => $users]), "\n";
"""

WP_BULK = r"""
global $wpdb;
[$_, $count, $posts, $hold_every] = $argv;
$ids = [];
for ($p = 0; $p < (int)$posts; $p++) {
    $ids[] = wp_insert_post(['post_title' => "Bulk article $p", 'post_content' => 'Text.', 'post_status' => 'publish',
        'comment_status' => 'open', 'post_author' => 1]);
}
$rows = [];
$start = time() - (int)$count * 10;
for ($i = 0; $i < (int)$count; $i++) {
    $gmt = gmdate('Y-m-d H:i:s', $start + $i * 10);
    $local = get_date_from_gmt($gmt);
    $approved = ($i % (int)$hold_every == 0) ? '0' : '1';
    $rows[] = $wpdb->prepare('(%d, %s, %s, %s, %s, %s, %s, %s, %s)', $ids[$i % count($ids)], "Reader $i",
        "reader$i@example.org", '192.0.2.1', $local, $gmt,
        "Comment number $i: a reader's view on the matter, at some length so that it reads like one.", $approved, 'comment');
    if (count($rows) == 500 || $i == (int)$count - 1) {
        $wpdb->query("INSERT INTO {$wpdb->comments} (comment_post_ID, comment_author, comment_author_email, "
            . "comment_author_IP, comment_date, comment_date_gmt, comment_content, comment_approved, comment_type) VALUES "
            . implode(',', $rows));
        $rows = [];
    }
}
echo 'ok';
"""


# ---- Isso ---------------------------------------------------------------------------------------

@dataclass
class IssoServer:
    """Isso with moderation on; `admin_password` logs in to its admin page."""

    work: Path
    port: int = 0
    admin_password: str = "isso-admin-password"
    process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> IssoServer:
        try:
            import isso  # noqa: F401 - only to say so when it is missing
        except ImportError:
            raise ServerUnavailable("Isso tests need the isso package (the test extra: pip install -e '.[test]').") from None
        self.work.mkdir(parents=True, exist_ok=True)
        self.port = free_port()
        config = self.work / "isso.cfg"
        config.write_text(ISSO_CONFIG.format(db=self.work / "comments.db", port=self.port, password=self.admin_password))
        log = self.work / "isso.log"
        environment = {**os.environ, "TZ": "UTC"}
        with log.open("ab") as out:
            self.process = subprocess.Popen([sys.executable, "-c", ISSO_RUN, str(config)], stdout=out, stderr=out,
                                            env=environment)
        wait_until(lambda: _listening(self.port), START_TIMEOUT, "Isso", log)
        return self

    def stop(self) -> None:
        _stop(self.process)

    def reset(self) -> None:
        """No comments and no threads: each test starts from an empty server."""
        import sqlite3

        with sqlite3.connect(self.work / "comments.db") as db:
            db.execute("DELETE FROM comments")
            db.execute("DELETE FROM threads")

    def request(self, method: str, path: str, body: object = None, headers: dict | None = None) -> tuple[int, bytes, dict]:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        try:
            sent = json.dumps(body) if body is not None and not isinstance(body, (str, bytes)) else body
            connection.request(method, path, sent, {"Content-Type": "application/json", **(headers or {})})
            response = connection.getresponse()
            return response.status, response.read(), dict(response.getheaders())
        finally:
            connection.close()

    def add_comment(self, uri: str, text: str, author: str = "Reader", parent: int | None = None) -> int:
        status, body, _ = self.request("POST", "/new?" + urlencode({"uri": uri}),
                                       {"text": text, "author": author, "parent": parent, "title": uri.strip("/")})
        assert status == 202 or status == 201, body
        return int(json.loads(body)["id"])

    def public(self, uri: str) -> list[dict]:
        """The thread's published comments as readers get them (replies flattened)."""
        status, body, _ = self.request("GET", "/?" + urlencode({"uri": uri, "plain": 1}))
        if status == 404:
            return []
        assert status == 200, body
        flat: list[dict] = []

        def walk(items: list[dict]) -> None:
            for item in items:
                flat.append(item)
                walk(item.get("replies", []))

        walk(json.loads(body)["replies"])
        return flat

    def modes(self) -> dict[int, int]:
        """Comment id → mode (1 published, 2 pending, 4 deleted but referenced), from Isso's own database."""
        import sqlite3

        with sqlite3.connect(self.work / "comments.db") as db:
            return dict(db.execute("SELECT id, mode FROM comments"))

    def modes_by_text(self) -> dict[str, int]:
        """Comment text → mode: Isso gives a deleted comment's id to the next one (SQLite's rowid)."""
        import sqlite3

        with sqlite3.connect(self.work / "comments.db") as db:
            return dict(db.execute("SELECT text, mode FROM comments"))

    def admin_activate(self, comment_id: int) -> None:
        import sqlite3

        from itsdangerous import URLSafeTimedSerializer  # isso's own signer

        with sqlite3.connect(self.work / "comments.db") as db:
            key = db.execute("SELECT value FROM preferences WHERE key = 'session-key'").fetchone()[0]
        signed = URLSafeTimedSerializer(key).dumps(comment_id)
        status, body, _ = self.request("POST", f"/id/{comment_id}/activate/{signed}")
        assert status == 200, body

    def admin_delete(self, comment_id: int) -> None:
        import sqlite3

        from itsdangerous import URLSafeTimedSerializer

        with sqlite3.connect(self.work / "comments.db") as db:
            key = db.execute("SELECT value FROM preferences WHERE key = 'session-key'").fetchone()[0]
        signed = URLSafeTimedSerializer(key).dumps(comment_id)
        status, body, _ = self.request("POST", f"/id/{comment_id}/delete/{signed}")
        assert status == 200, body


ISSO_CONFIG = """[general]
dbpath = {db}
host = http://127.0.0.1:{port}/
max-age = 15m
notify = stdout
[server]
listen = http://127.0.0.1:{port}/
[moderation]
enabled = true
purge-after = 30d
[guard]
enabled = false
require-author = false
require-email = false
reply-to-self = true
[admin]
enabled = true
password = {password}
"""

# Isso's own WSGI application served by werkzeug, threaded: what `isso run` does, without
# its process forking, so that stopping this process stops the server.
ISSO_RUN = """
import sys
from werkzeug.serving import run_simple
from isso import config, make_app
conf = config.load(config.default_file(), sys.argv[1])
app = make_app(conf)
host, port = conf.get("server", "listen").split("//")[1].rstrip("/").split(":")
run_simple(host, int(port), app, threaded=True)
"""


# ---- a proxy that cuts connections --------------------------------------------------------------

class CuttingProxy:
    """Forwards loopback connections to a server, one request per connection as our client
    sends them (keep-alive is relayed). `cut(when, matching)`: the next request whose first
    line contains `matching` is cut `before` it reaches the server, or `after` the server
    answered (the answer is thrown away: the site did the work, the client never hears).
    `down()` refuses every connection until `up()`."""

    def __init__(self, target_port: int):
        self.target_port = target_port
        self.server = socket.create_server(("127.0.0.1", 0))
        self.port = self.server.getsockname()[1]
        self.lock = threading.Lock()
        self.plan: tuple[str, str] | None = None
        self.cuts = 0
        self.refusing = False
        self.requests: list[str] = []
        self._running = True
        threading.Thread(target=self._accept, daemon=True, name="cutting-proxy").start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def cut(self, when: str, matching: str) -> None:
        assert when in ("before", "after")
        with self.lock:
            self.plan = (when, matching)

    def down(self) -> None:
        self.refusing = True

    def up(self) -> None:
        self.refusing = False

    def close(self) -> None:
        self._running = False
        self.server.close()

    def _accept(self) -> None:
        while self._running:
            try:
                client, _ = self.server.accept()
            except OSError:
                return
            if self.refusing:
                client.close()
                continue
            threading.Thread(target=self._relay, args=(client,), daemon=True).start()

    def _relay(self, client: socket.socket) -> None:
        try:
            while True:
                request = _read_message(client, is_request=True)
                if request is None or self.refusing:
                    return
                first_line = request.split(b"\r\n", 1)[0].decode("latin-1")
                self.requests.append(first_line)
                when = self._planned(first_line)
                if when == "before":
                    return
                with socket.create_connection(("127.0.0.1", self.target_port)) as upstream:
                    upstream.sendall(request)
                    answer = _read_message(upstream, is_request=False)
                if answer is None or when == "after":
                    return
                client.sendall(answer)
                if b"\r\nconnection: close" in answer.split(b"\r\n\r\n", 1)[0].lower():
                    return  # the site closes after each answer: so do we, which ends the client's read
        except OSError:
            return
        finally:
            client.close()

    def _planned(self, first_line: str) -> str | None:
        with self.lock:
            if self.plan is not None and self.plan[1] in first_line:
                when, self.plan = self.plan[0], None
                self.cuts += 1
                return when
        return None


def _read_message(sock: socket.socket, is_request: bool) -> bytes | None:
    """One HTTP/1.1 message (head and body by Content-Length or chunks), or None at the end."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(65536)
        if not chunk:
            return None
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    headers = {line.split(b":", 1)[0].strip().lower(): line.split(b":", 1)[1].strip()
               for line in head.split(b"\r\n")[1:] if b":" in line}
    if b"content-length" in headers:
        length = int(headers[b"content-length"])
        while len(body) < length:
            chunk = sock.recv(65536)
            if not chunk:
                return None
            body += chunk
        return head + b"\r\n\r\n" + body
    if headers.get(b"transfer-encoding", b"").lower() == b"chunked":
        while not body.endswith(b"0\r\n\r\n"):
            chunk = sock.recv(65536)
            if not chunk:
                return None
            body += chunk
        return head + b"\r\n\r\n" + body
    if not is_request and not head.split(b" ")[1].startswith((b"1", b"204", b"304")):
        while chunk := sock.recv(65536):  # the answer ends with the connection
            body += chunk
    return head + b"\r\n\r\n" + body
