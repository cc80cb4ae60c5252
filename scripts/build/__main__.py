"""`python -m scripts.build`: check, package and publish every curated request (see build.py)."""
import sys

from .build import main

sys.exit(main())
