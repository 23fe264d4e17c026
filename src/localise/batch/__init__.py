"""Batch runs over folders of articles: :class:`Batch` plans (:mod:`.plan`) and runs
(:mod:`.run`) them, finding the articles (:mod:`.discover`), in this process or in workers
(:mod:`.workers`), with the state of the output folder in SQLite (:mod:`.state`)."""

from .run import STATE_FOLDER, Batch, BatchRun, Outcome, Progress, Summary, discover

__all__ = ["STATE_FOLDER", "Batch", "BatchRun", "Outcome", "Progress", "Summary", "discover"]
