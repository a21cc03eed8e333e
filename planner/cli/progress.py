"""Progress of a long run on stderr: a tqdm bar on a terminal, plain lines otherwise (a log,
a pipe, CI), so that stdout keeps the report alone."""

from __future__ import annotations

import sys
from typing import TextIO

from planner.i18n import Msg

PLAIN_STEPS = 10  # a plain line at each tenth of the run


class Progress:
    def __init__(self, total: int, lang: str, stream: TextIO | None = None):
        self.stream = stream or sys.stderr
        self.total, self.lang, self.done, self.reported = total, lang, 0, 0
        self.bar = None
        if self.stream.isatty() and total:
            from tqdm import tqdm

            self.bar = tqdm(total=total, file=self.stream, unit=Msg("个", " files").text(lang),
                            desc=Msg("社区体检", "audit").text(lang), dynamic_ncols=True)

    def line(self, text: str) -> None:
        """A message that stays (a file that could not be read), above the bar."""
        if self.bar is not None:
            self.bar.write(text, file=self.stream)
        else:
            print(text, file=self.stream, flush=True)

    def advance(self, done: int) -> None:
        if self.bar is not None:
            self.bar.update(done - self.done)
        elif done * PLAIN_STEPS // self.total > self.reported or done == self.total:
            self.reported = done * PLAIN_STEPS // self.total
            self.line(Msg(f"planner: 已检查 {done}/{self.total} 个文件",
                          f"planner: checked {done} of {self.total} files").text(self.lang))
        self.done = done

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
