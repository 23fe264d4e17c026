"""A run for the review tests: the copy model, and an engine double that corrupts figures and
names in five known sentences (and nowhere else).

The copy model writes the German sentence it gets (names already in their English form, see
``stages/protect.py``); the double then damages some of them the way engines do: a scale word
or a digit wrong, a name dropped. Every other finding of the run is ``info`` (a German
expression localise rendered in English), so the findings that need a look are exactly the
corrupted sentences.
"""

from __future__ import annotations

import shutil
from collections.abc import Sequence
from pathlib import Path

from localise.batch import Batch, Outcome
from localise.config import ModelsConfig
from localise.engine import ArgosEngines, Engine
from localise.stages.glossary import bundled_glossaries
from support import Doubles, config

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "articles"

#: What the double writes instead, in the copy model's output.
DAMAGE = {
    "7,1 Milliarden Dollar": "$7.1 million",  # a scale word: repaired, and reported
    "8 Milliarden Dollar": "$80 billion",  # a digit: repaired, and reported
    "Präsident Lukashenko": "Der Präsident",  # a name dropped
    "Kazakhstan, Aleksei Bogdanov,": "Kazakhstan",  # a name dropped
    "2,5 Mrd. US-Dollar": "$25 billion",  # a digit
}
#: The corrupted sentences: (output path, unit number).
CORRUPTED = {
    ("agrar-export.txt", 2),
    ("agrar-export.txt", 7),
    ("agrar-export.txt", 8),
    ("maz-kasachstan.txt", 6),
    ("maz-kasachstan.txt", 8),
}
#: An article whose text would run as script if the page did not escape it.
HOSTILE = (
    "Probe <b>fett</b> im Titel\n\n"
    "MINSK, 5. Februar (BelTA) – Der Test <script>window.pwned = 1</script> läuft mit 5 "
    "Prozent Wachstum.\n\n"
    'Ein Bild <img src=x onerror="window.pwned = 2"> zeigt 12 Busse von MAZ in Minsk.\n'
)


class Corrupting:
    """An engine double around a real engine: its output with ``damage`` done to it."""

    def __init__(self, inner: Engine, damage: dict[str, str]) -> None:
        self.inner = inner
        self.damage = damage
        self.description = "corrupting " + inner.description

    def translate(self, segments: Sequence[str]) -> list[str]:
        outputs = self.inner.translate(segments)
        for old, new in self.damage.items():
            outputs = [output.replace(old, new) for output in outputs]
        return outputs


def articles(folder: Path) -> Path:
    """The example articles and the hostile one, in ``folder``."""
    shutil.copytree(EXAMPLES, folder)
    (folder / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    return folder


def corrupted_run(tmp_path: Path, models_dir: Path) -> tuple[Path, Path, list[Outcome]]:
    """The articles translated into en-GB by the corrupting double: (inputs, out, outcomes)."""
    inputs = articles(tmp_path / "articles")
    out = tmp_path / "out"
    engine = Corrupting(ArgosEngines(ModelsConfig(models_dir)).load(("de", "en")), DAMAGE)
    configured = config("en-GB", models_dir, glossaries=bundled_glossaries())
    batch = Batch(configured, out, engines=Doubles({("de", "en"): engine}), jobs=1)
    return inputs, out, list(batch.run([inputs]))
