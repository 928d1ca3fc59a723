"""What an import recognised and what it did not: printed, and kept beside the spec."""

from __future__ import annotations

from dataclasses import dataclass, field

REPORT_FILE = "import-report.md"


@dataclass
class Report:
    """Lines of the import summary, by what became of each thing."""

    source: str = ""
    found: list[str] = field(default_factory=list)
    unsure: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)
    defects: list[str] = field(default_factory=list)

    def ok(self, line: str) -> None:
        self.found.append(line)

    def check(self, line: str) -> str:
        """Something recognised with doubt; the same words go into a «# проверьте:» comment."""
        self.unsure.append(line)
        return f"проверьте: {line}"

    def miss(self, line: str) -> None:
        self.missed.append(line)

    def defect(self, line: str) -> str:
        """A defect of the source, kept as it was; the comment says what the source said."""
        self.defects.append(line)
        return f"ДЕФЕКТ ИСХОДНОГО ДОКУМЕНТА: {line}"

    def merge(self, other: Report) -> None:
        """Take the lines of another report (one kept aside until it was known to count)."""
        self.found += other.found
        self.unsure += other.unsure
        self.missed += other.missed
        self.defects += other.defects

    def markdown(self) -> str:
        """The summary as a small Markdown file for the programme folder."""
        out = [f"# Импорт из «{self.source}»", ""]
        for title, lines in (
            ("Распознано", self.found),
            ("Проверьте (распознано с сомнением; в YAML — комментарии «# проверьте:»)",
             self.unsure),
            ("Дефекты исходного документа (сохранены; их находит shnor check)", self.defects),
            ("Не распознано и не перенесено", self.missed),
        ):
            out += [f"## {title}", ""]
            out += [f"- {line}" for line in lines] or ["- нет"]
            out.append("")
        return "\n".join(out)

    def text(self) -> str:
        """The summary for the terminal: counts and the lines that need a look."""
        out = [f"Распознано: {len(self.found)}; проверить: {len(self.unsure)}; "
               f"дефектов исходника: {len(self.defects)}; не перенесено: {len(self.missed)}"]
        out += [f"  проверьте: {line}" for line in self.unsure]
        out += [f"  дефект: {line}" for line in self.defects]
        out += [f"  не перенесено: {line}" for line in self.missed]
        return "\n".join(out)
