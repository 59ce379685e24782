"""Expected failures: each carries one plain sentence that tells the user what to do."""


class ModeratorError(Exception):
    """A failure the user can act on (bad input, unknown id, conflict)."""


class NotFoundError(ModeratorError):
    pass


class ConflictError(ModeratorError):
    """The comment changed since the user last saw it; nothing was written."""


class FileFormatError(ModeratorError):
    """An import file is malformed; names the file, the line and the reason."""

    def __init__(self, path: str, line: int | None, reason: str, column: int | None = None):
        where = path if line is None else f"{path}, line {line}"
        if line is not None and column is not None:
            where += f", column {column}"
        super().__init__(f"{where}: {reason}")
        self.path, self.line, self.column, self.reason = path, line, column, reason
