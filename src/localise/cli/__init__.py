"""The ``localise`` command: a thin shell over the library.

Each command parses its options into the library's configuration (:class:`localise.Config`),
makes one library call and prints the result; every ``LocaliseError`` becomes one line on
stderr and an exit code: 0 when every input succeeded, 1 when some failed (each named with its
reason), 2 for usage errors, 130 after Ctrl-C and 143 after SIGTERM (no traceback: a batch
run stops its workers, keeps what it finished and says how to resume).
"""

from __future__ import annotations

import signal
from typing import Any

import click

from .._version import __version__
from ._options import CONTEXT, Terminated, exit_code_of, internal_error, save_traceback
from .check import check
from .glossary import glossary
from .inspect import detect, inspect
from .models import models
from .review import merge, review
from .translate import translate

__all__ = ["main"]


class _Localise(click.Group):
    """The command group, with SIGTERM and Ctrl-C turned into their exit codes."""

    def invoke(self, ctx: click.Context) -> Any:
        def terminate(_signum: int, _frame: object) -> None:
            raise Terminated()

        previous = signal.signal(signal.SIGTERM, terminate)
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt as interrupt:
            click.echo("localise: interrupted", err=True)
            ctx.exit(exit_code_of(interrupt))
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise
        except Exception as exc:  # a defect: one line, and the traceback saved for a report
            click.echo(f"localise: {internal_error(exc)} ({save_traceback()})", err=True)
            ctx.exit(1)
        finally:
            signal.signal(signal.SIGTERM, previous)


@click.group(cls=_Localise, context_settings=CONTEXT)
@click.version_option(__version__, prog_name="localise")
def main() -> None:
    """Translate and localise news-agency articles offline.

    \b
    localise detect ARTICLE...                 which language is each article in
    localise inspect ARTICLE...                which dates, amounts and names were found
    localise translate ARTICLE... --to en-GB   translate, keep names, reformat dates/amounts
    localise check ARTICLE --translation FILE  check any translation's facts against the source
    localise review OUT                        the review page of a run: side by side, findings
    localise merge FILE.xlf... --out DIR       post-edited XLIFF back into the articles
    localise models list|install|remove        manage the Argos translation packages
    localise glossary check|suggest            check glossary files, find uncovered names

    Run `localise COMMAND --help` for the options of each.
    """


for _command in (detect, inspect, translate, check, review, merge, models, glossary):
    main.add_command(_command)
