# psycopg 3 chooses its implementation when imported (psycopg_c, else psycopg_binary, else
# Python over the system's libpq): the installer carries psycopg_binary, whose extension
# modules link the libpq (and its OpenSSL, Kerberos, LDAP) that its wheel ships in
# psycopg_binary.libs/; PyInstaller's analysis of the extension modules' links collects
# them from there. Nothing of the system's libpq is needed on the moderator's machine.
from PyInstaller.utils.hooks import collect_submodules

hiddenimports = ["psycopg_binary", *collect_submodules("psycopg_binary")]
