"""Computing only: triangulation, gaps, the plan, statistics. Typed results; nothing printed or written."""
