"""Import hygiene: what importing localise loads, the public API, the layers and no cycles."""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
import types
from pathlib import Path

import pytest

import localise

SRC = Path(__file__).resolve().parent.parent / "src" / "localise"

#: What ``import localise`` may load besides itself: nothing but typing.
IMPORT_ALLOWED = {"collections.abc", "typing", "typing.io", "typing.re", "_typing"}
#: What ``localise --help`` may load: click and the standard library modules it needs, and
#: localise's configuration (which loads no Babel data), nothing of the stages or the runtime.
CLI_ALLOWED_PREFIXES = ("click", "localise.cli", "_")
CLI_ALLOWED = {
    "localise", "localise._version", "localise.config", "localise.errors", "localise.locales",
    "ast", "copy",
    "dataclasses", "datetime", "dis", "gettext", "inspect", "json", "json.decoder",
    "json.encoder", "json.scanner", "linecache", "locale", "math", "opcode", "platform",
    "threading", "token", "tokenize", "uuid", "weakref", "collections.abc", "typing",
    "typing.io", "typing.re", "enum", "shutil", "signal", "fnmatch", "errno", "zlib", "bz2", "lzma",
}  # fmt: skip
#: Never loaded by building and configuring a pipeline: the model runtime loads when a model
#: does, the batch machinery when a batch runs.
PIPELINE_DENIED = [
    "argostranslate", "ctranslate2", "torch", "stanza", "langdetect", "sentencepiece",
    "sqlite3", "multiprocessing", "ssl", "urllib.request", "click",
]  # fmt: skip


def _loaded_by(statement: str, tmp_path: Path) -> tuple[list[str], list[Path]]:
    """The modules a fresh interpreter loads for ``statement``, and what it made in $HOME."""
    home = tmp_path / "home"
    home.mkdir()
    code = (
        "import json, sys; before = set(sys.modules); "
        f"{statement}; print(json.dumps(sorted(set(sys.modules) - before)))"
    )
    environ = {k: v for k, v in os.environ.items() if not k.startswith(("ARGOS_", "XDG_"))}
    environ["HOME"] = str(home)
    out = subprocess.run(
        [sys.executable, "-c", code], env=environ, capture_output=True, text=True, check=True
    )
    return json.loads(out.stdout), list(home.iterdir())


def test_import_localise_loads_nothing_but_itself(tmp_path: Path) -> None:
    loaded, made = _loaded_by("import localise", tmp_path)
    assert set(loaded) - IMPORT_ALLOWED == {"localise", "localise._version"}
    assert made == []


def test_the_command_line_loads_no_stage_and_no_runtime(tmp_path: Path) -> None:
    loaded, made = _loaded_by("import localise.cli", tmp_path)
    extra = [m for m in loaded if m not in CLI_ALLOWED and not m.startswith(CLI_ALLOWED_PREFIXES)]
    assert extra == []
    assert made == []


def test_a_configured_pipeline_loads_no_model_runtime(tmp_path: Path) -> None:
    statement = (
        "from localise import Config, Pipeline; p = Pipeline(Config(('en-GB',))); "
        "p.source_stages('de'); p.target_stages('de', 'en-GB')"
    )
    loaded, made = _loaded_by(statement, tmp_path)
    assert [m for m in PIPELINE_DENIED if m in loaded] == []
    assert made == []


def test_translating_loads_neither_argostranslate_nor_torch(
    tmp_path: Path, models_dir: Path
) -> None:
    # localise reads Argos packages itself: translating needs ctranslate2 and sentencepiece.
    statement = (
        "from pathlib import Path; from localise.config import ModelsConfig; "
        "from localise.engine import ArgosEngines; "
        f"e = ArgosEngines(ModelsConfig(Path({str(models_dir)!r}))).load(('de', 'en')); "
        "assert e.translate(['Das Haus.']) == ['Das Haus.']"
    )
    loaded, made = _loaded_by(statement, tmp_path)
    assert "ctranslate2" in loaded and "sentencepiece" in loaded
    assert [m for m in ("argostranslate", "torch", "stanza", "spacy") if m in loaded] == []
    assert made == []


