"""Check the Chia reader on the real corpus: every entity span lands inside its trial's
text and reads the annotated words there (whitespace aside).

    python benchmarks/chia_loader.py [CHIA_DIR]   (default ../shared/corpora/chia/chia_without_scope)

Lists the entities whose annotated words differ from the text at their offsets. On the
released corpus there are 3, all annotation errors of the corpus itself (the .ann text
does not match its own .txt at those offsets); a reader bug shows as many more. The unit
tests cover the reader on small hand-made fixtures; this covers the corpus's own quirks
(CRLF offsets, discontinuous spans, late '\r' ends).
"""

from __future__ import annotations

import sys
from pathlib import Path

from criteria_nlp.bench.chia import SECTIONS, iter_trials

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "chia" / "chia_without_scope"


def main(folder: Path) -> int:
    trials = entities = 0
    mismatches: list[tuple[str, str, str]] = []
    for trial in iter_trials(folder):
        trials += 1
        for section in SECTIONS:
            doc = trial.document(section)
            for entity in doc.entities.values() if doc else ():
                entities += 1
                start, end = trial.entity_span(section, entity)
                moved = trial.trial_entity(section, entity)
                if not (0 <= start < end <= len(trial.text)) or moved.text.split() != entity.text.split():
                    mismatches.append((trial.id, section, entity.id))
    print(f"{trials} trials, {entities} entities, {len(mismatches)} moved")
    for mismatch in mismatches[:20]:
        print("  moved:", *mismatch)
    return 0 if trials else 1


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT))
