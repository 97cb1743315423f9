"""What every test shares: the hypothesis profiles, and the fixtures more than one test file uses.

Randomised tests are repeatable in CI: the `ci` profile (the default) derandomizes hypothesis, so a run draws the
same inputs every time and CI is never red or green by chance. `HKH_FUZZ_PROFILE=explore` draws new inputs and
more of them, for looking for new crashes; each one found becomes an `@example` on its test.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

from report_fixtures import example_run  # noqa: F401 - a fixture, registered here for every test file

settings.register_profile(
    "ci",
    derandomize=True,
    database=None,
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
settings.register_profile(
    "explore",
    derandomize=False,
    deadline=None,
    max_examples=1000,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
settings.load_profile(os.environ.get("HKH_FUZZ_PROFILE", "ci"))
