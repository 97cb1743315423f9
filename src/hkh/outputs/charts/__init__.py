"""Charts: survey bars, the week heatmap, statistics figures."""
