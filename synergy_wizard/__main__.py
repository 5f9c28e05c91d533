"""Allow ``python -m synergy_wizard``."""

from synergy_wizard.cli import main

raise SystemExit(main())
