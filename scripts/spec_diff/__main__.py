"""``python -m scripts.spec_diff OLD NEW``: see the package docstring."""

import sys

from . import main

sys.exit(main())
