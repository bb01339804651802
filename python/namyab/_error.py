"""The exception raised for a gazetteer file the loader rejects.

Kept apart from the extension so that it has a plain constructor, pickles
with its attributes (``multiprocessing`` sends exceptions by pickling), and
can be imported without loading the extension.
"""

from typing import Optional


class GazetteerError(ValueError):
    """A gazetteer file holds something the loader rejects.

    ``str(err)`` is namyab's own message, naming the place at fault
    (``mine.tsv:2: column `type`: unknown entity type `PLANET` ...``); the
    attributes give the same place to a program.
    """

    def __init__(
        self,
        message: str,
        file: str,
        line: Optional[int] = None,
        column: Optional[str] = None,
        value: Optional[str] = None,
    ) -> None:
        super().__init__(message, file, line, column, value)
        self.message = message
        #: The file, as it was given to the extractor.
        self.file = file
        #: The 1-based line at fault, or None for the file as a whole.
        self.line = line
        #: The column (header name) at fault, where there is one.
        self.column = column
        #: The value at fault (an id, a type, a name...), where there is one.
        self.value = value

    def __str__(self) -> str:
        return self.message


# Shown, and pickled, as namyab.GazetteerError, where users import it from.
GazetteerError.__module__ = "namyab"
