"""``python -m bench [--quick] [--out DIR]``; see ``bench/run.py``.

>>> import bench.__main__   # doctest: +SKIP
"""

import sys

from bench.run import main

if __name__ == "__main__":
    sys.exit(main())
