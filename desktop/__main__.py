"""``python -m desktop`` starts Underret."""

from desktop.cli import main

raise SystemExit(main())
