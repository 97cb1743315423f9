"""The chapters of the report, one module each (or two close chapters together), in the order they appear."""
