"""The wizard's pages, built when they are needed instead of all at once when the window opens.

Building every page up front (hundreds of widgets, a 300-signal tree) held the
GUI thread for 120–400 ms. Now the window builds the page it shows first; the
others are built in idle time, a field at a time (:meth:`SectionPage.build_step`),
in slices of about :data:`SLICE_MS` between which the event loop handles typing
and painting (a zero timer), or at once when the person reaches a page first.

``pages[section_id]`` always returns the page, building it if needed, so the
pages read like one dictionary; :meth:`PageSet.built` looks without building.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator, Mapping, Sequence

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QStackedWidget

from desktop.domain.forms import Section
from desktop.ui.wizard.page import SectionPage
from desktop.ui.wizard.review import ReviewPage

log = logging.getLogger(__name__)

Page = SectionPage | ReviewPage
#: Work done per turn of the event loop while building in idle time (one step may take longer).
SLICE_MS = 8.0


class PageSet(Mapping[str, Page]):
    """Section id -> page, in form order; pages are made by ``make(section, build_now)`` on first
    use, and ``on_built(page)`` is called once each page is complete."""

    def __init__(self, stack: QStackedWidget, sections: Sequence[Section],
                 make: Callable[[Section, bool], Page], on_built: Callable[[Page], None]) -> None:
        self._stack = stack
        self._sections = {section.id: section for section in sections}
        self._make = make
        self._on_built = on_built
        self._pages: dict[str, Page] = {}
        self._queue: list[str] = []
        self._partial: SectionPage | None = None  # the page being built in idle time
        self._timer = QTimer(stack)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._build_slice)

    # --- Mapping -------------------------------------------------------------------------------
    def __getitem__(self, section_id: str) -> Page:
        page = self._pages.get(section_id)
        if page is not None:
            return page
        section = self._sections[section_id]  # KeyError for an unknown section
        if self._partial is not None and self._partial.section.id == section_id:
            return self._finish_partial()
        started = time.perf_counter()
        page = self._make(section, True)
        self._stack.addWidget(page)
        log.debug("page %s built at once in %.1f ms", section_id, (time.perf_counter() - started) * 1000)
        return self._done(page)

    def __iter__(self) -> Iterator[str]:
        return iter(self._sections)

    def __len__(self) -> int:
        return len(self._sections)

    def __contains__(self, section_id: object) -> bool:
        return section_id in self._sections  # without building it

    # --- building ------------------------------------------------------------------------------
    def built(self, section_id: str) -> Page | None:
        """The page if it is complete, else None (never builds)."""
        return self._pages.get(section_id)

    @property
    def complete(self) -> bool:
        """True once every page exists."""
        return len(self._pages) == len(self._sections)

    def begin(self, section_id: str) -> Page:
        """The page for ``section_id`` as it is now, perhaps only its title: the window can show it
        at once, and its fields follow first in idle time (``on_built`` says when it is complete)."""
        page = self._pages.get(section_id)
        if page is not None:
            return page
        if self._partial is not None and self._partial.section.id != section_id:
            self._finish_partial()  # one page at a time
        if self._partial is None:
            self._queue = [section_id, *(sid for sid in self._queue if sid != section_id)]
            self._start_next()
        self._timer.start()
        return self._partial or self._pages[section_id]

    def build_rest_when_idle(self, first: str | None = None) -> None:
        """Build the pages not built yet in idle time, those after ``first`` first (the pages the
        person is most likely to open next)."""
        ids = list(self._sections)
        start = ids.index(first) if first in self._sections else 0
        self._queue = [sid for sid in ids[start:] + ids[:start] if self._wanted(sid)]
        if self._queue or self._partial is not None:
            self._timer.start()

    def stop_building(self) -> None:
        """No more building in idle time (the notification is read-only, or the window closes);
        ``pages[id]`` still builds a page when it is asked for."""
        self._queue = []
        self._timer.stop()

    def close(self) -> None:
        """The window closes: no more building, and the page half built is given up (its fields are
        not yet inside the window, so closing the window would not delete them)."""
        self.stop_building()
        partial, self._partial = self._partial, None
        if partial is not None:
            partial.abandon()

    def _build_slice(self) -> None:
        started = time.perf_counter()
        while (time.perf_counter() - started) * 1000 < SLICE_MS:
            if self._partial is None and not self._start_next():
                self._timer.stop()
                return
            partial = self._partial
            if partial is not None and partial.build_step():
                self._finish_partial()

    def _start_next(self) -> bool:
        """Begin the next page of the queue; False when there is none left."""
        while self._queue:
            section_id = self._queue.pop(0)
            if not self._wanted(section_id):
                continue
            page = self._make(self._sections[section_id], False)
            self._stack.addWidget(page)
            if isinstance(page, SectionPage):
                self._partial = page
            else:
                self._done(page)  # the review page is built in one go (a few ms)
            return True
        return False

    def _finish_partial(self) -> Page:
        partial = self._partial
        assert partial is not None
        self._partial = None
        partial.finish()
        return self._done(partial)

    def _wanted(self, section_id: str) -> bool:
        return section_id not in self._pages and (self._partial is None
                                                  or self._partial.section.id != section_id)

    def _done(self, page: Page) -> Page:
        self._pages[page.section.id] = page
        self._on_built(page)
        return page

