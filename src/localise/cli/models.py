"""``localise models list|install|remove``: the Argos packages in the models folder."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from ._options import CONTEXT, index_option, models_dir_option, models_folder, or_fail

if TYPE_CHECKING:
    from ..engine.packages import IndexEntry, Progress


@click.group(context_settings=CONTEXT)
def models() -> None:
    """List, install and remove Argos translation packages."""


@models.command("list", context_settings=CONTEXT)
@models_dir_option
def models_list(models_dir: Path | None) -> None:
    """List installed packages: language pair, name and version, folder."""
    from ..engine.packages import installed_packages, remove_leftovers

    folder = models_folder(models_dir)
    remove_leftovers(folder)  # what an install killed midway left behind
    packages = or_fail(lambda: installed_packages(folder))
    if not packages:
        click.echo(
            f"no models installed in {folder}; install one with "
            f"`localise models install de en` or `localise models install FILE.argosmodel`"
        )
        return
    for package in packages:
        click.echo(f"{package.from_code}→{package.to_code}\t{package}\t{package.path}")


@models.command("install", context_settings=CONTEXT)
@click.argument("what", nargs=-1, required=True, metavar="FILE.argosmodel | FROM TO")
@models_dir_option
@index_option
def models_install(what: tuple[str, ...], models_dir: Path | None, index_url: str) -> None:
    """Install a package from an .argosmodel file, or a language pair from the package index.

    \b
    Examples:
      localise models install translate-de_en-1_9.argosmodel
      localise models install de en     (downloads de→en, or de→en and en→ru for de ru)
    """
    from ..engine.packages import install_package_file, install_pair

    folder = models_folder(models_dir)
    if len(what) == 1:
        package = or_fail(lambda: install_package_file(Path(what[0]), folder))
        click.echo(f"installed {package} into {package.path}")
    elif len(what) == 2:
        installed = or_fail(
            lambda: install_pair(what[0], what[1], index_url, folder, progress=progress_bar)
        )
        for package in installed:
            click.echo(f"installed {package} into {package.path}", err=True)
    else:
        raise click.UsageError("give one .argosmodel file, or two language codes such as `de en`")


@models.command("remove", context_settings=CONTEXT)
@click.argument("from_code", metavar="FROM")
@click.argument("to_code", metavar="TO")
@models_dir_option
def models_remove(from_code: str, to_code: str, models_dir: Path | None) -> None:
    """Remove the installed package for a language pair (a pair that is not installed is an
    error that lists what is)."""
    from ..engine.packages import remove_package

    package = or_fail(lambda: remove_package(models_folder(models_dir), from_code, to_code))
    click.echo(f"removed {package} from {package.path.parent}")


def progress_bar(entry: IndexEntry) -> Progress:
    """A progress bar on stderr for one package download."""
    label = f"downloading {entry.from_code}→{entry.to_code} {entry.version}"
    bar = click.progressbar(length=1, label=label, file=sys.stderr)

    def progress(done: int, total: int | None) -> None:
        if total:
            bar.length = total
            bar.update(done - bar.pos)
            if done >= total:
                bar.render_finish()

    return progress
