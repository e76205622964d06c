"""`python -m generator` runs the framegen CLI."""

from generator.cli import main

raise SystemExit(main())
