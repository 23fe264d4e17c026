"""The fact checker on human reference translations: false alarms, harm and recall, in one run.

    python benchmarks/facts.py [--corpus ../shared/corpus/dev] [--seed 0] [--per-kind 3]
                               [--jobs 2] [-v]

The dev corpus's reference translations (``translations/``) are factually exact: a correct
checker finds no error in them and its repairs change nothing. Each check is the command an
editor runs, a fresh process (``--jobs`` at a time)::

    localise check SOURCE --translation FILE --to LOCALE --from LANG --json --fix -o OUT

and the figures are printed side by side, each with its goal:

1. false alarms: errors, and warnings per 50 paragraphs, on the clean references;
2. harm: clean references that ``--fix`` does not leave byte for byte, and variants where it
   changed a line other than the injected one;
3. recall: variants of the references with one injected error each
   (benchmarks/inject_errors.py, ``--seed``, at most ``--per-kind`` per kind and file), flagged
   when an error or warning names the injected line; of the repairable kinds, repaired when
   ``--fix`` gives back the reference line exactly. Per kind below the table. Two paragraphs
   merged into one line are a control: any error on them is a false alarm;
4. same-language: every ``raw/de`` page translated ``--to de-CH`` and every ``raw/en`` page
   ``--to en-US`` (no model): characters changed outside the gold entity spans, and lines whose
   full stops were lost or doubled. Output lines pair with the source lines the report does not
   list as boilerplate (page chrome is left out of the output).

A call that fails (another exit status, no JSON, no ``--fix`` output) counts against the checker:
a miss, a changed file. ``-v`` lists every false alarm, change made by ``--fix``, miss,
unrepaired line, failed call and same-language change, with file and line. Stops with a
one-line message while ``localise check`` (or one of the options above) is not there: there is
nothing to measure.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

# Run as a script, this file's folder is on sys.path: the injector imports as a top-level module.
from inject_errors import KINDS, REPAIRABLE, Variant, describe, excerpt, inject, rng_for

REPO = Path(__file__).resolve().parent.parent
LOCALISE = (sys.executable, "-m", "localise")
CHECK_OPTIONS = ("--translation", "--to", "--from", "--json", "--fix", "-o")
SAME_LANGUAGE = (("de", "de-CH"), ("en", "en-US"))
ENTITIES = ("dates", "money", "numbers", "names")
TIMEOUT_S = 300
FLAGGING = ("error", "warning")


@dataclass(frozen=True)
class Reference:
    key: str  # target locale / source language / id: "en-GB/de/016"
    locale: str
    lang: str
    source: Path  # the raw article
    text: str
    paragraphs: int
    gold: dict[str, Any]


@dataclass(frozen=True)
class Task:
    """A translation to check: a clean reference (``variant`` None) or a variant of it."""

    ref: Reference
    text: str
    variant: Variant | None


@dataclass(frozen=True)
class Outcome:
    """One check of a clean reference (``variant`` None) or of a variant."""

    ref: Reference
    text: str
    variant: Variant | None
    findings: tuple[dict[str, Any], ...] = ()
    fixed: str | None = None
    failure: str | None = None  # why the call gave no usable answer
    exit_code: int = 0

    def severities(self) -> Counter[str]:
        return Counter(f["severity"] for f in self.findings)

    def flags(self, line: int) -> bool:
        return any(f["line"] == line and f["severity"] in FLAGGING for f in self.findings)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=REPO.parent / "shared" / "corpus" / "dev")
    parser.add_argument("--seed", type=int, default=0, help="seed of the error injector")
    parser.add_argument("--per-kind", type=int, default=3, help="variants per kind and file")
    parser.add_argument("--jobs", type=int, default=2, help="checks running at a time")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args()
    started = time.perf_counter()
    _require_check()
    refs = load_references(args.corpus)
    tasks = [Task(ref, ref.text, None) for ref in refs]
    for ref in refs:
        rng = rng_for(args.seed, ref.key)
        variants = inject(ref.text, ref.locale, rng, gold=ref.gold, per_kind=args.per_kind)
        tasks += [Task(ref, v.text, v) for v in variants]
    print(f"checking {len(refs)} references and {len(tasks) - len(refs)} variants, "
          f"{args.jobs} at a time", file=sys.stderr)  # fmt: skip
    with tempfile.TemporaryDirectory(prefix="localise-facts-") as tmp:
        with ThreadPoolExecutor(max_workers=args.jobs) as pool:
            # Threads suffice: each check is its own process, a thread only waits for it.
            outcomes = list(pool.map(partial(run_check, workdir=Path(tmp)), tasks))
        same = same_language(args.corpus, Path(tmp), args.verbose)
    _print_table(tally(outcomes, args.verbose), same)
    calls = 1 + len(outcomes) + len(SAME_LANGUAGE)  # check --help, the checks, translate
    print(f"\n{time.perf_counter() - started:.0f} s, {calls} localise calls "
          f"({args.jobs} at a time), seed {args.seed}")  # fmt: skip
    return 0


def _require_check() -> None:
    """Stop with one line when ``localise check`` or one of the options used is missing."""
    proc = subprocess.run(
        [*LOCALISE, "check", "--help"], cwd=REPO, capture_output=True, text=True, timeout=120
    )
    if proc.returncode != 0:
        why = _last_line(proc.stderr or proc.stdout)
        sys.exit(f"facts.py: `localise check` is missing ({why}); there is nothing to measure")
    shown = set(re.findall(r"(?<![\w-])--?[a-z][\w-]*", proc.stdout))
    missing = [option for option in CHECK_OPTIONS if option not in shown]
    if missing:
        sys.exit(f"facts.py: `localise check --help` shows no {', '.join(missing)}")


def _last_line(output: str) -> str:
    lines = [line.strip() for line in output.splitlines() if line.strip()]
    return lines[-1] if lines else "no message"


def load_references(corpus: Path) -> list[Reference]:
    refs = []
    for path in sorted((corpus / "translations").glob("*/*/*.txt")):
        locale, lang = path.parent.parent.name, path.parent.name
        paragraphs = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
        gold_path = corpus / "gold" / lang / f"{path.stem}.json"
        refs.append(
            Reference(
                key=f"{locale}/{lang}/{path.stem}",
                locale=locale,
                lang=lang,
                source=corpus / "raw" / lang / f"{path.stem}.txt",
                text=path.read_bytes().decode("utf-8"),
                paragraphs=len(paragraphs["paragraphs"]),
                gold=json.loads(gold_path.read_text(encoding="utf-8")),
            )
        )
    return refs


def run_check(task: Task, workdir: Path) -> Outcome:
    """``localise check --json --fix`` on one translation text."""
    ref, text, variant = task.ref, task.text, task.variant
    with tempfile.TemporaryDirectory(dir=workdir) as tmp:
        translation, fixed = Path(tmp) / ref.source.name, Path(tmp) / "fixed.txt"
        translation.write_bytes(text.encode("utf-8"))
        command = [*LOCALISE, "check", str(ref.source), "--translation", str(translation),
                   "--to", ref.locale, "--from", ref.lang, "--json", "--fix",
                   "-o", str(fixed)]  # fmt: skip
        try:
            proc = subprocess.run(command, cwd=REPO, capture_output=True, timeout=TIMEOUT_S)
        except subprocess.TimeoutExpired:
            return Outcome(ref, text, variant, failure=f"no answer in {TIMEOUT_S} s")
        stderr = proc.stderr.decode("utf-8", "replace")
        if proc.returncode not in (0, 1):
            why = f"exit {proc.returncode}: {_last_line(stderr)}"
            return Outcome(ref, text, variant, failure=why, exit_code=proc.returncode)
        try:
            findings = tuple(json.loads(proc.stdout.decode("utf-8"))["findings"])
            if not all(isinstance(f["line"], int) and f["severity"] for f in findings):
                raise TypeError
        except (ValueError, KeyError, TypeError):
            why = "--json printed no object with findings that have a line and a severity"
            return Outcome(ref, text, variant, failure=why)
        if not fixed.exists():
            return Outcome(ref, text, variant, failure="--fix -o wrote no file")
        fixed_text = fixed.read_bytes().decode("utf-8")
        return Outcome(ref, text, variant, findings, fixed_text, exit_code=proc.returncode)


# -- the checks' figures -----------------------------------------------------------------------


@dataclass
class Tally:
    """What the checks add up to; failed calls count against the checker (see :func:`tally`)."""

    references: int = 0
    paragraphs: int = 0
    errors: int = 0
    warnings: int = 0
    harmed: int = 0
    variants: int = 0
    collateral: int = 0  # variants where --fix changed a line other than the injected one
    merged: int = 0
    merged_errors: int = 0
    failed: int = 0
    exit_wrong: int = 0
    kinds: dict[str, Counter[str]] = field(default_factory=dict)

    def total(self, what: str) -> int:
        return sum(counts[what] for counts in self.kinds.values())


def tally(outcomes: list[Outcome], verbose: bool) -> Tally:
    """Add up the checks. A failed call (no JSON, no --fix output, another exit status) is a
    miss for a variant and a changed file for a clean reference."""
    t = Tally(kinds={kind: Counter() for kind in KINDS if kind != "merged"})
    for o in outcomes:
        if o.failure is not None:
            t.failed += 1
            _say(verbose, "FAILED", o, o.variant.line if o.variant else 0, o.failure)
        elif (o.severities()["error"] > 0) != (o.exit_code == 1):
            t.exit_wrong += 1
            _say(verbose, "EXIT STATUS", o, 0, f"{o.exit_code} with {dict(o.severities())}")
        if o.variant is None:
            _tally_clean(t, o, verbose)
        else:
            _tally_variant(t, o, o.variant, verbose)
    return t


def _tally_clean(t: Tally, o: Outcome, verbose: bool) -> None:
    t.references += 1
    t.paragraphs += o.ref.paragraphs
    t.errors += o.severities()["error"]
    t.warnings += o.severities()["warning"]
    for finding in o.findings:
        if finding["severity"] in FLAGGING:
            _say(verbose, "FALSE ALARM", o, finding["line"], _finding(finding))
    if o.fixed != o.text:
        t.harmed += 1
        old, new = o.text.split("\n"), (o.fixed or "").split("\n")
        at = next(i for i in range(max(len(old), len(new))) if _get(old, i) != _get(new, i))
        _say(verbose, "HARM", o, at + 1, excerpt(_get(old, at), _get(new, at)))


def _tally_variant(t: Tally, o: Outcome, v: Variant, verbose: bool) -> None:
    t.variants += 1
    fixed = o.fixed.split("\n") if o.fixed is not None else None
    mutated = o.text.split("\n")
    if (
        fixed is not None
        and fixed[: v.line - 1] + fixed[v.line :] != mutated[: v.line - 1] + mutated[v.line :]
    ):
        t.collateral += 1
        _say(verbose, "FIX ELSEWHERE", o, v.line, f"{v.kind}: --fix changed another line")
    if v.kind == "merged":
        t.merged += 1
        for finding in o.findings:
            if finding["severity"] == "error":
                t.merged_errors += 1
                _say(verbose, "MERGED ERROR", o, finding["line"], _finding(finding))
        return
    counts = t.kinds[v.kind]
    counts["injected"] += 1
    if o.flags(v.line):
        counts["flagged"] += 1
    else:
        _say(verbose, "MISSED", o, v.line, f"{v.kind}: {describe(v)}")
    if v.repairable:
        counts["repairable"] += 1
        got = _get(fixed or [], v.line - 1)
        if got == v.original:
            counts["repaired"] += 1
        elif o.flags(v.line):  # a miss is listed once, above
            _say(verbose, "NOT REPAIRED", o, v.line, f"{v.kind}: {excerpt(v.original, got)}")


def _get(lines: list[str], index: int) -> str:
    return lines[index] if index < len(lines) else ""


def _finding(finding: dict[str, Any]) -> str:
    get = finding.get
    return (f"{get('severity')} {get('kind')}: {get('source')!r} -> {get('translation')!r} "
            f"in {str(get('sentence', ''))[:80]!r}")  # fmt: skip


def _say(verbose: bool, what: str, o: Outcome, line: int, detail: str) -> None:
    if verbose:
        print(f"{what:<13} {o.ref.key}:{line}  {detail}")


def _print_table(t: Tally, same: SameLanguage) -> None:
    per_50 = 50 * t.warnings / t.paragraphs if t.paragraphs else 0.0
    rows = [
        ("false alarms: errors", f"{t.errors}", "0"),
        ("false alarms: warnings/50 par", f"{per_50:.1f} ({t.warnings} in {t.paragraphs})", "<= 1"),
        ("harm: files changed by --fix", f"{t.harmed} / {t.references}", "0"),
        ("harm: variants, other lines", f"{t.collateral} / {t.variants}", "0"),
        ("recall: flagged on right line", _percent(t.total("flagged"), t.total("injected")),
         ">= 98 %"),
        ("repaired to reference", _percent(t.total("repaired"), t.total("repairable")),
         ">= 90 %"),
        ("merged paragraphs: errors", f"{t.merged_errors} ({t.merged} files)", "0"),
        ("same-language: chars changed", f"{same.chars} ({same.lines} lines)", "0"),
        ("same-language: stops lost/dbl", f"{same.stops}", "0"),
        ("same-language: not compared", f"{same.not_compared} / {same.articles}", "0"),
        ("check calls failed", f"{t.failed}", "0"),
        ("check exit status wrong", f"{t.exit_wrong}", "0"),
    ]  # fmt: skip
    print(f"\n{'measure':<32}{'value':<24}goal")
    for measure, value, goal in rows:
        print(f"{measure:<32}{value:<24}{goal}")
    print(f"\n{'kind':<32}{'flagged':<24}repaired")
    for kind, counts in t.kinds.items():
        repaired = _percent(counts["repaired"], counts["repairable"]) if kind in REPAIRABLE else "-"
        print(f"{kind:<32}{_percent(counts['flagged'], counts['injected']):<24}{repaired}")


def _percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f} % ({part}/{whole})" if whole else "- (none)"


# -- same-language pages -----------------------------------------------------------------------


@dataclass
class SameLanguage:
    articles: int = 0
    lines: int = 0
    chars: int = 0
    stops: int = 0
    not_compared: int = 0  # no output, or output lines that do not pair with the source's


def same_language(corpus: Path, workdir: Path, verbose: bool) -> SameLanguage:
    """Translate the dev pages into their own language; compare them outside the entities."""
    tally = SameLanguage()
    for lang, locale in SAME_LANGUAGE:
        out = workdir / locale
        command = [*LOCALISE, "translate", str(corpus / "raw" / lang), "--to", locale,
                   "--from", lang, "--out", str(out), "--offline", "-q"]  # fmt: skip
        proc = subprocess.run(command, cwd=REPO, capture_output=True, text=True, timeout=600)
        if proc.returncode not in (0, 1) and verbose:
            print(f"{'TRANSLATE':<13} {lang}: exit {proc.returncode}: {_last_line(proc.stderr)}")
        for raw in sorted((corpus / "raw" / lang).glob("*.txt")):
            tally.articles += 1
            gold = json.loads((corpus / "gold" / lang / f"{raw.stem}.json").read_text("utf-8"))
            _compare_article(raw, gold, out, tally, verbose)
    return tally


def _compare_article(
    raw: Path, gold: dict[str, Any], out: Path, tally: SameLanguage, verbose: bool
) -> None:
    key = f"{raw.parent.name}/{raw.stem}"
    output, report = out / raw.name, out / "_localise" / "reports" / f"{raw.name}.json"
    if not output.exists() or not report.exists():
        tally.not_compared += 1
        if verbose:
            print(f"{'NO OUTPUT':<13} {key}")
        return
    lines = raw.read_text(encoding="utf-8").split("\n")
    kept = _kept_lines(lines, json.loads(report.read_text(encoding="utf-8"))["boilerplate"])
    written = [line for line in output.read_text(encoding="utf-8").split("\n") if line.strip()]
    if len(kept) != len(written):
        tally.not_compared += 1
        if verbose:
            print(f"{'NOT ALIGNED':<13} {key}  {len(kept)} lines kept, {len(written)} written")
        return
    spans = sorted((e["start"], e["end"]) for kind in ENTITIES for e in gold.get(kind, []))
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)
    for number, out_line in zip(kept, written, strict=True):
        source = lines[number]
        local = _line_spans(spans, starts[number], len(source))
        changed, ranges = compare_line(source, local, out_line)
        stops = stops_differ(source, local, out_line, ranges)
        tally.lines += 1
        tally.chars += changed
        tally.stops += stops
        if verbose and (changed or stops):
            what = f"{changed} chars" + (", full stop" if stops else "")
            change = excerpt(_outside(source, local, "·"), _outside(out_line, ranges, "·"))
            print(f"{'SAME-LANGUAGE':<13} {key}:{number + 1}  {what}: {change}")


def _kept_lines(lines: list[str], boilerplate: list[str]) -> list[int]:
    """The indexes of the non-blank source lines the output keeps, in order."""
    left_out = Counter(line.strip() for line in boilerplate)
    kept = []
    for number, line in enumerate(lines):
        if line.strip() and left_out[line.strip()] > 0:
            left_out[line.strip()] -= 1
        elif line.strip():
            kept.append(number)
    return kept


def _line_spans(spans: list[tuple[int, int]], start: int, length: int) -> list[tuple[int, int]]:
    """The spans inside one line, in its own offsets, overlapping or touching ones joined."""
    local: list[tuple[int, int]] = []
    for span_start, span_end in spans:
        s, e = max(span_start - start, 0), min(span_end - start, length)
        if s >= e:
            continue
        if local and s <= local[-1][1]:
            local[-1] = (local[-1][0], max(local[-1][1], e))
        else:
            local.append((s, e))
    return local


def compare_line(
    source: str, spans: list[tuple[int, int]], output: str
) -> tuple[int, list[tuple[int, int]]]:
    """Characters changed outside the spans, and the stretch of ``output`` each span became.

    An entity may be rendered anyhow (its stretch of the output is free); every other
    character is compared. Characters added right next to an entity count as its rendering.
    """
    ranges = _split_exactly(source, spans, output)
    if ranges is not None:
        return 0, ranges
    return _edit_distance(source, spans, output)


def _split_exactly(
    source: str, spans: list[tuple[int, int]], output: str
) -> list[tuple[int, int]] | None:
    """The spans' stretches when the output keeps every other character, else None.

    Linear: each piece between two entities is looked up after the previous one, the last
    one at the end. A miss can be a false one (a rendering holding the next piece's text);
    the caller then counts exactly.
    """
    bounds = [0, *(x for span in spans for x in span), len(source)]
    pieces = [source[a:b] for a, b in zip(bounds[::2], bounds[1::2], strict=True)]
    if not output.startswith(pieces[0]):
        return None
    position, ranges = len(pieces[0]), []
    for number, piece in enumerate(pieces[1:], 1):
        last = number == len(pieces) - 1
        at = len(output) - len(piece) if last else output.find(piece, position)
        if at < position or not output.startswith(piece, at):
            return None
        ranges.append((position, at))
        position = at + len(piece)
    return ranges


def _edit_distance(
    source: str, spans: list[tuple[int, int]], output: str
) -> tuple[int, list[tuple[int, int]]]:
    """Fewest characters inserted, deleted or replaced outside the spans, each span matching
    any stretch of the output; and those stretches. Quadratic, so only for changed lines."""
    tokens: list[str | None] = []  # a character, or None for a whole span
    position = 0
    for start, end in [*spans, (len(source), len(source))]:
        tokens += list(source[position:start])
        tokens += [None] if start < end else []
        position = end
    rows = [list(range(len(output) + 1))]
    for token in tokens:
        prev, row = rows[-1], [rows[-1][0] + (token is not None)]
        for j, char in enumerate(output, 1):
            if token is None:
                row.append(min(row[-1], prev[j]))
            else:
                row.append(min(prev[j] + 1, row[-1] + 1, prev[j - 1] + (token != char)))
        rows.append(row)
    ranges, i, j = [], len(tokens), len(output)
    while i > 0:
        token, prev, row = tokens[i - 1], rows[i - 1], rows[i]
        if token is None:
            start = j
            while prev[start] != row[j]:
                start -= 1
            ranges.append((start, j))
            j = start
        elif j > 0 and row[j] == prev[j - 1] + (token != output[j - 1]):
            j -= 1
        elif row[j] != prev[j] + 1:
            j -= 1  # a character inserted in the output: still on this token
            continue
        i -= 1
    return rows[-1][-1], ranges[::-1]


_SENTENCE_START = re.compile(r"\s+[A-ZÄÖÜА-ЯЁ„“«\"(]")


def stops_differ(
    source: str, spans: list[tuple[int, int]], output: str, ranges: list[tuple[int, int]]
) -> bool:
    """Whether the output lost or doubled a full stop: outside the entities, where an entity
    ending in an abbreviation closed a sentence ("4,1 Mio. Die ..."), or at the line end."""
    if _outside(source, spans).count(".") != _outside(output, ranges).count("."):
        return True
    if output.endswith("..") and not source.endswith(".."):
        return True
    for (start, end), (a, b) in zip(spans, ranges, strict=True):
        written, rendered = source[start:end], output[a:b]
        closes = written.endswith(".") and (
            end == len(source) or _SENTENCE_START.match(source, end)
        )
        lost = closes and not (rendered.endswith(".") or output.startswith(".", b))
        doubled = rendered.endswith("..") and not written.endswith("..")
        if rendered.endswith(".") and output.startswith(".", b):
            doubled |= not (written.endswith(".") and source.startswith(".", end))
        if lost or doubled:
            return True
    return False


def _outside(text: str, ranges: list[tuple[int, int]], mark: str = "") -> str:
    """The text outside the ranges, ``mark`` where each range was."""
    bounds = [0, *(x for r in ranges for x in r), len(text)]
    return mark.join(text[a:b] for a, b in zip(bounds[::2], bounds[1::2], strict=True))


if __name__ == "__main__":
    sys.exit(main())