def test_all_is_what_the_package_binds() -> None:
    # Every name in __all__ resolves; once all are resolved, the package binds exactly those
    # (and its submodules): a forgotten export or a leaked helper fails here.
    for name in localise.__all__:
        assert getattr(localise, name) is not None, name
    bound = {
        name
        for name, value in vars(localise).items()
        if not name.startswith("_") and not isinstance(value, types.ModuleType)
    }
    assert bound == set(localise.__all__) - {"__version__"}
    assert set(localise.__all__) <= set(dir(localise))
    for name in localise.__all__:
        if name != "__version__":
            assert getattr(localise, name).__module__.startswith("localise."), name


def test_an_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="module 'localise' has no attribute 'Pipe'"):
        localise.Pipe  # noqa: B018


# -- the layers --------------------------------------------------------------------------

#: Which layer each part of the package is in; a module imports only from lower layers and
#: from its own part. The parts of one layer do not import each other.
LAYERS: dict[str, int] = {
    "_version": 0, "errors": 0, "doc": 0,
    "textio": 1, "locales": 1,
    "config": 2,
    "stages": 3, "engine": 3, "formats": 3, "styles": 3,
    "report": 4,
    "alignment": 5,
    "pipeline": 5,
    "files": 6,
    "check": 7,
    "batch": 7,
    "review": 8,
    "cli": 9,
    "__main__": 10,
    "localise": 10,  # the package's face, which names everything lazily
}  # fmt: skip


def _module_name(path: Path) -> str:
    parts = path.relative_to(SRC.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports() -> dict[str, set[str]]:
    """Module -> the localise modules it imports (at the top or in a function; imports for
    type checkers only are left out: they never run)."""
    modules = {_module_name(p): p for p in SRC.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        tree = ast.parse(path.read_text(encoding="utf-8"))
        checking = {
            id(node)
            for block in ast.walk(tree)
            if isinstance(block, ast.If) and "TYPE_CHECKING" in ast.unparse(block.test)
            for statement in block.body
            for node in ast.walk(statement)
        }
        targets: set[str] = set()
        for node in ast.walk(tree):
            if id(node) in checking:
                continue
            if isinstance(node, ast.Import):
                targets |= {a.name for a in node.names if a.name.startswith("localise")}
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                    base = ".".join([*anchor, *([node.module] if node.module else [])])
                if not base.startswith("localise"):
                    continue
                for alias in node.names:
                    submodule = f"{base}.{alias.name}"
                    targets.add(submodule if submodule in modules else base)
        graph[name] = {t for t in targets if t in modules and t != name}
    return graph


def _part(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "localise"


def test_every_module_has_a_layer() -> None:
    assert {_part(m) for m in _imports()} <= set(LAYERS)


def test_imports_respect_the_layers() -> None:
    wrong = [
        f"{module} -> {target}"
        for module, targets in _imports().items()
        for target in targets
        if _part(target) != _part(module)
        and LAYERS[_part(target)] >= LAYERS[_part(module)]
        and _part(target) != "localise"
    ]
    assert wrong == []


def test_no_import_cycles() -> None:
    graph = _imports()
    cycles: list[list[str]] = []
    state: dict[str, int] = {}  # 1: on the current path, 2: done

    def visit(module: str, path: list[str]) -> None:
        state[module] = 1
        for target in sorted(graph[module]):
            if state.get(target) == 1:
                cycles.append([*path[path.index(target) :], target])
            elif target not in state:
                visit(target, [*path, target])
        state[module] = 2

    for module in sorted(graph):
        if module not in state:
            visit(module, [module])
    assert cycles == []


def test_the_layer_walk_sees_the_imports() -> None:
    # The walk above must find the edges it judges: a test that reads nothing cannot fail.
    graph = _imports()
    assert "localise.stages.protect" in graph["localise.pipeline"]
    assert "localise.pipeline" in graph["localise.files"]
    assert "localise.stages.entities.recognise" in graph["localise.stages.entities"]
