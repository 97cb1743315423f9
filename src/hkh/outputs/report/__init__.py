"""The report: a model of chapters and blocks, built from the results, rendered as HTML or Word."""
